import { z } from 'zod';
import { MonthId, MonthRange, QuarterPublishingSchema } from '../periods';
import { FindingSchema, TargetSchema } from '../checks';
import { PackSettingsUpdateSchema, PeriodPackSettingsSchema } from '../pack/settings';
import { BackupInfoSchema, ImportJobStatusSchema, PreviewLineSchema, UPLOAD_CHUNK_BYTES } from '../import/schemas';
import { AREA_API, extraAreaApi, type AreaApi } from '../areas';
import type { ApiSpec } from '../area';
import { CellAddressSchema, CellHistorySchema } from '../audit';
import { ArchivedPackSchema, CloseResultSchema, MonthEndSettingsSchema, MonthEndStateSchema } from '../monthend';
import { DueDate, ResolutionSchema, ReturnInfoSchema, ReturnsAppliedSchema, ReturnsAreaSchema, ReturnsBatchSchema } from '../returns';
import type { WireError } from './errors';

/**
 * The one API of Outturn: method name -> zod schemas of its input and output. The core's methods are
 * here; each area adds its own through the registry (shared/areas). The main process implements it once
 * (main/api/handlers.ts); Electron IPC and the loopback HTTP bridge both serve that handler table, and
 * the renderer calls it through one typed client without knowing which it has.
 */
const Empty = z.object({}).strict();

/** Which finding, with the figures it had when shown (a review does not cover changed figures). */
const FindingRef = z.object({
  period: MonthId,
  area: z.string(),
  table: z.string(),
  row: z.string(),
  rowKey: z.string().nullable(),
  column: z.string(),
  columnKey: z.string().nullable(),
  rule: z.string(),
  reported: z.string().nullable(),
  computed: z.string().nullable(),
});

const AppInfo = z.object({
  appVersion: z.string(),
  workspacePath: z.string(),
  workspaceName: z.string(),
  isDemo: z.boolean(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
  networkShareWarning: z.string().nullable(),
  user: z.string(),
  machine: z.string(),
});

const PeriodInfo = z.object({
  id: MonthId,
  label: z.string(),
  /** Ready: marked ready for review, still open (an edit returns it to open). */
  status: z.enum(['open', 'ready', 'closed']),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  readyBy: z.string().nullable(),
  /** The sign-off in force, for a month closed by one. */
  signedOffBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  /** Ids of the areas holding figures for this month. */
  areas: z.array(z.string()),
  publishesFmr: z.boolean(),
});

const HistoryState = z.object({
  canUndo: z.boolean(),
  undoLabel: z.string().nullable(),
  canRedo: z.boolean(),
  redoLabel: z.string().nullable(),
});

const HistoryStep = z.object({
  label: z.string(),
  /** Where the step landed, so the renderer can show that page. */
  target: TargetSchema.nullable(),
  history: HistoryState,
});

const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  osUser: z.string(),
  machine: z.string(),
  channel: z.string(),
  entity: z.string(),
  entityKey: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  fileName: z.string().nullable(),
  fileSha256: z.string().nullable(),
  /** Whose offline return the change came from, when it did (the officer who applied it is osUser). */
  onBehalfOf: z.string().nullable(),
});

const FinancialYear = z.string().regex(/^\d{4}-\d{2}$/, 'a financial year is written YYYY-YY, for example 2023-24');
/** Something an area offers to carry into the new year: `id` is "<area>:<its id>", as `accept` takes it. */
const YearEndOffer = z.object({ id: z.string(), label: z.string() });
const YearEndSummary = z.object({ fromYear: z.string(), toYear: z.string(), areas: z.array(z.object({ area: z.string(), name: z.string(), lines: z.array(z.string()), offers: z.array(YearEndOffer) })), label: z.string() });

export const coreContract = {
  'app.info': { input: Empty, output: AppInfo },
  'periods.list': { input: Empty, output: z.object({ financialYear: z.string(), months: z.array(PeriodInfo) }) },
  /** Creates next month from this one in one step: every area holding figures rolls its own forward. */
  'periods.rollForward': { input: z.object({ fromPeriod: MonthId }).strict(), output: z.object({ period: MonthId, label: z.string(), areas: z.array(z.string()) }) },
  /** A plain close (no sign-off) and a reopen with its reason (voiding a sign-off); both audited. */
  'periods.close': { input: z.object({ period: MonthId }).strict(), output: CloseResultSchema },
  'periods.reopen': {
    input: z.object({ period: MonthId, reason: z.string().trim().min(1, 'give a reason for reopening').max(500) }).strict(),
    output: z.object({ label: z.string(), voidedSignOff: z.object({ by: z.string(), at: z.string() }).nullable() }),
  },
  /** The month-end workflow: the preparer marks the month ready for review; a reviewer signs it off, which closes it. */
  'periods.markReady': { input: z.object({ period: MonthId }).strict(), output: z.object({ label: z.string() }) },
  'periods.signOff': { input: z.object({ period: MonthId }).strict(), output: CloseResultSchema },
  /** A month's status, what blocks each step, who did what when, its sign-offs and archived packs. */
  'periods.monthEnd': { input: z.object({ period: MonthId }).strict(), output: MonthEndStateSchema },
  /** Offline returns of a month (main/returns): each issued, returned, overdue or applied; who each area would send one to. */
  'returns.list': { input: z.object({ period: MonthId }).strict(), output: z.object({ returns: z.array(ReturnInfoSchema), areas: z.array(ReturnsAreaSchema) }) },
  /** One return per owner of an area's rows for the month (an owner's earlier one is replaced), due on dueDate (two weeks when not given). */
  'returns.issue': { input: z.object({ area: z.string().min(1), period: MonthId, dueDate: DueDate.optional() }).strict(), output: z.object({ label: z.string(), unowned: z.array(z.string()) }) },
  /** An issued return's workbook (base64), the same each time it is fetched. */
  'returns.workbook': { input: z.object({ id: z.string().min(1) }).strict(), output: z.object({ fileName: z.string(), data: z.string() }) },
  /** Whether an uploaded file is an Outturn return workbook (taken back with returns.preview, not import.start). */
  'returns.detect': { input: z.object({ uploadId: z.string() }).strict(), output: z.object({ isReturn: z.boolean() }) },
  /** Several uploaded return workbooks read and checked together: per cell the value when issued, returned and now; nothing is written. */
  'returns.preview': { input: z.object({ uploadIds: z.array(z.string()).min(1).max(200) }).strict(), output: ReturnsBatchSchema },
  /**
   * A previewed batch applied in one audited, undoable step, every conflict resolved by token (mine or
   * theirs); with conflicts unresolved nothing is applied and the returns are recorded as returned.
   * leaveOutRefused applies the rest when some files were refused (else a refused file stops the batch).
   */
  'returns.apply': {
    input: z.object({ batchId: z.string(), resolutions: z.record(z.string(), ResolutionSchema).default({}), leaveOutRefused: z.boolean().default(false) }).strict(),
    output: ReturnsAppliedSchema,
  },
  'periods.updateMonthEndSettings': { input: MonthEndSettingsSchema.partial().strict(), output: MonthEndSettingsSchema },
  /** The committee pack archived when the month closed (the latest unless `id`), exactly as archived. */
  'periods.archivedPack': {
    input: z.object({ period: MonthId, id: z.number().int().min(1).optional() }).strict(),
    output: ArchivedPackSchema.extend({ data: z.string() }),
  },
  /** Which month publishes each quarter's tables (a calendar month per quarter, the first after it ends). */
  'periods.quarterPublishing': { input: Empty, output: QuarterPublishingSchema },
  'periods.setQuarterPublishing': { input: QuarterPublishingSchema.partial().strict(), output: QuarterPublishingSchema },
  /** Every area's findings for a month, with the officers' reviews. */
  'checks.list': { input: z.object({ period: MonthId }).strict(), output: z.array(FindingSchema) },
  /** Accept findings a correction superseded, acknowledge published errors with a note, or reopen them. */
  'checks.review': {
    input: z
      .object({
        period: MonthId,
        findings: z.array(FindingRef).min(1).max(2000),
        status: z.enum(['accepted', 'acknowledged', 'open']),
        note: z.string().max(1000).default(''),
      })
      .strict(),
    output: z.array(FindingSchema),
  },
  /** Files travel in base64 chunks over either transport; then an import job reads, previews and applies. */
  'upload.begin': { input: z.object({ fileName: z.string().min(1).max(255), bytes: z.number().int().min(0) }).strict(), output: z.object({ uploadId: z.string() }) },
  'upload.chunk': {
    input: z.object({ uploadId: z.string(), offset: z.number().int().min(0), data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4) }).strict(),
    output: z.object({ received: z.number() }),
  },
  'import.start': { input: z.object({ uploadId: z.string(), period: MonthId.optional(), months: MonthRange.optional() }).strict(), output: z.object({ jobId: z.string() }) },
  'import.status': { input: z.object({ jobId: z.string() }).strict(), output: ImportJobStatusSchema },
  'import.lines': {
    input: z.object({ jobId: z.string(), tableId: z.string(), status: z.enum(['new', 'changed', 'unchanged', 'all']), offset: z.number().int().min(0), limit: z.number().int().min(1).max(200) }).strict(),
    output: z.array(PreviewLineSchema),
  },
  'import.apply': { input: z.object({ jobId: z.string() }).strict(), output: ImportJobStatusSchema },
  'import.cancel': { input: z.object({ jobId: z.string() }).strict(), output: ImportJobStatusSchema },
  'template.download': { input: z.object({ period: MonthId, filled: z.boolean() }).strict(), output: z.object({ fileName: z.string(), data: z.string() }) },
  'backups.list': { input: Empty, output: z.array(BackupInfoSchema) },
  /** A reason is needed when the backup would reopen a month that is closed now. */
  'backups.restore': { input: z.object({ name: z.string().min(1), reason: z.string().trim().min(1).max(500).optional() }).strict(), output: AppInfo },
  /** The pack's settings for a month (the council's, and the month's own meeting, title and author). */
  'pack.settings': { input: z.object({ period: MonthId.optional() }).strict(), output: PeriodPackSettingsSchema },
  /** Saving a month's settings confirms them (they are marked carried after a roll forward until then). */
  'pack.updateSettings': { input: PackSettingsUpdateSchema.extend({ period: MonthId.optional() }).strict(), output: PeriodPackSettingsSchema },
  /** What is not ready in a month for its pack: shown before an export. */
  'pack.readiness': {
    input: z.object({ period: MonthId }).strict(),
    output: z.object({ period: MonthId, empty: z.boolean(), lines: z.array(z.string()), openFindings: z.number(), ready: z.boolean() }),
  },
  /** The committee pack workbook for a month, for the renderer to save (browser download or Electron). */
  'pack.export': {
    input: z.object({ period: MonthId, sections: z.array(z.string().min(1).max(40)).min(1).max(50).optional() }).strict(),
    output: z.object({ fileName: z.string(), data: z.string(), sheets: z.number(), figures: z.number() }),
  },
  'history.state': { input: Empty, output: HistoryState },
  'history.undo': { input: Empty, output: HistoryStep },
  'history.redo': { input: Empty, output: HistoryStep },
  'audit.list': { input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(), output: z.array(AuditEntry) },
  /** Every change of one cell of any registered table: who, when, from what to what, how, the file. */
  'audit.cell': { input: CellAddressSchema, output: CellHistorySchema },
  /** The month's audit report as an Excel workbook, for auditors. */
  'audit.report': { input: z.object({ period: MonthId }).strict(), output: z.object({ fileName: z.string(), data: z.string(), rows: z.number() }) },
  'demo.reset': { input: Empty, output: AppInfo },
  /**
   * The year-end rollover: what it would do and what it offers to carry forward, then doing it (the next
   * year's months, balances brought forward, the offers accepted by id, or every one with `acceptAll`).
   */
  'year.preview': { input: z.object({ fromYear: FinancialYear }).strict(), output: YearEndSummary },
  'year.rollOver': { input: z.object({ fromYear: FinancialYear, accept: z.array(z.string()).optional(), acceptAll: z.boolean().optional() }).strict(), output: YearEndSummary },
} as const;

export const contract = { ...coreContract, ...AREA_API };

export type Contract = typeof coreContract & AreaApi;
export type Method = keyof Contract;
export type Input<K extends Method> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends Method> = z.output<Contract[K]['input']>;
export type Output<K extends Method> = z.output<Contract[K]['output']>;

/** Every method served now: the contract's and those of any area registered at run time (tests). */
export function methodSpec(name: string): ApiSpec[string] | undefined {
  if (Object.prototype.hasOwnProperty.call(contract, name)) return (contract as unknown as ApiSpec)[name];
  const extra = extraAreaApi();
  return Object.prototype.hasOwnProperty.call(extra, name) ? extra[name] : undefined;
}

export type AppInfo = z.infer<typeof AppInfo>;
export type PeriodInfo = z.infer<typeof PeriodInfo>;
export type HistoryState = z.infer<typeof HistoryState>;
export type HistoryStep = z.infer<typeof HistoryStep>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type YearEndSummary = z.infer<typeof YearEndSummary>;

/** What travels over either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
