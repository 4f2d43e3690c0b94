import { z } from 'zod';
import type { RawFinding } from '../../checks';
import { formatValue, roundToUnit, type Hundredths } from '../../units';
import { CAPITAL_AREA_ID, capitalTarget } from './ids';
import { FUNDING_FIELDS, SCHEME_FIELDS, type Funding, type Scheme } from './model';
import { capitalSummary, capitalVariation, DEFAULT_SIGNIFICANT_VARIANCE, fundingTotals, fundingVariance, schemeTotals, significantVariances, withVariation } from './rules';

/**
 * The capital check engine: reported totals against the lines, funding against expenditure, the
 * significant variances that need narrative and the Capital Variation Budget rule. Pure.
 */
export const CAPITAL_CHECK_RULES = {
  'reported-total-mismatch': { title: 'Reported total does not add up', description: 'A reported total of 4.1 or 4.2, or of the section 2 summary, does not agree with the sum of its lines (within ±2 £000).' },
  'reported-variance-mismatch': { title: 'Reported variance does not agree', description: 'A reported variance does not equal forecast spend minus revised funding, or the Capital variations line does not take up the slippage as the rule gives (within ±2 £000).' },
  'funding-vs-expenditure': { title: 'Funding does not match the programme', description: "4.2's revised funding or forecast spend for the year differs from 4.1's budget, or budget plus forecast variance, for the year (within ±2 £000)." },
  'significant-variance': { title: 'Significant variance needs narrative', description: 'A scheme’s whole-life or in-year forecast variance is over the significance threshold (£250k by default): Appendix 3 explains it.' },
  'capital-variation-exceeded': { title: 'Slippage exceeds the Capital Variation Budget', description: 'The forecast underspend of the year is larger than the Capital Variation Budget, so a forecast outturn must now be reported.' },
} as const;

export const CapitalSettingsSchema = z.object({
  /** significant-variance: a variance strictly over this, in £000, needs narrative. */
  significantVariance: z.number().min(0).max(1_000_000),
});
export type CapitalSettings = z.infer<typeof CapitalSettingsSchema>;
export const DEFAULT_CAPITAL_SETTINGS: CapitalSettings = { significantVariance: DEFAULT_SIGNIFICANT_VARIANCE / 100 };

export const TABLE_41 = '4.1 Capital Expenditure';
export const TABLE_42 = '4.2 Capital Funding';
export const TABLE_2 = '2 Capital Executive Summary';

/** A reported figure, by table ('4.1', '4.2', 'summary'), row key and column. */
export type Reported = ReadonlyMap<string, Hundredths | null>;
export const reportedKey = (table: string, row: string, column: string) => `${table}|${row}|${column}`;

const agrees = (a: Hundredths | null, b: Hundredths | null) => (a === null || b === null ? (a ?? 0) === (b ?? 0) : Math.abs(roundToUnit(a) - roundToUnit(b)) <= 2);
const f = (v: Hundredths | null) => (v === null ? 'blank' : formatValue(v, 'gbp_000'));

export function runCapitalChecks(input: { period: string; fyLabel: string; schemes: Scheme[]; funding: Funding[]; reported: Reported; settings: CapitalSettings }): RawFinding[] {
  const { period, fyLabel, schemes, funding, reported } = input;
  const out: RawFinding[] = [];
  const add = (table: string, x: Omit<RawFinding, 'area' | 'table' | 'period' | 'target'>) => out.push({ area: CAPITAL_AREA_ID, table, period, target: capitalTarget(period), ...x });
  const compare = (table: string, tableKey: string, row: string, rowKey: string, column: string, header: string, computed: Hundredths | null, rule: 'reported-total-mismatch' | 'reported-variance-mismatch') => {
    const r = reported.get(reportedKey(tableKey, rowKey, column));
    if (r === undefined || r === null) return;
    if (!agrees(computed, r)) add(table, { row, column: header, reported: f(r), computed: f(computed), rule, rowKey, columnKey: column });
  };

  const totals = schemeTotals(schemes);
  for (const field of SCHEME_FIELDS) compare(TABLE_41, '4.1', 'TOTAL', 'total', field.key, field.header(fyLabel), totals[field.key], 'reported-total-mismatch');
  for (const s of withVariation(schemes).filter((x) => x.isVariation)) compare(TABLE_41, '4.1', s.name, s.key, 'yearForecastVariance', SCHEME_FIELDS[5].header(fyLabel), s.yearForecastVariance, 'reported-variance-mismatch');

  const ft = fundingTotals(funding);
  for (const field of FUNDING_FIELDS) compare(TABLE_42, '4.2', 'TOTAL', 'total', field.key, field.header(fyLabel), ft[field.key], 'reported-total-mismatch');
  compare(TABLE_42, '4.2', 'TOTAL', 'total', 'variance', 'Variance £000', ft.variance, 'reported-total-mismatch');
  for (const line of funding) compare(TABLE_42, '4.2', line.name, line.key, 'variance', 'Variance £000', fundingVariance(line), 'reported-variance-mismatch');

  const summary = capitalSummary(schemes);
  const summaryHeaders: Record<keyof typeof summary, string> = {
    schemeBudget: 'Scheme budget',
    schemeForecastVariance: 'Scheme forecast variance',
    yearBudget: `Budget ${fyLabel.replace('/', '-')}`,
    yearActuals: `Actuals ${fyLabel.replace('/', '-')}`,
    forecastOutturnVariance: `Forecast outturn variance ${fyLabel}`,
  };
  for (const [key, header] of Object.entries(summaryHeaders) as [keyof typeof summary, string][]) compare(TABLE_2, 'summary', 'Capital schemes', 'summary', key, header, summary[key], 'reported-total-mismatch');

  if (funding.length && schemes.length) {
    if (!agrees(ft.revisedFunding, totals.yearBudget)) add(TABLE_42, { row: 'TOTAL', column: FUNDING_FIELDS[1].header(fyLabel), reported: f(ft.revisedFunding), computed: `${f(totals.yearBudget)} (4.1 budget for the year)`, rule: 'funding-vs-expenditure', rowKey: 'total', columnKey: 'revisedFunding' });
    const spend = totals.yearBudget === null ? null : totals.yearBudget + (totals.yearForecastVariance ?? 0);
    if (!agrees(ft.forecastSpend, spend)) add(TABLE_42, { row: 'TOTAL', column: 'Forecast Spend £000', reported: f(ft.forecastSpend), computed: `${f(spend)} (4.1 budget + forecast variance for the year)`, rule: 'funding-vs-expenditure', rowKey: 'total', columnKey: 'forecastSpend' });
  }

  const threshold = Math.round(input.settings.significantVariance * 100);
  for (const s of significantVariances(schemes, threshold)) {
    const header = SCHEME_FIELDS.find((x) => x.key === s.field)!.header(fyLabel);
    add(TABLE_41, { row: s.scheme.name, column: header, reported: null, computed: `${f(s.value)} (over ${f(threshold)}: needs narrative)`, rule: 'significant-variance', rowKey: s.scheme.key, columnKey: s.field });
  }
  const v = capitalVariation(schemes);
  if (v.exceeded) {
    add(TABLE_2, { row: 'Capital schemes', column: summaryHeaders.forecastOutturnVariance, reported: `slippage ${f(v.slippage)} against a Capital Variation Budget of ${f(v.budget)}`, computed: `${f(v.outturn)} forecast outturn to report`, rule: 'capital-variation-exceeded', rowKey: 'summary', columnKey: 'forecastOutturnVariance' });
  }
  return out;
}

