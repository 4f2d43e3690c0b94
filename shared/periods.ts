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

/**
 * Quarters of a financial year: `2023-24-Q1` (April–June) … `Q4` (January–March). A quarterly table
 * belongs to the FMR month that publishes it; which month publishes each quarter is a workspace
 * setting: a calendar month per quarter, the first such month after the quarter ends.
 */
export const QuarterId = z.string().regex(/^\d{4}-\d{2}-Q[1-4]$/, 'a quarter is written YYYY-YY-Qn, for example 2023-24-Q1');
export type QuarterId = z.infer<typeof QuarterId>;

const Month = z.number().int().min(1).max(12);
export const QuarterPublishingSchema = z.object({ q1: Month, q2: Month, q3: Month, q4: Month }).strict();
export type QuarterPublishing = z.infer<typeof QuarterPublishingSchema>;

/** CONVENTIONS.md: Q1 → August, Q2 → November, Q3 → February, Q4 → the outturn month (May: April publishes no FMR). */
export const DEFAULT_QUARTER_PUBLISHING: QuarterPublishing = { q1: 8, q2: 11, q3: 2, q4: 5 };

const QUARTER_KEYS = ['q1', 'q2', 'q3', 'q4'] as const;

export function quarterId(financialYear: string, n: 1 | 2 | 3 | 4): QuarterId {
  return `${financialYear}-Q${n}`;
}

export function quarterParts(q: QuarterId): { financialYear: string; n: 1 | 2 | 3 | 4 } {
  return { financialYear: q.slice(0, 7), n: Number(q.slice(-1)) as 1 | 2 | 3 | 4 };
}

/** The quarter a month falls in: 2023-08 → 2023-24-Q2. */
export function quarterOf(month: MonthId): QuarterId {
  const fyMonths = monthsOfFinancialYear(financialYearOf(month));
  return quarterId(financialYearOf(month), (Math.floor(fyMonths.indexOf(month) / 3) + 1) as 1 | 2 | 3 | 4);
}

/** The three months of a quarter, in order. */
export function quarterMonths(q: QuarterId): MonthId[] {
  const { financialYear, n } = quarterParts(q);
  return monthsOfFinancialYear(financialYear).slice((n - 1) * 3, n * 3);
}

/** "Quarter 1 2023/24", as the published titles write it. */
export function quarterLabel(q: QuarterId): string {
  const { financialYear, n } = quarterParts(q);
  return `Quarter ${n} ${financialYear.replace('-', '/')}`;
}

export function previousQuarter(q: QuarterId): QuarterId {
  const { financialYear, n } = quarterParts(q);
  if (n > 1) return quarterId(financialYear, (n - 1) as 1 | 2 | 3);
  const start = Number(financialYear.slice(0, 4)) - 1;
  return quarterId(`${start}-${String((start + 1) % 100).padStart(2, '0')}`, 4);
}

/** The month publishing a quarter: the first month of the setting's calendar month after the quarter ends. */
export function quarterPublishingMonth(q: QuarterId, publishing: QuarterPublishing = DEFAULT_QUARTER_PUBLISHING): MonthId {
  const last = quarterMonths(q)[2]!;
  const want = publishing[QUARTER_KEYS[quarterParts(q).n - 1]!];
  let m = last;
  do {
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  } while (Number(m.slice(5)) !== want);
  return m;
}

/** The quarter a month publishes, if it publishes one: 2023-08 → 2023-24-Q1 with the defaults. */
export function quarterPublishedIn(month: MonthId, publishing: QuarterPublishing = DEFAULT_QUARTER_PUBLISHING): QuarterId | null {
  // A quarter is published within the twelve months after it ends: look back over the five quarters before.
  let q = previousQuarter(quarterOf(month));
  for (let i = 0; i < 5; i++, q = previousQuarter(q)) {
    if (quarterPublishingMonth(q, publishing) === month) return q;
  }
  return null;
}
