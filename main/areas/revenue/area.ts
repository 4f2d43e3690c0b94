import path from 'node:path';
import { revenueShared } from '../../../shared/areas/revenue/area';
import { defineArea } from '../types';
import { revenueChecks } from './checks';
import { seedRevenueDemo } from './demo';
import { REVENUE_IMPORT } from './import/staged';
import { revenueTemplate } from './import/template';
import { REVENUE_PACK } from './pack/sections';
import { revenueNotReady } from './period';
import { copyMonthForward, hasRevenue } from './repository';
import { revenueCommentaries, revenueNarratives, revenueSummary, revenueTable, setRevenueCells, setRevenueCommentary, setRevenueNarrative } from './service';
import { freezeRevenue, revenueSettings, updateRevenueSettings } from './settings';
import { REVENUE_TABLES } from './tables';

/** Revenue monitoring (FMR sections 1–2, Appendices 1 and 2): everything it adds, declared in one place. */
export const revenueArea = defineArea({
  shared: revenueShared,
  tables: REVENUE_TABLES,
  migrationsDir: path.join(__dirname, 'migrations'),
  handlers: (host) => ({
    'revenue.table': ({ period, directorateId }) => revenueTable(host.ws, period, directorateId),
    'revenue.setCells': ({ source, ...input }, ctx) => setRevenueCells(host.ws, input, source === 'paste' && ctx.channel === 'grid' ? 'paste' : ctx.channel),
    'revenue.summary': ({ period }) => revenueSummary(host.ws, period),
    'revenue.commentaries': ({ period }) => revenueCommentaries(host.ws, period),
    'revenue.setCommentary': (input, ctx) => setRevenueCommentary(host.ws, input, ctx.channel),
    'revenue.narratives': ({ period }) => revenueNarratives(host.ws, period),
    'revenue.setNarrative': (input, ctx) => setRevenueNarrative(host.ws, input, ctx.channel),
    'revenue.settings': () => revenueSettings(host.ws),
    'revenue.updateSettings': (input, ctx) => updateRevenueSettings(host.ws, input, ctx.channel),
  }),
  hasData: hasRevenue,
  // Budgets, actuals and forecasts carried; commentaries and narrative carried as drafts. The previous
  // month's variance is read from the month held, so nothing of it is copied.
  rollForward: copyMonthForward,
  freeze: (ws) => freezeRevenue(ws),
  checks: revenueChecks,
  notReady: revenueNotReady,
  imports: [REVENUE_IMPORT],
  template: revenueTemplate,
  pack: REVENUE_PACK,
  demo: (ws) => seedRevenueDemo(ws),
});
