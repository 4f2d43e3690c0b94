import { z } from 'zod';
import { MonthId } from '../periods';
import { HundredthsSchema, KadFieldSchema, KadLineSchema, ReportedValueSchema } from '../kad/model';
import { AVERAGING_RULES, type AveragingRule } from '../kad/totals';
import { FindingSchema, KadSettingsSchema } from '../kad/checks';
import { KadTrendSchema } from '../kad/trend';
import { KadConfigSchema } from '../kad/config';
import { PackSettingsSchema, PackSettingsUpdateSchema } from '../pack/settings';
import { PACK_SECTION_IDS, type PackSectionId } from '../pack/sections';
import { BackupInfoSchema, ImportJobStatusSchema, PreviewLineSchema, UPLOAD_CHUNK_BYTES } from '../import/schemas';
import type { WireError } from './errors';

/**
 * The one API of Outturn: method name -> zod schemas of its input and output. The main process
 * implements it once (main/api/handlers.ts); Electron IPC and the loopback HTTP bridge both serve that
 * handler table, and the renderer calls it through one typed client without knowing which it has.
 */
const Empty = z.object({}).strict();

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
  status: z.enum(['open', 'closed']),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  hasKad: z.boolean(),
  publishesFmr: z.boolean(),
});

const KadService = z.object({ id: z.string(), name: z.string(), caption: z.string() });

const AveragingRuleSchema = z.enum(Object.keys(AVERAGING_RULES) as [AveragingRule, ...AveragingRule[]]);

const OtherMonth = z.object({ period: MonthId, periodLabel: z.string(), lines: z.array(KadLineSchema) });

const KadTable = z.object({
  period: MonthId,
  periodLabel: z.string(),
  service: KadService,
  averagingRule: AveragingRuleSchema,
  /** Weeks in a year for the run-rate columns (52.14 by default). */
  runRateWeeks: z.number(),
  lines: z.array(KadLineSchema),
  reported: z.array(ReportedValueSchema),
  /** Last month's lines when held: arrows are computed from them; otherwise reported arrows are shown. */
  previous: OtherMonth.nullable(),
  /** The month chosen to compare with, when one is. */
  comparison: OtherMonth.nullable(),
  /** Why the table cannot be edited (closed period, read-only workspace), or null. */
  lockedReason: z.string().nullable(),
});

const KadRef = z.object({ period: MonthId, serviceId: z.string().min(1) }).strict();

const CellChange = z.object({ lineKey: z.string().min(1), field: KadFieldSchema, value: HundredthsSchema.nullable() }).strict();

const HistoryState = z.object({
  canUndo: z.boolean(),
  undoLabel: z.string().nullable(),
  canRedo: z.boolean(),
  redoLabel: z.string().nullable(),
});

const HistoryStep = z.object({
  label: z.string(),
  /** Where the step landed, so the renderer can show that table. */
  period: MonthId.nullable(),
  serviceId: z.string().nullable(),
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
});

export const contract = {
  'app.info': { input: Empty, output: AppInfo },
  'periods.list': { input: Empty, output: z.object({ financialYear: z.string(), months: z.array(PeriodInfo) }) },
  'kad.services': { input: Empty, output: z.array(KadService) },
  'kad.table': { input: KadRef.extend({ compareTo: MonthId.optional() }).strict(), output: KadTable },
  'kad.setCell': {
    input: KadRef.extend({
      lineKey: z.string().min(1),
      field: KadFieldSchema,
      value: HundredthsSchema.nullable(),
    }).strict(),
    output: KadTable,
  },
  /** A paste or a fill: every cell checked first, all applied as one undoable step or none. */
  'kad.setCells': {
    input: KadRef.extend({ cells: z.array(CellChange).min(1).max(10_000), source: z.enum(['grid', 'paste']) }).strict(),
    output: KadTable,
  },
  'kad.rollForward': { input: z.object({ fromPeriod: MonthId }).strict(), output: z.object({ period: MonthId, label: z.string() }) },
  'kad.checks': { input: z.object({ period: MonthId }).strict(), output: z.array(FindingSchema) },
  'kad.trend': { input: z.object({ serviceId: z.string().min(1), from: MonthId, to: MonthId }).strict(), output: KadTrendSchema },
  'kad.config': { input: z.object({ period: MonthId }).strict(), output: KadConfigSchema },
  'kad.addService': {
    input: z.object({ name: z.string().trim().min(1, 'give the service a name').max(80), caption: z.string().max(300).optional(), fromPeriod: MonthId, typeIds: z.array(z.string()).max(50) }).strict(),
    output: KadConfigSchema,
  },
  'kad.setTypeInUse': { input: z.object({ serviceId: z.string().min(1), typeId: z.string().min(1), fromPeriod: MonthId, inUse: z.boolean() }).strict(), output: KadConfigSchema },
  'kad.settings': { input: Empty, output: KadSettingsSchema },
  'kad.updateSettings': { input: KadSettingsSchema.partial().strict(), output: KadSettingsSchema },
  /** Files travel in base64 chunks over either transport; then an import job reads, previews and applies. */
  'upload.begin': { input: z.object({ fileName: z.string().min(1).max(255), bytes: z.number().int().min(0) }).strict(), output: z.object({ uploadId: z.string() }) },
  'upload.chunk': {
    input: z.object({ uploadId: z.string(), offset: z.number().int().min(0), data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4) }).strict(),
    output: z.object({ received: z.number() }),
  },
  'import.start': { input: z.object({ uploadId: z.string(), period: MonthId.optional() }).strict(), output: z.object({ jobId: z.string() }) },
  'import.status': { input: z.object({ jobId: z.string() }).strict(), output: ImportJobStatusSchema },
  'import.lines': {
    input: z.object({ jobId: z.string(), tableId: z.string(), status: z.enum(['new', 'changed', 'unchanged', 'all']), offset: z.number().int().min(0), limit: z.number().int().min(1).max(200) }).strict(),
    output: z.array(PreviewLineSchema),
  },
  'import.apply': { input: z.object({ jobId: z.string() }).strict(), output: ImportJobStatusSchema },
  'import.cancel': { input: z.object({ jobId: z.string() }).strict(), output: ImportJobStatusSchema },
  'template.download': { input: z.object({ period: MonthId, filled: z.boolean() }).strict(), output: z.object({ fileName: z.string(), data: z.string() }) },
  'backups.list': { input: Empty, output: z.array(BackupInfoSchema) },
  'backups.restore': { input: z.object({ name: z.string().min(1) }).strict(), output: AppInfo },
  'pack.settings': { input: Empty, output: PackSettingsSchema },
  'pack.updateSettings': { input: PackSettingsUpdateSchema, output: PackSettingsSchema },
  /** The committee pack workbook for a month, for the renderer to save (browser download or Electron). */
  'pack.export': {
    input: z.object({ period: MonthId, sections: z.array(z.enum(PACK_SECTION_IDS as [PackSectionId, ...PackSectionId[]])).min(1).optional() }).strict(),
    output: z.object({ fileName: z.string(), data: z.string(), sheets: z.number(), figures: z.number() }),
  },
  'history.state': { input: Empty, output: HistoryState },
  'history.undo': { input: Empty, output: HistoryStep },
  'history.redo': { input: Empty, output: HistoryStep },
  'audit.list': { input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(), output: z.array(AuditEntry) },
  'demo.reset': { input: Empty, output: AppInfo },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<K extends Method> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends Method> = z.output<Contract[K]['input']>;
export type Output<K extends Method> = z.output<Contract[K]['output']>;

export type AppInfo = z.infer<typeof AppInfo>;
export type PeriodInfo = z.infer<typeof PeriodInfo>;
export type KadTable = z.infer<typeof KadTable>;
export type KadServiceInfo = z.infer<typeof KadService>;
export type HistoryState = z.infer<typeof HistoryState>;
export type HistoryStep = z.infer<typeof HistoryStep>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type KadOtherMonth = z.infer<typeof OtherMonth>;

/** What travels over either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
