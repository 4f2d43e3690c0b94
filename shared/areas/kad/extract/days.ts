/**
 * Calendar days as whole numbers (days since 1 January 1970), so the care-package definitions compare
 * and count days with integer arithmetic and no time zones.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1 January 1970 of a calendar date, or null when it is not one (31/02/2023). Plain integer
 * arithmetic (H. Hinnant's days_from_civil): an extract has hundreds of thousands of dates.
 */
export function dayOf(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!)) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar date of a day number (civil_from_days). */
export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** A day as year × 10,000 + month × 100 + day, worked out as ymdOf does with no object made. */
export function ymdNumber(day: Day): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10_000 + m * 100 + doy - Math.floor((153 * mp + 2) / 5) + 1;
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

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const SERIAL = /^\d{2,7}$/;

/** d/m/yyyy or dd/mm/yyyy read digit by digit (the common case, so no regular expression). */
function ukDay(t: string): Day | null | undefined {
  const a = t.indexOf('/');
  const b = a < 0 ? -1 : t.indexOf('/', a + 1);
  if (a < 1 || a > 2 || b !== a + 2 && b !== a + 3 || t.length !== b + 5) return undefined;
  let d = 0;
  let m = 0;
  let y = 0;
  for (let i = 0; i < t.length; i++) {
    if (i === a || i === b) continue;
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    if (i < a) d = d * 10 + c;
    else if (i < b) m = m * 10 + c;
    else y = y * 10 + c;
  }
  return dayOf(y, m, d);
}

/** yyyy-mm-dd exactly, read digit by digit; undefined for anything else (a time after it, say). */
function isoDay(t: string): Day | null | undefined {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return dayOf(y, m, d);
}

/** The digit at `i`, or -100,000 when it is not one. */
function digit(t: string, i: number): number {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
}

/** A date as care systems export it: UK dd/mm/yyyy, ISO yyyy-mm-dd, or an Excel serial number. Null when it is none. */
export function parseDay(text: string): Day | null {
  // dd/mm/yyyy with nothing around it, the usual case, read straight off (anything else goes the long way).
  if (text.length === 10 && text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47) {
    const d = digit(text, 0) * 10 + digit(text, 1);
    const m = digit(text, 3) * 10 + digit(text, 4);
    const y = digit(text, 6) * 1000 + digit(text, 7) * 100 + digit(text, 8) * 10 + digit(text, 9);
    // A non-digit reads as -100,000, which no other digits can make up: it cannot make a date.
    if (d > 0 && m > 0 && y >= 0) return dayOf(y, m, d);
  }
  const t = text.trim();
  const uk = ukDay(t);
  if (uk !== undefined) return uk;
  const iso = isoDay(t);
  if (iso !== undefined) return iso;
  const m = ISO.exec(t);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(t)) return dayOfExcelSerial(Number(t));
  return null;
}
