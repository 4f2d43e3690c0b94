import { z } from 'zod';

/**
 * Appendix 3, as published: 4.1 the schemes (original 2023/24 budget as per the Business Plan, committee,
 * scheme, whole-life scheme budget and its forecast variance, the year's budget, actuals and forecast
 * variance) and 4.2 the funding sources (original allocation, revised funding for the year, forecast
 * spend, variance). Figures are hundredths of £000; the published "-" is a nil, held as 0.
 */
const N = z.number().int().nullable();

export const SCHEME_FIELDS = [
  { key: 'originalBudget', header: (fy: string) => `Original ${fy} Budget as per BP £000` },
  { key: 'schemeBudget', header: () => 'Scheme budget £000' },
  { key: 'schemeForecastVariance', header: () => 'Scheme forecast variance £000' },
  { key: 'yearBudget', header: (fy: string) => `${fy.replace('/', '-')} budget £000` },
  { key: 'yearActuals', header: (fy: string) => `${fy.replace('/', '-')} actuals £000` },
  { key: 'yearForecastVariance', header: (fy: string) => `${fy.replace('/', '-')} forecast variance £000` },
] as const;
export type SchemeField = (typeof SCHEME_FIELDS)[number]['key'];
export const SchemeFieldSchema = z.enum(SCHEME_FIELDS.map((f) => f.key) as [SchemeField, ...SchemeField[]]);

export const SchemeSchema = z.object({
  key: z.string(),
  committee: z.string().nullable(),
  name: z.string(),
  /** The Capital Variation Budget line ("Capital variations"): its forecast variance is worked out, never typed. */
  isVariation: z.boolean(),
  originalBudget: N,
  schemeBudget: N,
  schemeForecastVariance: N,
  yearBudget: N,
  yearActuals: N,
  yearForecastVariance: N,
});
export type Scheme = z.infer<typeof SchemeSchema>;

export const FUNDING_FIELDS = [
  { key: 'originalAllocation', header: (fy: string) => `Original ${fy} Funding Allocation as per BP £000` },
  { key: 'revisedFunding', header: (fy: string) => `Revised Funding for ${fy} £000` },
  { key: 'forecastSpend', header: () => 'Forecast Spend £000' },
] as const;
export type FundingField = (typeof FUNDING_FIELDS)[number]['key'];
export const FundingFieldSchema = z.enum(FUNDING_FIELDS.map((f) => f.key) as [FundingField, ...FundingField[]]);

export const FundingSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** A grant funds it: the grants of Appendix 5 that fund capital schemes add up to these. */
  isGrant: z.boolean(),
  originalAllocation: N,
  revisedFunding: N,
  forecastSpend: N,
});
export type Funding = z.infer<typeof FundingSchema>;
