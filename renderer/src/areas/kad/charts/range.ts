import type { PeriodInfo } from '../../../../../shared/api/contract';
import { KAD_AREA_ID } from '../../../../../shared/areas/kad/ids';
import { kadChartStart } from '../../../../../shared/areas/kad/chart';

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
 * The range a chart opens on, as the FMR's charts run: from the April a year before the financial year
 * began (or the earliest month the workspace has after it) to the selected month (or the latest month
 * before it holding Key Activity Data). Months before the first held one may hold a care-package
 * extract's figures, which the charts draw. Null when no month up to the selected one holds data.
 */
export function defaultRange(months: readonly PeriodInfo[], period: string): MonthRange | null {
  const held = months.filter((m) => m.areas.includes(KAD_AREA_ID)).map((m) => m.id).sort();
  const to = [...held].reverse().find((id) => id <= period);
  if (!to) return null;
  const start = kadChartStart(to);
  const from = months.map((m) => m.id).sort().find((id) => id >= start && id <= to) ?? to;
  return { from, to };
}
