import { SAVINGS_AREA_ID } from '../../../../shared/areas/savings/ids';
import { defineRendererArea } from '../types';
import { SAVINGS_CHECK_THRESHOLDS, SavingsHelp } from './help/SavingsHelp';
import { PipelinePage } from './PipelinePage';
import { SavingsPage } from './SavingsPage';
import { printSavingsSection } from './print/section';
import { SavingsSettings } from './SavingsSettings';
import './savings.css';

/** The Savings Tracker on the renderer side: its page (the month's trackers), its help. */
export const savingsRenderer = defineRendererArea({
  id: SAVINGS_AREA_ID,
  page: { component: SavingsPage, params: [] },
  morePages: [{ id: `${SAVINGS_AREA_ID}-pipeline`, name: 'Savings pipeline', page: { component: PipelinePage, params: [] } }],
  // Its pack section has the area's id (shared/areas/savings/area.ts).
  print: { [SAVINGS_AREA_ID]: printSavingsSection },
  settings: SavingsSettings,
  help: SavingsHelp,
  checkThresholds: SAVINGS_CHECK_THRESHOLDS,
  rollForwardNote: 'Savings are kept for the financial year, not per month: nothing of them is copied.',
});
