import type { Target } from '../../area';

/**
 * Appendix 5 of the FMR, the technical note: grants not built into base budgets (5.1), virements and
 * the budget reconciliation (5.2) and the earmarked reserve schedules (5.3). One area: the three share
 * their directorates, their unit (£'000), their quarterly rhythm and one appendix of the pack.
 */
export const RESERVES_AREA_ID = 'reserves';
export const RESERVES_AREA_NAME = 'Reserves, grants and virements';

/** The page's three tables, as its address names them. */
export const RESERVES_TABLES = ['reserves', 'grants', 'virements'] as const;
export type ReservesTable = (typeof RESERVES_TABLES)[number];

export function reservesTarget(period: string, table: ReservesTable = 'reserves'): Target {
  return { area: RESERVES_AREA_ID, params: { period, table } };
}
