import { z } from 'zod';
import { MonthId } from '../../periods';
import { CapitalSettingsSchema } from './checks';
import { FundingFieldSchema, FundingSchema, SchemeFieldSchema, SchemeSchema } from './model';

/** The capital programme's methods of the one API. */
const N = z.number().int().nullable();
const Money = z.number().int().min(-1e14).max(1e14);

const CapitalTable = z.object({
  period: MonthId,
  periodLabel: z.string(),
  /** "2023/24", as the published headers write the year. */
  fyLabel: z.string(),
  held: z.boolean(),
  lockedReason: z.string().nullable(),
  /** The variation line's forecast variance as the Capital Variation Budget rule sets it. */
  schemes: z.array(SchemeSchema),
  funding: z.array(FundingSchema.extend({ variance: N })),
  schemeTotals: z.object({ originalBudget: N, schemeBudget: N, schemeForecastVariance: N, yearBudget: N, yearActuals: N, yearForecastVariance: N }),
  fundingTotals: z.object({ originalAllocation: N, revisedFunding: N, forecastSpend: N, variance: N }),
  summary: z.object({ category: z.string(), schemeBudget: N, schemeForecastVariance: N, yearBudget: N, yearActuals: N, forecastOutturnVariance: z.number().int() }),
  /** The Capital Variation Budget rule in a sentence, and the schemes whose variance needs narrative. */
  variation: z.object({ budget: z.number().int(), slippage: z.number().int(), exceeded: z.boolean(), message: z.string() }),
  significant: z.array(z.object({ scheme: z.string(), field: z.string(), value: z.number().int() })),
  settings: CapitalSettingsSchema,
});

export const capitalApi = {
  'capital.table': { input: z.object({ period: MonthId }).strict(), output: CapitalTable },
  'capital.setCells': {
    input: z
      .object({
        period: MonthId,
        cells: z
          .array(z.union([z.object({ table: z.literal('schemes'), key: z.string().min(1), field: SchemeFieldSchema, value: Money.nullable() }).strict(), z.object({ table: z.literal('funding'), key: z.string().min(1), field: FundingFieldSchema, value: Money.nullable() }).strict()]))
          .min(1)
          .max(1000),
      })
      .strict(),
    output: CapitalTable,
  },
  'capital.addLine': {
    input: z.object({ period: MonthId, table: z.enum(['schemes', 'funding']), name: z.string().trim().min(1, 'give it a name').max(200), committee: z.string().trim().max(100).nullable().default(null) }).strict(),
    output: CapitalTable,
  },
  'capital.removeLine': { input: z.object({ period: MonthId, table: z.enum(['schemes', 'funding']), key: z.string().min(1) }).strict(), output: CapitalTable },
  'capital.updateSettings': { input: CapitalSettingsSchema.partial().strict(), output: CapitalSettingsSchema },
} as const;

export type CapitalTable = z.infer<typeof CapitalTable>;
