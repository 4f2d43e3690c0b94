import { KAD_AREA_ID } from '../../../../shared/areas/kad/ids';
import { defineRendererArea } from '../types';
import { KAD_CHECK_THRESHOLDS, KadHelp } from './help/KadHelp';
import { KadPage } from './KadPage';
import { printKadSection } from './print/section';
import { KadSettings } from './settings/KadSettings';
// After the page's imports, so these rules follow the generic grid's stylesheet.
import './kad.css';

/** Key Activity Data on the renderer side: its page (one service's table, the service kept in the address), Section 5 in the print view, its settings and help. */
export const kadRenderer = defineRendererArea({
  id: KAD_AREA_ID,
  page: { component: KadPage, params: ['service'] },
  // Its pack section has the area's id (shared/areas/kad/area.ts).
  print: { [KAD_AREA_ID]: printKadSection },
  settings: KadSettings,
  help: KadHelp,
  checkThresholds: KAD_CHECK_THRESHOLDS,
  rollForwardNote: 'Budget columns are carried; actual figures are copied as a starting point and marked as not yet updated.',
});
