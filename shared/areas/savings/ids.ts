import type { Target } from '../../area';

/** The area's id and name, said once: its methods, settings, reported values and findings carry them. */
export const SAVINGS_AREA_ID = 'savings';
export const SAVINGS_AREA_NAME = 'Savings Tracker';

/** The Savings Tracker page for a month. */
export function savingsTarget(period: string): Target {
  return { area: SAVINGS_AREA_ID, params: { period } };
}
