/**
 * Exact figures. Every figure is held as an integer number of hundredths of the unit its table shows,
 * so sums are integer additions and never binary-float drift: 245 → 24500; £2,271 a week → 227100;
 * £28,942k → 2894200; £1,234.56 → 123456 (pence); 0.7% → 70.
 */
export type Hundredths = number;

export const SCALE = 100;

export function toHundredths(value: number): Hundredths {
  const scaled = Math.round(value * SCALE);
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`${value} is too large to hold exactly`);
  return scaled;
}

export function fromHundredths(value: Hundredths): number {
  return value / SCALE;
}

export function sumHundredths(values: readonly (Hundredths | null)[]): Hundredths | null {
  let total = 0;
  let any = false;
  for (const v of values) {
    if (v === null) continue;
    total += v;
    any = true;
  }
  return any ? total : null;
}

/** Round half away from zero to whole units, as the published tables round each cell. */
export function roundToUnit(value: Hundredths): number {
  const sign = value < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(value) + SCALE / 2) / SCALE) || 0;
}

/** Round half away from zero to `decimals` (0, 1 or 2) places, returned in hundredths. */
export function roundHundredths(value: Hundredths, decimals: 0 | 1 | 2): Hundredths {
  if (decimals === 2) return value;
  const step = decimals === 1 ? 10 : SCALE;
  const sign = value < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(value) + step / 2) / step) * step || 0;
}

/**
 * a / b × 100, in hundredths of a percent, rounded half away from zero: exact integer arithmetic on
 * the unrounded figures, so boundaries (exactly 14%, exactly 2%) are decided exactly.
 */
export function percentOf(numerator: Hundredths, denominator: Hundredths): Hundredths | null {
  if (denominator === 0) return null;
  const num = BigInt(numerator) * 10000n;
  const den = BigInt(denominator);
  const q = num / den;
  const r = num % den;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = twice >= (den < 0n ? -den : den) ? 1n : 0n;
  const negative = num < 0n !== den < 0n;
  return Number(negative ? q - away : q + away);
}

export function groupThousands(n: number): string {
  return Math.abs(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats for editing: exact, no grouping, up to two decimals. */
export function formatForEdit(value: Hundredths | null): string {
  if (value === null) return '';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / SCALE);
  const frac = abs % SCALE;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
