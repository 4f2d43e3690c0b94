import path from 'node:path';
import { reservesShared } from '../../../shared/areas/reserves/area';
import { defineArea } from '../types';
import { reservesChecks } from './checks';
import { reservesPack } from './pack';
import { seedReservesDemo } from './demo';
import { addGrant, removeGrant, reservesGrants, setGrantAmounts } from './grants';
import { addEntry, addReserve, reserveLedger, reservesSchedules, setDisplay, updateReserve } from './ledger';
import { GRANTS_IMPORT } from './import/grants-staged';
import { SCHEDULE_IMPORT } from './import/staged';
import { VIREMENTS_IMPORT } from './import/virements-staged';
import { reservesTemplate } from './import/template';
import { FROZEN_REGISTER_KEY, hasReserves, listReserves } from './repository';
import { reservesYearEnd, reservesYearEndPreview, rollReservesForward } from './rollover';
import { RESERVES_TABLES } from './tables';
import { addVirement, removeVirement, reservesVirements, setVirementAmounts } from './virements';

/** Appendix 5, the technical note: grants, virements and the earmarked reserves ledger, declared in one place. */
export const reservesArea = defineArea({
  shared: reservesShared,
  tables: RESERVES_TABLES,
  migrationsDir: path.join(__dirname, 'migrations'),
  handlers: (host) => ({
    'reserves.schedules': ({ period }) => reservesSchedules(host.ws, period),
    'reserves.ledger': ({ period, reserveId }) => reserveLedger(host.ws, period, reserveId),
    'reserves.addEntry': (input, ctx) => addEntry(host.ws, input, ctx.channel),
    'reserves.addReserve': (input, ctx) => addReserve(host.ws, input, ctx.channel),
    'reserves.updateReserve': (input, ctx) => updateReserve(host.ws, input, ctx.channel),
    'reserves.setDisplay': (input, ctx) => setDisplay(host.ws, input, ctx.channel),
    'reserves.grants': ({ period }) => reservesGrants(host.ws, period),
    'reserves.setGrantAmounts': (input, ctx) => setGrantAmounts(host.ws, input, ctx.channel),
    'reserves.addGrant': (input, ctx) => addGrant(host.ws, input, ctx.channel),
    'reserves.removeGrant': (input, ctx) => removeGrant(host.ws, input, ctx.channel),
    'reserves.virements': ({ period }) => reservesVirements(host.ws, period),
    'reserves.setVirementAmounts': (input, ctx) => setVirementAmounts(host.ws, input, ctx.channel),
    'reserves.addVirement': (input, ctx) => addVirement(host.ws, input, ctx.channel),
    'reserves.removeVirement': (input, ctx) => removeVirement(host.ws, input, ctx.channel),
  }),
  hasData: hasReserves,
  rollForward: rollReservesForward,
  // The register's names and headings as the month closed them: renaming a reserve later changes no closed month.
  freeze: (ws) => ({ [FROZEN_REGISTER_KEY]: JSON.stringify(listReserves(ws)) }),
  yearEnd: reservesYearEnd,
  yearEndPreview: reservesYearEndPreview,
  checks: reservesChecks,
  imports: [SCHEDULE_IMPORT, GRANTS_IMPORT, VIREMENTS_IMPORT],
  template: reservesTemplate,
  pack: [reservesPack],
  demo: seedReservesDemo,
});
