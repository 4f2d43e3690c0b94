import { z } from 'zod';
import { MonthId } from '../../periods';
import { GrantSchema } from './grants';
import { EntryKindSchema, LedgerEntrySchema } from './ledger';
import { DirectorateSchema, NoMovementDisplaySchema, ReserveSchema, ScheduleRowSchema, ScheduleTotalsSchema } from './schedule';
import { VirementSchema } from './virements';
import { ReserveHistorySchema } from './history';

/** Appendix 5's methods of the one API; the shared registry adds them to the contract. */
const N = z.number().int().nullable();
const Money = z.number().int().min(-1e14).max(1e14);

const TableHead = z.object({ directorate: DirectorateSchema, ref: z.string(), title: z.string() });

const Page = z.object({
  period: MonthId,
  periodLabel: z.string(),
  /** "2023/24", as the published headers write the year. */
  fyLabel: z.string(),
  /** False while the month holds no Appendix 5 (roll forward or import into it). */
  held: z.boolean(),
  /** Why nothing can be changed (closed month, read-only workspace), or null. */
  lockedReason: z.string().nullable(),
});

export const SIGN_LEGEND = ['(+) positive figures represent surplus funds.', '(-) negative figures represent deficit funds.'] as const;

const Schedules = Page.extend({
  schedules: z.array(
    TableHead.extend({
      display: NoMovementDisplaySchema,
      rows: z.array(ScheduleRowSchema),
      totals: ScheduleTotalsSchema,
      /** The totals as published or imported, where held: shown beside Outturn's own. */
      reported: z.object({ opening: N, movements: N, forecast: N }),
      /** Each reserve's balance month by month and its forecast year end, from the ledger, for the history chart. */
      histories: z.array(ReserveHistorySchema),
    }),
  ),
  /** Every reserve of the register, for the entry form (including those not yet holding entries). */
  reserves: z.array(ReserveSchema),
  directorates: z.array(DirectorateSchema),
  legend: z.array(z.string()),
});

const Ledger = z.object({
  reserve: ReserveSchema,
  period: MonthId,
  entries: z.array(LedgerEntrySchema),
  history: ReserveHistorySchema,
});

const Grants = Page.extend({
  tables: z.array(TableHead.extend({ lines: z.array(GrantSchema), total: N, totalLabel: z.string(), reportedTotal: N })),
});

const Virements = Page.extend({
  tables: z.array(
    TableHead.extend({
      businessPlan: N,
      lines: z.array(VirementSchema),
      computed: N,
      budgetLabel: z.string(),
      reportedBudget: N,
      /** The directorate's current net budget in the revenue lines, when they are held. */
      revenueBudget: N,
      status: z.enum(['reconciled', 'rounding', 'differs', 'no-revenue', 'no-business-plan']),
      message: z.string(),
    }),
  ),
});

const Deficit = z.object({ reason: z.string().trim().min(1, 'give the reason the reserve goes into deficit').max(500) }).strict();

const EntryInput = z
  .object({
    period: MonthId,
    reserveId: z.string().min(1),
    kind: EntryKindSchema,
    amount: Money,
    planned: z.boolean().default(false),
    expectedPeriod: MonthId.nullable().default(null),
    reference: z.string().trim().max(200).nullable().default(null),
    note: z.string().trim().max(1000).nullable().default(null),
    /** For a transfer out: the reserve it goes to (a matching transfer in is recorded there, in the same step). */
    toReserveId: z.string().min(1).nullable().default(null),
    /** Confirms a movement that takes the reserve below zero as a deficit, with the reason (audited). */
    deficit: Deficit.nullable().default(null),
  })
  .strict();

const GrantCell = z.object({ key: z.string().min(1), value: Money.nullable() }).strict();
const VirementCell = z.object({ rowKey: z.string().min(1), value: Money.nullable() }).strict();

export const reservesApi = {
  'reserves.schedules': { input: z.object({ period: MonthId }).strict(), output: Schedules },
  'reserves.ledger': { input: z.object({ period: MonthId, reserveId: z.string().min(1) }).strict(), output: Ledger },
  /** Records a movement, a planned movement, an opening balance or a transfer: refused below zero unless confirmed as a deficit. */
  'reserves.addEntry': { input: EntryInput, output: Schedules },
  'reserves.addReserve': {
    input: z
      .object({
        period: MonthId,
        directorateId: z.string().min(1),
        name: z.string().trim().min(1, 'give the reserve a name').max(200),
        category: z.string().trim().max(200).nullable().default(null),
        description: z.string().trim().max(1000).nullable().default(null),
        opening: Money,
      })
      .strict(),
    output: Schedules,
  },
  'reserves.updateReserve': {
    input: z
      .object({ period: MonthId, reserveId: z.string().min(1), name: z.string().trim().min(1).max(200).optional(), category: z.string().trim().max(200).nullable().optional(), description: z.string().trim().max(1000).nullable().optional() })
      .strict(),
    output: Schedules,
  },
  'reserves.setDisplay': { input: z.object({ period: MonthId, directorateId: z.string().min(1), display: NoMovementDisplaySchema }).strict(), output: Schedules },
  'reserves.grants': { input: z.object({ period: MonthId }).strict(), output: Grants },
  'reserves.setGrantAmounts': { input: z.object({ period: MonthId, directorateId: z.string().min(1), cells: z.array(GrantCell).min(1).max(1000) }).strict(), output: Grants },
  'reserves.addGrant': {
    input: z
      .object({ period: MonthId, directorateId: z.string().min(1), name: z.string().trim().min(1, 'give the grant a name').max(200), awardingBody: z.string().trim().max(200).nullable().default(null), amount: Money.nullable() })
      .strict(),
    output: Grants,
  },
  'reserves.removeGrant': { input: z.object({ period: MonthId, directorateId: z.string().min(1), key: z.string().min(1) }).strict(), output: Grants },
  'reserves.virements': { input: z.object({ period: MonthId }).strict(), output: Virements },
  /** Amounts typed in the grid: a virement's, or the Business Plan budget (row "business-plan"). */
  'reserves.setVirementAmounts': { input: z.object({ period: MonthId, directorateId: z.string().min(1), cells: z.array(VirementCell).min(1).max(1000) }).strict(), output: Virements },
  'reserves.addVirement': {
    input: z
      .object({ period: MonthId, directorateId: z.string().min(1), budgetLine: z.string().trim().min(1, 'name the budget line, or "Various policy lines"').max(200), effectivePeriod: MonthId, amount: Money, notes: z.string().trim().max(1000).nullable().default(null) })
      .strict(),
    output: Virements,
  },
  'reserves.removeVirement': { input: z.object({ period: MonthId, directorateId: z.string().min(1), seq: z.number().int() }).strict(), output: Virements },
} as const;

export type ReservesSchedules = z.infer<typeof Schedules>;
export type ReserveLedger = z.infer<typeof Ledger>;
export type ReservesGrants = z.infer<typeof Grants>;
export type ReservesVirements = z.infer<typeof Virements>;
export type EntryInput = z.input<typeof EntryInput>;
