import { REVENUE_AREA_ID } from '../../../../shared/areas/revenue/ids';
import { defineRendererArea } from '../types';
import { RevenueHelp, REVENUE_CHECK_THRESHOLDS } from './RevenueHelp';
import { RevenuePage } from './RevenuePage';
import { RevenueSettings } from './RevenueSettings';
import './revenue.css';

/** Revenue monitoring on the renderer side: its page (summary, Appendix 1a/1b, commentaries, narrative; the view kept in the address), settings and help. */
export const revenueRenderer = defineRendererArea({
  id: REVENUE_AREA_ID,
  page: { component: RevenuePage, params: ['table', 'subject'] },
  print: {},
  settings: RevenueSettings,
  help: RevenueHelp,
  checkThresholds: REVENUE_CHECK_THRESHOLDS,
  rollForwardNote: 'Budgets, actuals and forecasts are carried; commentaries and narrative are carried as drafts; the previous variance column is filled from this month.',
});
