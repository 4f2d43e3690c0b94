import { z } from 'zod';
import { MonthId } from '../periods';
import { HundredthsSchema, KadFieldSchema, KadLineSchema, ReportedValueSchema } from '../kad/model';
import { AVERAGING_RULES, type AveragingRule } from '../kad/totals';
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

const KadTable = z.object({
  period: MonthId,
  periodLabel: z.string(),
  service: KadService,
  averagingRule: AveragingRuleSchema,
  lines: z.array(KadLineSchema),
  reported: z.array(ReportedValueSchema),
  /** Why the table cannot be edited (closed period, read-only workspace), or null. */
  lockedReason: z.string().nullable(),
});

const KadRef = z.object({ period: MonthId, serviceId: z.string().min(1) }).strict();

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
  'kad.table': { input: KadRef, output: KadTable },
  'kad.setCell': {
    input: KadRef.extend({
      lineKey: z.string().min(1),
      field: KadFieldSchema,
      value: HundredthsSchema.nullable(),
    }).strict(),
    output: KadTable,
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

/** What travels over either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
