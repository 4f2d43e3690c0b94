import { sumHundredths, type Hundredths } from '../../units';
import type { Funding, Scheme, SchemeField } from './model';

/**
 * The capital programme's arithmetic and its two published rules (DOMAIN.md section 6):
 * - a forecast outturn is reported only once slippage (a net forecast underspend in the year) exceeds the
 *   Capital Variation Budget, the negative "Capital variations" line: until then that line takes it up;
 * - a scheme variance over £250k (either the whole-life or the year's) is significant and needs narrative.
 */
export const DEFAULT_SIGNIFICANT_VARIANCE = 25000; // £250k, in hundredths of £000

export interface CapitalVariation {
  /** The Capital Variation Budget: the size of the variation lines' budget for the year. */
  budget: Hundredths;
  /** The net forecast underspend of the other schemes in the year (0 when they forecast no underspend). */
  slippage: Hundredths;
  /** What the variation line takes up: its forecast variance. */
  absorbed: Hundredths;
  exceeded: boolean;
  /** The programme's forecast outturn variance for the year, as reported: 0 until the budget is exceeded. */
  outturn: Hundredths;
}

export function capitalVariation(schemes: readonly Scheme[]): CapitalVariation {
  const budget = Math.abs(schemes.filter((s) => s.isVariation).reduce((n, s) => n + (s.yearBudget ?? 0), 0));
  const net = schemes.filter((s) => !s.isVariation).reduce((n, s) => n + (s.yearForecastVariance ?? 0), 0);
  const slippage = Math.max(0, -net);
  const absorbed = Math.min(slippage, budget);
  return { budget, slippage, absorbed, exceeded: slippage > budget, outturn: net + absorbed };
}

/** Each scheme's row as shown: the variation line's forecast variance is the one the rule gives it. */
export function withVariation(schemes: readonly Scheme[]): Scheme[] {
  const v = capitalVariation(schemes);
  const lines = schemes.filter((s) => s.isVariation).length;
  return schemes.map((s) => (s.isVariation ? { ...s, yearForecastVariance: lines === 1 ? v.absorbed : null } : s));
}

export type SchemeTotals = Record<SchemeField, Hundredths | null>;

/** The TOTAL row of 4.1: each column summed over the schemes (the variation line as the rule sets it). */
export function schemeTotals(schemes: readonly Scheme[]): SchemeTotals {
  const rows = withVariation(schemes);
  const sum = (f: SchemeField) => sumHundredths(rows.map((s) => s[f]));
  return {
    originalBudget: sum('originalBudget'),
    schemeBudget: sum('schemeBudget'),
    schemeForecastVariance: sum('schemeForecastVariance'),
    yearBudget: sum('yearBudget'),
    yearActuals: sum('yearActuals'),
    yearForecastVariance: sum('yearForecastVariance'),
  };
}

/** 4.2's variance: forecast spend − revised funding (positive = spend beyond the funding). */
export function fundingVariance(f: Pick<Funding, 'forecastSpend' | 'revisedFunding'>): Hundredths | null {
  if (f.forecastSpend === null && f.revisedFunding === null) return null;
  return (f.forecastSpend ?? 0) - (f.revisedFunding ?? 0);
}

export interface FundingTotals {
  originalAllocation: Hundredths | null;
  revisedFunding: Hundredths | null;
  forecastSpend: Hundredths | null;
  variance: Hundredths | null;
}

export function fundingTotals(funding: readonly Funding[]): FundingTotals {
  return {
    originalAllocation: sumHundredths(funding.map((f) => f.originalAllocation)),
    revisedFunding: sumHundredths(funding.map((f) => f.revisedFunding)),
    forecastSpend: sumHundredths(funding.map((f) => f.forecastSpend)),
    variance: sumHundredths(funding.map(fundingVariance)),
  };
}

/** The schemes whose variance is significant (strictly over the threshold), with which variance. */
export function significantVariances(schemes: readonly Scheme[], threshold: Hundredths = DEFAULT_SIGNIFICANT_VARIANCE): { scheme: Scheme; field: 'schemeForecastVariance' | 'yearForecastVariance'; value: Hundredths }[] {
  const out: { scheme: Scheme; field: 'schemeForecastVariance' | 'yearForecastVariance'; value: Hundredths }[] = [];
  for (const s of schemes.filter((x) => !x.isVariation)) {
    for (const field of ['schemeForecastVariance', 'yearForecastVariance'] as const) {
      const value = s[field];
      if (value !== null && Math.abs(value) > threshold) out.push({ scheme: s, field, value });
    }
  }
  return out;
}

/** Section 2's one-row summary: the programme's totals, the forecast outturn as the variation rule reports it. */
export interface CapitalSummary {
  schemeBudget: Hundredths | null;
  schemeForecastVariance: Hundredths | null;
  yearBudget: Hundredths | null;
  yearActuals: Hundredths | null;
  forecastOutturnVariance: Hundredths;
}

export function capitalSummary(schemes: readonly Scheme[]): CapitalSummary {
  const t = schemeTotals(schemes);
  return { schemeBudget: t.schemeBudget, schemeForecastVariance: t.schemeForecastVariance, yearBudget: t.yearBudget, yearActuals: t.yearActuals, forecastOutturnVariance: capitalVariation(schemes).outturn };
}
