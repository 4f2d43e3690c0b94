import { z } from 'zod';
import { MonthId, QuarterId } from '../../periods';
import { DirectorateSchema, MoneySchema, RagSchema, SavingFigureSchema, SavingLineSchema, SavingTextSchema } from './model';
import { RAG_BANDS, RagSettingsFields, RagSettingsSchema } from './rag';
import { FinancialYearSchema, ProposalInputSchema, ProposalSchema } from './pipeline';

/** The Savings Tracker's methods of the one API; the shared registry adds them to the contract. */
const Money = MoneySchema.nullable();

export const TrackerRowSchema = SavingLineSchema.extend({
  variance: Money,
  pctVariance: z.number().int().nullable(),
  ruleRag: RagSchema.nullable(),
  ragWhy: z.string(),
  band: z.enum(RAG_BANDS).nullable(),
  noRag: z.enum(['no-original', 'no-forecast']).nullable(),
  rag: RagSchema.nullable(),
  overridden: z.boolean(),
  previousForecast: Money,
  movement: Money,
  /** The RAG the published or imported tracker states for this saving, kept as a reported value. */
  reportedRag: RagSchema.nullable(),
});

const TrackerGroup = z.object({
  directorate: DirectorateSchema,
  /** "4.1". */
  number: z.string(),
  title: z.string(),
  rows: z.array(TrackerRowSchema),
  totals: z.object({ originalSaving: Money, forecastSaving: Money, variance: Money }),
});

export const SavingsTrackerSchema = z.object({
  period: MonthId,
  periodLabel: z.string(),
  financialYear: z.string(),
  /** The quarter this month publishes, or null (the page then shows the year's register). */
  quarter: QuarterId.nullable(),
  quarterLabel: z.string().nullable(),
  /** register: the live savings; snapshot: the quarter's tracker frozen when its month closed. */
  source: z.enum(['register', 'snapshot']),
  /** The last quarter's tracker the movement is measured from, when there is one. */
  previous: z.object({ period: MonthId, quarterLabel: z.string() }).nullable(),
  groups: z.array(TrackerGroup),
  ragSettings: RagSettingsSchema,
  lockedReason: z.string().nullable(),
});
export type SavingsTracker = z.infer<typeof SavingsTrackerSchema>;
export type TrackerGroup = z.infer<typeof TrackerGroup>;
export type TrackerRowOut = z.infer<typeof TrackerRowSchema>;

const Ref = z.object({ period: MonthId }).strict();
const FigureCell = z.object({ lineId: z.string().min(1), field: SavingFigureSchema, value: MoneySchema.nullable() }).strict();

export const SavingsSettingsSchema = z.object({ rag: RagSettingsSchema });

export const savingsApi = {
  'savings.tracker': { input: Ref, output: SavingsTrackerSchema },
  /** Original and forecast figures: an edit, a paste or a fill, one undoable step or none. */
  'savings.setFigures': { input: Ref.extend({ cells: z.array(FigureCell).min(1).max(5000), source: z.enum(['grid', 'paste']) }).strict(), output: SavingsTrackerSchema },
  'savings.setText': { input: Ref.extend({ lineId: z.string().min(1), field: SavingTextSchema, value: z.string().max(4000).nullable() }).strict(), output: SavingsTrackerSchema },
  /** An officer's RAG with the mandatory reason; rag null withdraws the override (the rule's RAG stands again). */
  'savings.overrideRag': {
    input: Ref.extend({ lineId: z.string().min(1), rag: RagSchema.nullable(), reason: z.string().trim().max(1000).default('') }).strict(),
    output: SavingsTrackerSchema,
  },
  'savings.addLine': {
    input: Ref.extend({
      directorateId: z.string().min(1),
      bpRef: z.string().trim().min(1, 'give the BP Ref').max(80),
      title: z.string().trim().min(1, 'give the saving a title').max(300),
      owner: z.string().trim().max(120).optional(),
      originalSaving: MoneySchema,
    }).strict(),
    output: SavingsTrackerSchema,
  },
  /** An unachieved saving becomes a "C/F yy-yy Saving" line of next year's tracker, linked to it. */
  'savings.carryForward': { input: Ref.extend({ lineId: z.string().min(1) }).strict(), output: SavingsTrackerSchema },
  /** The savings pipeline: proposals for a coming Business Plan; agreeing a year's plan makes them tracker lines. */
  'savings.proposals': { input: z.object({}).strict(), output: z.array(ProposalSchema) },
  'savings.propose': { input: ProposalInputSchema, output: z.array(ProposalSchema) },
  'savings.agreePlan': { input: Ref.extend({ financialYear: FinancialYearSchema }).strict(), output: z.object({ added: z.number().int(), proposals: z.array(ProposalSchema) }) },
  'savings.settings': { input: z.object({}).strict(), output: SavingsSettingsSchema },
  'savings.updateSettings': { input: z.object({ rag: RagSettingsFields.partial().strict() }).strict(), output: SavingsSettingsSchema },
} as const;
