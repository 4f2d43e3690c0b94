/**
 * Calendar days as whole numbers (days since 1 January 1970), so the care-package definitions compare
 * and count days with integer arithmetic and no time zones.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // 31/02/2023 is not a date: Date.UTC would roll it into March.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The last day of a month written YYYY-MM. */
export function monthEnd(month: string): Day {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Math.round(Date.UTC(y, m, 0) / MS_PER_DAY);
}

/** The month (YYYY-MM) a day falls in. */
export function monthOfDay(day: Day): string {
  const { year, month } = ymdOf(day);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The financial year (1 April to 31 March) holding a day, as its first and last days. */
export function financialYearAround(day: Day): { first: Day; last: Day } {
  const { year, month } = ymdOf(day);
  const start = month >= 4 ? year : year - 1;
  return { first: dayOf(start, 4, 1)!, last: dayOf(start + 1, 3, 31)! };
}

/** Whole years of age on a day: a birthday on that day counts (29 February birthdays come on 1 March). */
export function ageOn(dateOfBirth: Day, on: Day): number {
  const b = ymdOf(dateOfBirth);
  const d = ymdOf(on);
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}

/** Excel's 1900 date system: serial 1 is 1 January 1900 (serial 60, the false 29/02/1900, is not used). */
const EXCEL_EPOCH_OFFSET = 25_569;
export function dayOfExcelSerial(serial: number): Day | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return null;
  return serial - EXCEL_EPOCH_OFFSET;
}

const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const SERIAL = /^\d{2,7}$/;

/** A date as care systems export it: UK dd/mm/yyyy, ISO yyyy-mm-dd, or an Excel serial number. Null when it is none. */
export function parseDay(text: string): Day | null {
  const t = text.trim();
  let m = UK.exec(t);
  if (m) return dayOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = ISO.exec(t);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(t)) return dayOfExcelSerial(Number(t));
  return null;
}
