/** Pounds and pence as exported: `1234.56`, `£1,234.56`, `1,234.5`. Whole pence, or null when it is not an amount. */
const AMOUNT = /^(-)?£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

export function parsePence(text: string): number | null {
  const m = AMOUNT.exec(text.trim().replace(/^£-/, '-').replace(/^-£/, '-'));
  if (!m) return null;
  const pounds = Number(m[2]!.replace(/,/g, ''));
  const pence = pounds * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return null;
  return m[1] ? -pence : pence;
}

/** A number cell: pounds with at most two decimals, else null. */
export function penceOfNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const pence = Math.round(value * 100);
  if (Math.abs(pence - value * 100) > 1e-6 * Math.max(1, Math.abs(value))) return null;
  return Number.isSafeInteger(pence) ? pence : null;
}

/** a ÷ b rounded half away from zero, exactly, for b > 0. */
export function divideRounded(a: number, b: number): number {
  const q = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 ? -q : q;
}
