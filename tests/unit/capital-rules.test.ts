import { describe, expect, it } from 'vitest';
import { capitalSummary, capitalVariation, fundingTotals, fundingVariance, schemeTotals, significantVariances, withVariation } from '../../shared/areas/capital/rules';
import type { Scheme } from '../../shared/areas/capital/model';
import { formatValue, parseAmount } from '../../shared/units';
import { numberFormat } from '../../main/pack/theme';

/** Figures are hundredths of £000: 380 → 38000. */
const k = (v: number) => v * 100;
const scheme = (name: string, yearBudget: number, yearForecastVariance: number | null, extra: Partial<Scheme> = {}): Scheme => ({
  key: name.toLowerCase(),
  committee: 'Adults & Health',
  name,
  isVariation: false,
  originalBudget: null,
  schemeBudget: null,
  schemeForecastVariance: 0,
  yearBudget: k(yearBudget),
  yearActuals: null,
  yearForecastVariance: yearForecastVariance === null ? null : k(yearForecastVariance),
  ...extra,
});
const variations = scheme('Capital variations', -57, null, { isVariation: true });

describe('the Capital Variation Budget rule (DOMAIN.md section 6)', () => {
  it('reports no forecast outturn while the slippage stays within the budget: the variation line takes it up', () => {
    const v = capitalVariation([scheme('Independent Living Service', 380, -40), variations]);
    expect(v).toEqual({ budget: k(57), slippage: k(40), absorbed: k(40), exceeded: false, outturn: 0 });
    expect(withVariation([scheme('Independent Living Service', 380, -40), variations])[1]!.yearForecastVariance).toBe(k(40));
  });

  it('reports the slippage beyond the budget once it exceeds it', () => {
    const v = capitalVariation([scheme('Independent Living Service', 380, -100), variations]);
    expect(v).toMatchObject({ slippage: k(100), absorbed: k(57), exceeded: true, outturn: k(-43) });
  });

  it('treats exactly the budget as not exceeded, and an overspend as no slippage', () => {
    expect(capitalVariation([scheme('A', 380, -57), variations])).toMatchObject({ exceeded: false, outturn: 0 });
    expect(capitalVariation([scheme('A', 380, 30), variations])).toMatchObject({ slippage: 0, absorbed: 0, outturn: k(30) });
  });

  it('totals the variation line as the rule sets it, so the TOTAL and section 2 show the reported outturn', () => {
    const schemes = [scheme('A', 380, -40), scheme('B', 400, 0), variations];
    expect(schemeTotals(schemes).yearForecastVariance).toBe(0);
    expect(capitalSummary(schemes)).toMatchObject({ yearBudget: k(723), forecastOutturnVariance: 0 });
  });
});

describe('significant variances', () => {
  it('flags a whole-life or in-year variance strictly over £250k, never the variation line', () => {
    const list = significantVariances([scheme('A', 380, -251), scheme('B', 400, 250), scheme('C', 10, 0, { schemeForecastVariance: k(300) }), { ...variations, yearForecastVariance: k(-900) }]);
    expect(list.map((s) => [s.scheme.name, s.field, s.value])).toEqual([
      ['A', 'yearForecastVariance', k(-251)],
      ['C', 'schemeForecastVariance', k(300)],
    ]);
  });
});

describe('capital funding', () => {
  it('works out each variance as forecast spend − revised funding and totals the table', () => {
    const lines = [
      { key: 'g', name: 'Grant Funding', isGrant: true, originalAllocation: k(5070), revisedFunding: k(5070), forecastSpend: k(5070) },
      { key: 'p', name: 'Prudential Borrowing', isGrant: false, originalAllocation: k(14770), revisedFunding: k(905), forecastSpend: k(850) },
    ];
    expect(lines.map(fundingVariance)).toEqual([0, k(-55)]);
    expect(fundingTotals(lines)).toEqual({ originalAllocation: k(19840), revisedFunding: k(5975), forecastSpend: k(5920), variance: k(-55) });
  });
});

describe('a nil printed as "-" (the capital tables)', () => {
  it('shows, exports and reads back the mark for a zero, and only for a zero', () => {
    expect(formatValue(0, 'gbp_000', { zero: '-' })).toBe('-');
    expect(formatValue(k(-57), 'gbp_000', { zero: '-' })).toBe('-57');
    expect(formatValue(0, 'gbp_000')).toBe('0');
    expect(parseAmount('-', { unit: 'gbp_000', zero: '-' })).toEqual({ ok: true, value: 0 });
    expect(parseAmount('-', { unit: 'gbp_000' })).toEqual({ ok: false, reason: 'is not an amount of money' });
    expect(numberFormat('gbp_000', { zero: '-' })).toBe('#,##0;-#,##0;"-"');
  });
});
