import { REVENUE_AREA_ID } from '../../../../shared/areas/revenue/ids';
import { REVENUE_SECTION_IDS } from '../../../../shared/areas/revenue/pack-layout';
import { printRevenueAppendix1, printRevenueAppendix2, printRevenueSummary } from './print/sections';
import { defineRendererArea } from '../types';
import { RevenueHelp, REVENUE_CHECK_THRESHOLDS } from './RevenueHelp';
import { RevenuePage } from './RevenuePage';
import { RevenueSettings } from './RevenueSettings';
import './revenue.css';

/** Revenue monitoring on the renderer side: its page (summary, Appendix 1a/1b, commentaries, narrative; the view kept in the address), settings and help. */
export const revenueRenderer = defineRendererArea({
  id: REVENUE_AREA_ID,
  page: { component: RevenuePage, params: ['table', 'subject'] },
  print: { [REVENUE_SECTION_IDS.narrative]: printRevenueSummary, [REVENUE_SECTION_IDS.appendix1]: printRevenueAppendix1, [REVENUE_SECTION_IDS.appendix2]: printRevenueAppendix2 },
  settings: RevenueSettings,
  help: RevenueHelp,
  checkThresholds: REVENUE_CHECK_THRESHOLDS,
  rollForwardNote: 'Budgets, actuals and forecasts are carried; commentaries and narrative are carried as drafts; the previous variance column is filled from this month.',
});
