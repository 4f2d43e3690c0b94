import { describe, expect, it } from 'vitest';
import { capitalChecks } from '../../main/areas/capital/checks';
import { capitalTable, setCapitalCells } from '../../main/areas/capital/service';
import { capitalExecutiveSummary } from '../../main/areas/capital/queries';
import { formatFinding } from '../../shared/checks';
import { readReference } from '../helpers/reference';
import { demoPerTest } from '../helpers/workspace';

/**
 * The demo reproduces the published August 2023 capital programme (section 2 and Appendix 3) from its
 * lines. Expected figures come from the reference transcription; the one published difference from
 * CHECKS.md, written out by hand.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const capital = readReference<any>('capital.json');
const demo = demoPerTest();
const whole = (v: number | null) => (v === null ? null : v / 100);

describe('Appendix 3 and section 2, from the lines', () => {
  it('reproduces every scheme and funding source as published ("-" held as a nil)', () => {
    const t = capitalTable(demo.open().ws, '2023-08');
    expect(t.schemes.map((s) => [s.committee, s.name, whole(s.originalBudget), whole(s.schemeBudget), whole(s.schemeForecastVariance), whole(s.yearBudget), whole(s.yearActuals), whole(s.yearForecastVariance)])).toEqual(
      capital.capital_expenditure_4_1.rows.map((r: any) => [r.committee, r.scheme, r.original_2023_24_budget_per_bp, r.scheme_budget, r.scheme_forecast_variance, r.budget_2023_24, r.actuals_2023_24, r.forecast_variance_2023_24]),
    );
    expect(t.funding.map((f) => [f.name, whole(f.originalAllocation), whole(f.revisedFunding), whole(f.forecastSpend), whole(f.variance)])).toEqual(
      capital.capital_funding_4_2.rows.map((r: any) => [r.source_of_funding, r.original_2023_24_funding_per_bp, r.revised_funding_2023_24, r.forecast_spend, r.variance]),
    );
  });

  it('computes the totals; they differ from the published ones only where CHECKS.md section 2 finds rounding', () => {
    const s = demo.open();
    const t = capitalTable(s.ws, '2023-08');
    const published41 = capital.capital_expenditure_4_1.published_totals[0];
    const published42 = capital.capital_funding_4_2.published_totals[0];
    const summary = capital.executive_summary.row;
    const differences: string[] = [];
    const compare = (what: string, mine: number | null, pub: number) => whole(mine) !== pub && differences.push(`${what} | published ${pub} | computed ${whole(mine)}`);
    compare('4.1 original', t.schemeTotals.originalBudget, published41.original_2023_24_budget_per_bp);
    compare('4.1 scheme budget', t.schemeTotals.schemeBudget, published41.scheme_budget);
    compare('4.1 scheme variance', t.schemeTotals.schemeForecastVariance, published41.scheme_forecast_variance);
    compare('4.1 budget', t.schemeTotals.yearBudget, published41.budget_2023_24);
    compare('4.1 actuals', t.schemeTotals.yearActuals, published41.actuals_2023_24);
    compare('4.1 forecast variance', t.schemeTotals.yearForecastVariance, published41.forecast_variance_2023_24);
    compare('4.2 original', t.fundingTotals.originalAllocation, published42.original_2023_24_funding_per_bp);
    compare('4.2 revised', t.fundingTotals.revisedFunding, published42.revised_funding_2023_24);
    compare('4.2 forecast spend', t.fundingTotals.forecastSpend, published42.forecast_spend);
    compare('4.2 variance', t.fundingTotals.variance, published42.variance);
    const section2 = capitalExecutiveSummary(s.ws, '2023-08')!;
    compare('section 2 scheme budget', section2.schemeBudget, summary.scheme_budget);
    compare('section 2 budget', section2.yearBudget, summary.budget_2023_24);
    compare('section 2 actuals', section2.yearActuals, summary.actuals_2023_24);
    compare('section 2 forecast outturn variance', section2.forecastOutturnVariance, summary.forecast_outturn_variance_2023_24);
    // CHECKS.md section 2: "capital | 4.1 TOTAL | actuals_2023_24 (sum of 5 schemes) | 4,776 | 4,777"; 0.2: section 2 shows 4,777 too.
    expect(differences).toEqual(['4.1 actuals | published 4777 | computed 4776', 'section 2 actuals | published 4777 | computed 4776']);
  });

  it('says, as section 2 does, that slippage has not exceeded the Capital Variation Budget, and flags no scheme', () => {
    const t = capitalTable(demo.open().ws, '2023-08');
    expect(t.variation).toMatchObject({ budget: 5700, slippage: 0, exceeded: false });
    expect(t.variation.message).toBe(
      'The level of slippage and underspend in 2023/24 is currently anticipated to be £0k and as such has not yet exceeded the Capital Variation Budget of £57k. A forecast outturn will not be reported unless this happens.',
    );
    // "No schemes have significant variances (>£250k)" (Appendix 3, after 4.1).
    expect(t.significant).toEqual([]);
  });

  it('lists no disagreement beyond tolerance: the one published difference (4,777 against 4,776) is rounding', () => {
    // CHECKS.md 0.2: "Everything else reconciles, including 4.1 and 4.2 totals (19,840; 5,975) and Prudential
    // Borrowing 905 = the 2023-24 budgets of the non-DFG schemes".
    expect(capitalChecks(demo.open().ws, '2023-08').map(formatFinding)).toEqual([]);
  });

  it('flags a significant variance for narrative and reports the outturn once slippage exceeds the budget', () => {
    const s = demo.open();
    setCapitalCells(s.ws, { period: '2023-08', cells: [{ table: 'schemes', key: 'independent-living-service-east-cambridgeshire', field: 'yearForecastVariance', value: -30000 }] }, 'grid');
    // -300 on the scheme, 57 of it taken up by the Capital variations line: -243 to report; the published
    // figures (all 0) no longer stand, and 4.2's forecast spend no longer matches 5,975 - 243 = 5,732.
    expect(capitalChecks(s.ws, '2023-08').map(formatFinding)).toEqual([
      'capital | 4.1 Capital Expenditure | TOTAL | 2023-24 forecast variance £000 | reported 0 | computed -243 | reported-total-mismatch',
      'capital | 4.1 Capital Expenditure | Capital variations | 2023-24 forecast variance £000 | reported 0 | computed 57 | reported-variance-mismatch',
      'capital | 2 Capital Executive Summary | Capital schemes | Forecast outturn variance 2023/24 | reported 0 | computed -243 | reported-total-mismatch',
      'capital | 4.2 Capital Funding | TOTAL | Forecast Spend £000 | reported 5,975 | computed 5,732 (4.1 budget + forecast variance for the year) | funding-vs-expenditure',
      'capital | 4.1 Capital Expenditure | Independent Living Service: East Cambridgeshire | 2023-24 forecast variance £000 | reported - | computed -300 (over 250: needs narrative) | significant-variance',
      'capital | 2 Capital Executive Summary | Capital schemes | Forecast outturn variance 2023/24 | reported slippage 300 against a Capital Variation Budget of 57 | computed -243 forecast outturn to report | capital-variation-exceeded',
    ]);
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE entity = 'capital_scheme' AND field = 'year_forecast_variance' AND new_value = '-30000'`).pluck().get()).toBe(1);
  });

  it('refuses to take the Capital variations line’s forecast variance as typed', () => {
    expect(() => setCapitalCells(demo.open().ws, { period: '2023-08', cells: [{ table: 'schemes', key: 'capital-variations', field: 'yearForecastVariance', value: 100 }] }, 'grid')).toThrow(
      'Capital, August 2023: Capital variations · 2023-24 forecast variance £000: the Capital variations line takes up the slippage by the rule; it is not typed. Nothing was saved.',
    );
  });
});
