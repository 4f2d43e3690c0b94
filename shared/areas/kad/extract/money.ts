/**
 * Pounds and pence as exported: `1234.56`, `£1,234.56`, `1,234.5`, `-£12`. Whole pence, or null when it
 * is not an amount. Read character by character: an extract has hundreds of thousands of them.
 */
export function parsePence(text: string): number | null {
  const t = text.trim();
  let i = 0;
  // A minus before or after the pound sign: -£12 or £-12.
  let negative = t.charCodeAt(i) === 45;
  if (negative) i++;
  if (t.charCodeAt(i) === 163) i++;
  if (!negative && t.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  let pounds = 0;
  let digits = 0;
  // Digits since the last comma, and whether commas group them (then every group has three).
  let group = 0;
  let grouped = false;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      pounds = pounds * 10 + (c - 48);
      digits++;
      group++;
    } else if (c === 44) {
      if (digits === 0 || (grouped ? group !== 3 : group > 3)) return null;
      grouped = true;
      group = 0;
    } else break;
  }
  if (digits === 0 || (grouped && group !== 3)) return null;
  let pence = 0;
  if (i < t.length) {
    if (t.charCodeAt(i) !== 46 || t.length - i - 1 < 1 || t.length - i - 1 > 2) return null;
    for (let j = i + 1; j < t.length; j++) {
      const c = t.charCodeAt(j) - 48;
      if (c < 0 || c > 9) return null;
      pence = pence * 10 + c;
    }
    if (t.length - i - 1 === 1) pence *= 10;
  }
  const total = pounds * 100 + pence;
  if (!Number.isSafeInteger(total)) return null;
  return negative ? -total : total;
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
