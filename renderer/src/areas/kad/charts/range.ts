import type { PeriodInfo } from '../../../../../shared/api/contract';
import { KAD_AREA_ID } from '../../../../../shared/areas/kad/ids';

export interface MonthRange {
  from: string;
  to: string;
}

/** The April that starts the financial year of a month: 2023-08 -> 2023-04, 2024-02 -> 2023-04. */
export function financialYearStart(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${m >= 4 ? y : y - 1}-04`;
}

/**
 * The range a chart opens on: from the financial year's April (or the earliest later month that holds
 * data) to the selected month (or the latest month before it that holds data). Null when no month up to
 * the selected one holds data.
 */
export function defaultRange(months: readonly PeriodInfo[], period: string): MonthRange | null {
  const held = months.filter((m) => m.areas.includes(KAD_AREA_ID)).map((m) => m.id).sort();
  const to = [...held].reverse().find((id) => id <= period);
  if (!to) return null;
  const april = financialYearStart(to);
  const from = held.find((id) => id >= april && id <= to) ?? to;
  return { from, to };
}
