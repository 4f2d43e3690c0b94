import { z } from 'zod';

/** A month is YYYY-MM; a financial year runs April to March and is written 2023-24. */
export const MonthId = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM, for example 2023-08');
export type MonthId = z.infer<typeof MonthId>;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthLabel(id: MonthId): string {
  const [y, m] = id.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

export function financialYearOf(id: MonthId): string {
  const [y, m] = id.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The twelve months of a financial year, April first. */
export function monthsOfFinancialYear(fy: string): MonthId[] {
  const start = Number(fy.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((3 + i) % 12) + 1;
    const y = m >= 4 ? start : start + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}

export function previousMonth(id: MonthId): MonthId {
  const [y, m] = id.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** FMRs are produced monthly except for April. */
export function publishesFmr(id: MonthId): boolean {
  return !id.endsWith('-04');
}
