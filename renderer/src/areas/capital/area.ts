import { CAPITAL_AREA_ID } from '../../../../shared/areas/capital/ids';
import { defineRendererArea } from '../types';
import { CapitalPage } from './CapitalPage';
import { printCapitalSection } from './print';
import { CAPITAL_CHECK_THRESHOLDS, CapitalHelp } from './CapitalHelp';

/** The capital programme on the renderer side: its page (4.1 and 4.2) and its help. */
export const capitalRenderer = defineRendererArea({
  id: CAPITAL_AREA_ID,
  page: { component: CapitalPage, params: [] },
  print: { [CAPITAL_AREA_ID]: printCapitalSection },
  help: CapitalHelp,
  checkThresholds: CAPITAL_CHECK_THRESHOLDS,
  rollForwardNote: 'The schemes and funding sources are carried with their figures, to be updated for the new month.',
});
