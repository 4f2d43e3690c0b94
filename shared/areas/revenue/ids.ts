import type { Target } from '../../area';

/** The area's id and name, said once: its methods, settings, reported values and findings carry them. */
export const REVENUE_AREA_ID = 'revenue';
export const REVENUE_AREA_NAME = 'Revenue Monitoring';

/** The revenue page for a month: a directorate's Appendix 1 table, or another view (summary, commentaries, narrative). */
export function revenueTarget(period: string, params: Record<string, string> = {}): Target {
  return { area: REVENUE_AREA_ID, params: { period, ...params } };
}
