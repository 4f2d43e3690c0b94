import { describe, expect, it } from 'vitest';
import type { KadLine } from '../../shared/areas/kad/model';
import { computeKadTotals, variance, weightedUnitCost } from '../../shared/areas/kad/totals';

function line(key: string, group: 'accommodation' | 'community', pk: number | null, cost: number | null, budget: number | null, spend: number | null, extra: Partial<KadLine> = {}): KadLine {
  const h = (v: number | null) => (v === null ? null : Math.round(v * 100));
  return {
    key,
    label: key,
    kind: 'line',
    group,
    isRespite: key === 'respite',
    inUse: true,
    carried: [],
    expectedPackages: h(pk),
    budgetUnitCost: h(cost),
    annualBudgetK: h(budget),
    currentPackages: h(pk),
    currentUnitCost: h(cost),
    totalSpendK: h(spend),
    ...extra,
  };
}

// The LDP accommodation lines as published for August 2023 (budget side).
const ldpAccommodation = [line('residential', 'accommodation', 245, 2271, 28942, 28653), line('nursing', 'accommodation', 10, 4568, 2220, 2271), line('respite', 'accommodation', 15, 840, 656, 585)];

describe('KAD totals', () => {
  it('weights the average unit cost as published: Respite packages in the denominator only', () => {
    // (245 × 2271 + 10 × 4568) / 270 = 2229.91 → £2,230 published
    expect(weightedUnitCost(ldpAccommodation, 'expectedPackages', 'budgetUnitCost', 'published')).toBe(222991);
    // The plain package-weighted mean would be 2276.57, which the FMR does not print.
    expect(weightedUnitCost(ldpAccommodation, 'expectedPackages', 'budgetUnitCost', 'package_weighted')).toBe(227657);
  });

  it('has no average where there are no packages, and keeps blanks blank', () => {
    const lines = [line('respite', 'accommodation', null, null, 762, 798), line('other_care', 'community', 0, 0, 0, 0)];
    expect(weightedUnitCost(lines, 'expectedPackages', 'budgetUnitCost', 'published')).toBeNull();
    const [acc] = computeKadTotals(lines);
    expect(acc!.expectedPackages).toBeNull();
    expect(acc!.annualBudgetK).toBe(76200);
  });

  it('sums groups and the total for expenditure, leaving Care Contributions out', () => {
    const cc: KadLine = { ...line('care_contributions', 'community', null, null, -5156, -5210), kind: 'care_contributions', group: null };
    const lines = [...ldpAccommodation, line('homecare', 'community', 350, 502, 9160, 10286), cc];
    const [acc, com, total] = computeKadTotals(lines);
    expect(acc).toMatchObject({ key: 'subtotal_accommodation', expectedPackages: 27000, annualBudgetK: 3181800, totalSpendK: 3150900, varianceK: -30900 });
    expect(com).toMatchObject({ key: 'subtotal_community', expectedPackages: 35000, budgetUnitCost: 50200, varianceK: 112600 });
    expect(total).toMatchObject({ key: 'total_expenditure', expectedPackages: 62000, annualBudgetK: 4097800, totalSpendK: 4179500 });
  });

  it('takes variance as spend minus budget, positive = overspend, blank when both are blank', () => {
    expect(variance(2865300, 2894200)).toBe(-28900);
    expect(variance(100, null)).toBe(100);
    expect(variance(null, null)).toBeNull();
  });

  it('rounds exactly half away from zero on large sums without float drift', () => {
    const big = [line('residential', 'accommodation', 1, 0.01, 0, 0), line('nursing', 'accommodation', 2, 0.02, 0, 0)];
    // (1 × 0.01 + 2 × 0.02) / 3 = 0.01666… → 0.02
    expect(weightedUnitCost(big, 'expectedPackages', 'budgetUnitCost', 'published')).toBe(2);
  });
});
