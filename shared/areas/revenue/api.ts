import { z } from 'zod';
import { MonthId } from '../../periods';
import { CommentarySettingsSchema } from './commentary';
import { DirectorateSchema, EnteredFieldSchema, HundredthsSchema, PreviousSourceSchema, ReportedValueSchema, RevenueLineSchema, SectionSchema } from './model';
import { RevenueSettingsSchema } from './settings';

/** Revenue monitoring's methods of the one API; the shared registry adds them to the contract. */
const N = HundredthsSchema.nullable();
export const FiguresSchema = z.object({ previousVariance: N, grossBudget: N, incomeBudget: N, netBudget: N, actual: N, forecastVariance: N, variancePct: N });

const Locked = z.string().nullable();

export const RevenueTableSchema = z.object({
  period: MonthId,
  periodLabel: z.string(),
  directorate: DirectorateSchema,
  directorates: z.array(DirectorateSchema),
  sections: z.array(SectionSchema),
  lines: z.array(RevenueLineSchema),
  /** Published (or imported) figures of derived cells of this Appendix 1 table. */
  reported: z.array(ReportedValueSchema),
  /** Where the previous column comes from, and the month it is taken from when held. */
  previous: z.object({ source: PreviousSourceSchema, period: MonthId.nullable(), periodLabel: z.string().nullable() }),
  settings: RevenueSettingsSchema,
  lockedReason: Locked,
});
export type RevenueTable = z.infer<typeof RevenueTableSchema>;

/**
 * A save's answer: the lines it named, as now stored, and whether the table may still be edited. Not the
 * whole table: a large council's 5,000 lines made every typed figure 1.5 MB to build, check, send and
 * read back (README, Benchmarks).
 */
export const RevenueSavedSchema = z.object({ period: MonthId, directorateId: z.string(), lines: z.array(RevenueLineSchema), lockedReason: Locked });
export type RevenueSaved = z.infer<typeof RevenueSavedSchema>;

const SummaryRowSchema = z.object({ key: z.string(), label: z.string(), kind: z.enum(['row', 'expenditure_total', 'mitigation', 'total']), figures: FiguresSchema });
export const RevenueSummarySchema = z.object({
  period: MonthId,
  periodLabel: z.string(),
  directorates: z.array(z.object({ directorate: DirectorateSchema, number: z.string(), rows: z.array(SummaryRowSchema), headline: z.string() })),
  /** Forecast variance month by month this financial year, before and after mitigations, per directorate (£000 hundredths). */
  trend: z.array(z.object({ period: MonthId, label: z.string(), values: z.array(z.object({ directorateId: z.string(), before: N, after: N })) })),
});
export type RevenueSummary = z.infer<typeof RevenueSummarySchema>;

export const CommentaryAreaSchema = z.object({
  key: z.string(),
  directorateId: z.string(),
  label: z.string(),
  /** The six figures of its box, % on the commentary base. */
  figures: FiguresSchema,
  threshold: HundredthsSchema,
  needsCommentary: z.boolean(),
  /** Its lines, each of which may carry a commentary of its own that covers the area. */
  lines: z.array(z.object({ key: z.string(), label: z.string(), figures: FiguresSchema })),
});
export const CommentarySchema = z.object({ subjectKey: z.string(), title: z.string(), body: z.string(), carried: z.boolean() });
export type Commentary = z.infer<typeof CommentarySchema>;
export const RevenueCommentariesSchema = z.object({
  period: MonthId,
  periodLabel: z.string(),
  directorates: z.array(DirectorateSchema),
  areas: z.array(CommentaryAreaSchema),
  commentaries: z.array(CommentarySchema),
  settings: CommentarySettingsSchema,
  lockedReason: Locked,
});
export type RevenueCommentaries = z.infer<typeof RevenueCommentariesSchema>;

export const NARRATIVE_SECTIONS = [
  { key: '1.1', title: '1.1 Overall Position' },
  { key: '1.3', title: '1.3 Significant Issues', perDirectorate: true },
  { key: '2', title: '2. Capital Executive Summary' },
] as const;
export const NarrativeSchema = z.object({ key: z.string(), title: z.string(), body: z.string(), carried: z.boolean() });
export type Narrative = z.infer<typeof NarrativeSchema>;
export const RevenueNarrativesSchema = z.object({ period: MonthId, periodLabel: z.string(), narratives: z.array(NarrativeSchema), lockedReason: Locked });
export type RevenueNarratives = z.infer<typeof RevenueNarrativesSchema>;

const TableRef = z.object({ period: MonthId, directorateId: z.string().min(1) }).strict();
const CellChange = z.object({ lineKey: z.string().min(1), field: EnteredFieldSchema, value: HundredthsSchema.nullable() }).strict();
const Body = z.string().max(20_000, 'a commentary is at most 20,000 characters');

export const revenueApi = {
  'revenue.table': { input: TableRef, output: RevenueTableSchema },
  /** An edit, a paste or a fill: every cell checked first, all applied as one undoable step or none. */
  'revenue.setCells': { input: TableRef.extend({ cells: z.array(CellChange).min(1).max(100_000), source: z.enum(['grid', 'paste']) }).strict(), output: RevenueSavedSchema },
  'revenue.summary': { input: z.object({ period: MonthId }).strict(), output: RevenueSummarySchema },
  'revenue.commentaries': { input: z.object({ period: MonthId }).strict(), output: RevenueCommentariesSchema },
  'revenue.setCommentary': {
    input: z.object({ period: MonthId, subjectKey: z.string().min(1), title: z.string().trim().max(200).optional(), body: Body }).strict(),
    output: RevenueCommentariesSchema,
  },
  'revenue.narratives': { input: z.object({ period: MonthId }).strict(), output: RevenueNarrativesSchema },
  'revenue.setNarrative': { input: z.object({ period: MonthId, key: z.string().min(1), body: Body }).strict(), output: RevenueNarrativesSchema },
  'revenue.settings': { input: z.object({}).strict(), output: RevenueSettingsSchema },
  'revenue.updateSettings': { input: RevenueSettingsSchema.partial().strict(), output: RevenueSettingsSchema },
} as const;
