import path from 'node:path';
import { savingsShared } from '../../../shared/areas/savings/area';
import { defineArea } from '../types';
import { savingsChecks } from './checks';
import { seedSavingsDemo } from './demo';
import { addSaving, carryForward, overrideRag, savingsHeld, savingsTracker, setSavingFigures, setSavingText } from './service';
import { freezeSavings, ragSettings, updateRagSettings } from './settings';
import { snapshotOnClose, voidSnapshotOnReopen } from './snapshots';
import { SAVINGS_TABLES } from './tables';
import { savingsSection } from './pack';
import { savingsReturns } from './returns';
import { addProposal, agreePlan, listProposals } from './pipeline';
import { SAVINGS_IMPORT } from './import/staged';
import { savingsTemplate } from './import/template';
import { savingsYearEnd, savingsYearEndOffers, savingsYearEndPreview } from './year-end';

/** The Savings Tracker (FMR Appendix 4): everything it adds, declared in one place. */
export const savingsArea = defineArea({
  shared: savingsShared,
  tables: SAVINGS_TABLES,
  migrationsDir: path.join(__dirname, 'migrations'),
  handlers: (host) => ({
    'savings.tracker': ({ period }) => savingsTracker(host.ws, period),
    'savings.setFigures': ({ period, cells, source }, ctx) => setSavingFigures(host.ws, period, cells, source === 'paste' && ctx.channel === 'grid' ? 'paste' : ctx.channel),
    'savings.setText': ({ period, lineId, field, value }, ctx) => setSavingText(host.ws, period, lineId, field, value, ctx.channel),
    'savings.overrideRag': ({ period, lineId, rag, reason }, ctx) => overrideRag(host.ws, period, lineId, rag, reason, ctx.channel),
    'savings.addLine': (input, ctx) => addSaving(host.ws, input, ctx.channel),
    'savings.carryForward': ({ period, lineId }, ctx) => carryForward(host.ws, period, lineId, ctx.channel),
    'savings.proposals': () => listProposals(host.ws),
    'savings.propose': (input, ctx) => addProposal(host.ws, input, ctx.channel),
    'savings.agreePlan': ({ period, financialYear }, ctx) => agreePlan(host.ws, period, financialYear, ctx.channel),
    'savings.settings': () => ({ rag: ragSettings(host.ws) }),
    'savings.updateSettings': ({ rag }, ctx) => ({ rag: updateRagSettings(host.ws, rag, ctx.channel) }),
  }),
  hasData: savingsHeld,
  freeze: (ws) => freezeSavings(ws),
  closing: snapshotOnClose,
  reopened: voidSnapshotOnReopen,
  yearEndOffers: (ws, fromYear) => savingsYearEndOffers(ws, fromYear),
  yearEndPreview: savingsYearEndPreview,
  yearEnd: savingsYearEnd,
  checks: savingsChecks,
  pack: [savingsSection],
  returns: savingsReturns,
  imports: [SAVINGS_IMPORT],
  template: savingsTemplate,
  demo: (ws) => seedSavingsDemo(ws),
});
