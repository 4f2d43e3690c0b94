import { describe, expect, it } from 'vitest';
import { reconcile, reconciliationText } from '../../shared/areas/reserves/virements';
import { grantsTotal } from '../../shared/areas/reserves/grants';
import { readReference } from '../helpers/reference';

/**
 * Business Plan budget + virements against the directorate's current net budget, within the tolerance of
 * CONVENTIONS.md (±2 £'000). Figures from the published 5.2.1 and the 1.2.1 summary's net budget.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const virements = readReference<any>('virements.json').tables[0];
const summary = readReference<any>('summary-ahc.json').rows[0];
const h = (v: number) => v * 100;
const lines = virements.rows.map((r: any) => ({ amount: h(r.amount) }));
const businessPlan = h(virements.opening_budget.amount);
const netBudget = h(summary.net_budget);

describe('the virements reconciliation', () => {
  it('reconciles the published 5.2.1 with the current net budget: 215,038 + virements = 213,700 against 213,701 is rounding', () => {
    const r = reconcile(businessPlan, lines, netBudget);
    expect(r).toEqual({ computed: h(213700), revenue: h(213701), difference: h(-1), status: 'rounding' });
    expect(reconciliationText(r, 'Adults, Health and Commissioning')).toBe(
      'Adults, Health and Commissioning: Business Plan + virements = 213,700 against the current net budget of 213,701 in the revenue lines: a difference of -1, within rounding.',
    );
  });

  it('fails when a virement is missing, naming both figures and the difference', () => {
    // Without August's "Various policy lines" -198: 213,898 against 213,701.
    const r = reconcile(businessPlan, lines.slice(0, -1), netBudget);
    expect(r).toMatchObject({ computed: h(213898), difference: h(197), status: 'differs' });
    expect(reconciliationText(r, 'Adults, Health and Commissioning')).toBe(
      'Adults, Health and Commissioning: Business Plan + virements = 213,898, but the current net budget in the revenue lines is 213,701: a difference of 197. A virement is missing here, or the revenue budget changed without one.',
    );
  });

  it('treats ±2 as rounding and 3 as a difference, and says when it cannot reconcile', () => {
    expect(reconcile(h(100), [], h(102)).status).toBe('rounding');
    expect(reconcile(h(100), [], h(103)).status).toBe('differs');
    expect(reconcile(h(100), [], h(100)).status).toBe('reconciled');
    expect(reconcile(h(100), [], null).status).toBe('no-revenue');
    expect(reconcile(null, [], h(100)).status).toBe('no-business-plan');
  });
});

describe('grant totals', () => {
  it('add up the amounts exactly, a blank counting as nothing', () => {
    expect(grantsTotal([{ amount: h(53) }, { amount: null }, { amount: h(15170) }])).toBe(h(15223));
    expect(grantsTotal([{ amount: null }])).toBeNull();
  });
});
