import type { Target } from '../../area';

/** The capital programme: section 2's summary and Appendix 3 (4.1 expenditure, 4.2 funding). */
export const CAPITAL_AREA_ID = 'capital';
export const CAPITAL_AREA_NAME = 'Capital';

export function capitalTarget(period: string): Target {
  return { area: CAPITAL_AREA_ID, params: { period } };
}
