import { z } from 'zod';
import { MonthId } from '../../periods';
import { HundredthsSchema, KadFieldSchema, KadLineSchema, ReportedValueSchema } from './model';
import { AVERAGING_RULES, type AveragingRule } from './totals';
import { KadSettingsSchema } from './checks';
import { KadTrendSchema } from './trend';
import { KadConfigSchema } from './config';
import { ExtractFigureSchema } from './extract/figures';
import { ExtractMappingSchema } from './extract/mapping';

/** Key Activity Data's methods of the one API; the shared registry adds them to the contract. */
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
  /** What the last care-package extract imported for the month gave, line by line (empty when none was). */
  extract: z.array(ExtractFigureSchema),
  /** Why the table cannot be edited (closed period, read-only workspace), or null. */
  lockedReason: z.string().nullable(),
});

/** Which service each primary support reason counts under, as Settings shows it. */
const ExtractMappingViewSchema = z.object({
  mapping: ExtractMappingSchema,
  defaults: ExtractMappingSchema,
  services: z.array(z.object({ id: z.string(), name: z.string() })),
  /** For a closed month: why its mapping (the one it was closed with) cannot be changed; else null. */
  frozenFor: z.string().nullable(),
});
export type ExtractMappingView = z.infer<typeof ExtractMappingViewSchema>;

const KadRef = z.object({ period: MonthId, serviceId: z.string().min(1) }).strict();

const CellChange = z.object({ lineKey: z.string().min(1), field: KadFieldSchema, value: HundredthsSchema.nullable() }).strict();

export const kadApi = {
  'kad.services': { input: z.object({}).strict(), output: z.array(KadService) },
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
  'kad.trend': { input: z.object({ serviceId: z.string().min(1), from: MonthId, to: MonthId }).strict(), output: KadTrendSchema },
  'kad.config': { input: z.object({ period: MonthId }).strict(), output: KadConfigSchema },
  'kad.addService': {
    input: z.object({ name: z.string().trim().min(1, 'give the service a name').max(80), caption: z.string().max(300).optional(), fromPeriod: MonthId, typeIds: z.array(z.string()).max(50) }).strict(),
    output: KadConfigSchema,
  },
  'kad.setTypeInUse': { input: z.object({ serviceId: z.string().min(1), typeId: z.string().min(1), fromPeriod: MonthId, inUse: z.boolean() }).strict(), output: KadConfigSchema },
  'kad.settings': { input: z.object({}).strict(), output: KadSettingsSchema },
  'kad.updateSettings': { input: KadSettingsSchema.partial().strict(), output: KadSettingsSchema },
  'kad.extractMapping': { input: z.object({ period: MonthId.optional() }).strict(), output: ExtractMappingViewSchema },
  'kad.setExtractMapping': { input: z.object({ mapping: ExtractMappingSchema }).strict(), output: ExtractMappingViewSchema },
} as const;

export type KadTable = z.infer<typeof KadTable>;
export type KadServiceInfo = z.infer<typeof KadService>;
export type KadOtherMonth = z.infer<typeof OtherMonth>;
