/**
 * Exact figures. Every KAD figure (packages, £ per week, £k) is held as an integer number of
 * hundredths of its displayed unit, so sums are integer additions and never binary-float drift.
 * 245 packages -> 24500; £2,271 a week -> 227100; £28,942k -> 2894200.
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
  return (sign * Math.floor((Math.abs(value) + SCALE / 2) / SCALE)) || 0;
}

export type ParseResult = { ok: true; value: Hundredths | null } | { ok: false; reason: string };

/**
 * Reads what an officer types or pastes: "2271", "2,271", "£2,271", "£28,942k", "-£289k", "(289)",
 * "£k" (a published zero) or blank. The unit suffix "k" is accepted only for £k columns.
 */
export function parseAmount(raw: string, opts: { unit: 'count' | 'gbp_week' | 'gbp_k' }): ParseResult {
  let text = raw.replace(/\u00a0/g, ' ').trim();
  if (text === '') return { ok: true, value: null };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[-\u2212\u2013]/.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  const hadPound = text.startsWith('£');
  if (hadPound) text = text.slice(1).trim();
  if (opts.unit === 'count' && hadPound) return { ok: false, reason: 'is money, but this column counts care packages' };
  if (/k$/i.test(text)) {
    if (opts.unit !== 'gbp_k') return { ok: false, reason: opts.unit === 'count' ? 'is not a number of care packages' : 'is in £k, but this column is £ per week' };
    text = text.slice(0, -1).trim();
    if (text === '' && hadPound) return { ok: true, value: 0 };
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(text)) {
    return { ok: false, reason: opts.unit === 'count' ? 'is not a number of care packages' : 'is not an amount of money' };
  }
  const plain = text.replace(/,/g, '');
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  if (decimals > 2) return { ok: false, reason: 'has more than two decimal places' };
  const [whole, frac = ''] = plain.split('.');
  const magnitude = Number(whole || '0') * SCALE + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(magnitude) || magnitude > 1e14) return { ok: false, reason: 'is too large' };
  if (negative && opts.unit === 'count') return { ok: false, reason: 'is negative, and a count of care packages cannot be' };
  return { ok: true, value: negative ? -magnitude : magnitude };
}

function groupThousands(n: number): string {
  return Math.abs(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats for display, whole units as published: 245 / 1,547, £2,271, £28,942k, -£289k, £k for a zero. */
export function formatValue(value: Hundredths | null, unit: 'count' | 'gbp_week' | 'gbp_k'): string {
  if (value === null) return '';
  const whole = roundToUnit(value);
  const sign = whole < 0 ? '-' : '';
  if (unit === 'count') return sign + groupThousands(whole);
  if (unit === 'gbp_week') return `${sign}£${groupThousands(whole)}`;
  return whole === 0 ? '£k' : `${sign}£${groupThousands(whole)}k`;
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
