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

/** An inclusive range of months, as `--months 2022-04..2024-03` gives it. */
export const MonthRange = z
  .object({ from: MonthId, to: MonthId })
  .strict()
  .refine((r) => r.from <= r.to, 'the range of months must start before it ends');
export type MonthRange = z.infer<typeof MonthRange>;

/** `2022-04..2024-03` (or a single month) as a range; null when it is not one. */
export function parseMonthRange(text: string): MonthRange | null {
  const m = /^\s*(\d{4}-\d{2})\s*(?:\.\.\s*(\d{4}-\d{2}))?\s*$/.exec(text);
  const r = m ? MonthRange.safeParse({ from: m[1], to: m[2] ?? m[1] }) : null;
  return r?.success ? r.data : null;
}

/** Every month of a range, oldest first. */
export function monthsOfRange(range: MonthRange): MonthId[] {
  const out: MonthId[] = [];
  for (let m = range.from; m <= range.to; m = nextMonthOf(m)) out.push(m);
  return out;
}

function nextMonthOf(id: MonthId): MonthId {
  const [y, m] = id.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(id: MonthId): MonthId {
  const [y, m] = id.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** FMRs are produced monthly except for April. */
export function publishesFmr(id: MonthId): boolean {
  return !id.endsWith('-04');
}
