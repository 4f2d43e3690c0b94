import { z } from 'zod';
import { formatValue, sumHundredths, type Hundredths } from '../../units';
import { moneyAgrees } from './tolerance';

/**
 * Virements and budget reconciliation (5.2.1, 5.2.2…): the directorate's budget as per the Business Plan,
 * each budget movement into or out of it since (a budget line or "Various policy lines", the month it took
 * effect, the amount, notes), and the budget now. The budget now must be the directorate's current net
 * budget in the revenue lines; virements are recorded here and never change a revenue line themselves.
 */
export const VirementSchema = z.object({
  seq: z.number().int(),
  budgetLine: z.string(),
  /** The month it took effect (YYYY-MM). */
  effectivePeriod: z.string(),
  amount: z.number().int(),
  notes: z.string().nullable(),
});
export type Virement = z.infer<typeof VirementSchema>;

/** How the page's grid and the API name the rows: the Business Plan budget, and each virement by its number. */
export const BUSINESS_PLAN_ROW = 'business-plan';
export const virementRowKey = (seq: number) => `v${seq}`;

/** Budget as per Business Plan + every virement: the budget the directorate should now hold. */
export function currentBudget(businessPlan: Hundredths | null, virements: readonly Pick<Virement, 'amount'>[]): Hundredths | null {
  if (businessPlan === null) return null;
  return businessPlan + (sumHundredths(virements.map((v) => v.amount)) ?? 0);
}

/** "Budget 23/24" for the financial year 2023-24. */
export function budgetLabel(fy: string): string {
  return `Budget ${fy.slice(2, 4)}/${fy.slice(5, 7)}`;
}

export interface Reconciliation {
  /** Business Plan + virements. */
  computed: Hundredths | null;
  /** The directorate's current net budget in the revenue lines, when they are held. */
  revenue: Hundredths | null;
  /** computed − revenue: a virement missing here, or a budget change in revenue with no virement. */
  difference: Hundredths | null;
  status: 'reconciled' | 'rounding' | 'differs' | 'no-revenue' | 'no-business-plan';
}

export function reconcile(businessPlan: Hundredths | null, virements: readonly Pick<Virement, 'amount'>[], revenue: Hundredths | null): Reconciliation {
  const computed = currentBudget(businessPlan, virements);
  if (computed === null) return { computed, revenue, difference: null, status: 'no-business-plan' };
  if (revenue === null) return { computed, revenue, difference: null, status: 'no-revenue' };
  const difference = computed - revenue;
  const status = difference === 0 ? 'reconciled' : moneyAgrees(computed, revenue) ? 'rounding' : 'differs';
  return { computed, revenue, difference, status };
}

/** The reconciliation in a sentence, as the page shows it. */
export function reconciliationText(r: Reconciliation, directorate: string): string {
  const f = (v: Hundredths | null) => formatValue(v, 'gbp_000q');
  switch (r.status) {
    case 'no-business-plan':
      return `${directorate}: the budget as per the Business Plan is not entered yet, so the virements cannot be reconciled.`;
    case 'no-revenue':
      return `${directorate}: Business Plan + virements = ${f(r.computed)}. The revenue lines for this month are not held, so it cannot be reconciled with the current net budget yet.`;
    case 'reconciled':
      return `${directorate}: Business Plan + virements = ${f(r.computed)}, the current net budget in the revenue lines. Reconciled.`;
    case 'rounding':
      return `${directorate}: Business Plan + virements = ${f(r.computed)} against the current net budget of ${f(r.revenue)} in the revenue lines: a difference of ${f(r.difference)}, within rounding.`;
    default:
      return `${directorate}: Business Plan + virements = ${f(r.computed)}, but the current net budget in the revenue lines is ${f(r.revenue)}: a difference of ${f(r.difference)}. A virement is missing here, or the revenue budget changed without one.`;
  }
}
