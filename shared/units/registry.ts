import { formatForEdit, groupThousands, roundHundredths, roundToUnit, SCALE, type Hundredths } from './exact';

/**
 * Units as data: every column of every table names one of these. A unit knows how an officer types a
 * value (parse), how the published table shows it (format), how Excel shows it (number format) and how
 * to say what is wrong in the column's own terms. Numbers are held as hundredths of the displayed unit.
 */
export const UNIT_IDS = ['count', 'gbp_week', 'gbp_k', 'gbp_000', 'gbp_000q', 'gbp', 'gbp_p', 'percent', 'text', 'rag'] as const;
export type UnitId = (typeof UNIT_IDS)[number];
export type NumericUnitId = Exclude<UnitId, 'text' | 'rag'>;

export const RAG_VALUES = ['Black', 'Red', 'Amber', 'Green', 'Blue'] as const;
export type Rag = (typeof RAG_VALUES)[number];

/** Per-column choices: the noun a count counts ("care packages"), the decimals a percentage shows. */
export interface UnitOptions {
  noun?: string;
  decimals?: 0 | 1 | 2;
  /**
   * Money columns whose published table prints a nil as a mark rather than 0 (a "-" in some published tables):
   * shown and exported as that mark, and the mark typed or pasted back reads as 0.
   */
  zero?: string;
}

export type ParseResult = { ok: true; value: Hundredths | null } | { ok: false; reason: string };
export type TextParseResult = { ok: true; value: string | null } | { ok: false; reason: string };

interface MoneyStyle {
  /** Shown before the figure: "£" or nothing (the £000 tables print bare numbers). */
  prefix: string;
  /** Shown after the figure: "k" for £k. */
  suffix: string;
  /** What a zero shows as ("£k" in the tables published in £k). */
  zero?: string;
  /** Typed "k" suffix accepted. */
  takesK: boolean;
  decimals: 0 | 2;
}

export interface UnitDef {
  id: UnitId;
  /** As a column header or a message names it: "£k", "£ per week", "£000", "%". */
  label: string;
  kind: 'count' | 'money' | 'percent' | 'text' | 'rag';
  /** "an amount of money", "a number of care packages": for messages such as "is a date, not …". */
  what(opts?: UnitOptions): string;
  negativeAllowed: boolean;
  /** Excel number format for a cell holding the value in this unit. */
  excelFormat(opts?: UnitOptions): string;
}

const MONEY: Record<string, MoneyStyle & { label: string }> = {
  gbp_week: { label: '£ per week', prefix: '£', suffix: '', takesK: false, decimals: 0 },
  gbp_k: { label: '£k', prefix: '£', suffix: 'k', zero: '£k', takesK: true, decimals: 0 },
  gbp_000: { label: '£000', prefix: '', suffix: '', takesK: false, decimals: 0 },
  gbp_000q: { label: "£'000", prefix: '', suffix: '', takesK: false, decimals: 0 },
  gbp: { label: '£', prefix: '£', suffix: '', takesK: false, decimals: 0 },
  gbp_p: { label: '£ and pence', prefix: '£', suffix: '', takesK: false, decimals: 2 },
};

function countWhat(opts?: UnitOptions): string {
  return opts?.noun ? `a number of ${opts.noun}` : 'a count';
}

const quote = (s: string) => (s ? `"${s}"` : '');

function moneyExcel(style: MoneyStyle): string {
  const digits = style.decimals === 2 ? '#,##0.00' : '#,##0';
  const pos = `${quote(style.prefix)}${digits}${quote(style.suffix)}`;
  return `${pos};-${pos}${style.zero ? `;${quote(style.zero)}` : ''}`;
}

export const UNITS: Record<UnitId, UnitDef> = {
  count: { id: 'count', label: 'count', kind: 'count', what: countWhat, negativeAllowed: false, excelFormat: () => '#,##0' },
  ...(Object.fromEntries(
    Object.entries(MONEY).map(([id, s]) => [
      id,
      { id: id as UnitId, label: s.label, kind: 'money', what: () => 'an amount of money', negativeAllowed: true, excelFormat: (o) => moneyExcel(o?.zero ? { ...s, zero: o.zero } : s) } satisfies UnitDef,
    ]),
  ) as Record<keyof typeof MONEY, UnitDef>),
  percent: {
    id: 'percent',
    label: '%',
    kind: 'percent',
    what: () => 'a percentage',
    negativeAllowed: true,
    excelFormat: (o) => (o?.decimals ? `0.${'0'.repeat(o.decimals)}%` : '0%'),
  },
  text: { id: 'text', label: 'text', kind: 'text', what: () => 'text', negativeAllowed: true, excelFormat: () => '@' },
  rag: { id: 'rag', label: 'RAG', kind: 'rag', what: () => `a RAG rating (${RAG_VALUES.join(', ')})`, negativeAllowed: true, excelFormat: () => '@' },
} as Record<UnitId, UnitDef>;

export function unitDef(id: UnitId): UnitDef {
  return UNITS[id];
}

export function isNumericUnit(id: UnitId): id is NumericUnitId {
  return id !== 'text' && id !== 'rag';
}

const NUMBER = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/;

/**
 * Reads what an officer types or pastes into a numeric column: "2271", "2,271", "£2,271", "£28,942k",
 * "-£289k", "(289)", "£k" (a published zero), "3%", "0.7" or blank (null, never zero).
 */
export function parseAmount(raw: string, opts: UnitOptions & { unit: NumericUnitId }): ParseResult {
  const { unit } = opts;
  const def = UNITS[unit];
  const money = MONEY[unit];
  let text = raw.replace(/\u00a0/g, ' ').trim();
  if (text === '') return { ok: true, value: null };
  if (money && opts.zero && text === opts.zero) return { ok: true, value: 0 };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[-\u2212\u2013]/.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  const notValid = def.kind === 'count' ? `is not ${countWhat(opts)}` : def.kind === 'percent' ? 'is not a percentage' : 'is not an amount of money';
  const hadPound = text.startsWith('£');
  if (hadPound) text = text.slice(1).trim();
  if (hadPound && !money) return { ok: false, reason: def.kind === 'count' ? `is money, but this column ${opts.noun ? `counts ${opts.noun}` : 'is a count'}` : `is money, but this column is ${def.what(opts)}` };
  if (def.kind === 'percent' && text.endsWith('%')) text = text.slice(0, -1).trim();
  if (/k$/i.test(text)) {
    if (!money?.takesK) return { ok: false, reason: money ? `is in £k, but this column is ${def.label}` : notValid };
    text = text.slice(0, -1).trim();
    if (text === '' && hadPound) return { ok: true, value: 0 };
  }
  if (!NUMBER.test(text)) return { ok: false, reason: notValid };
  const plain = text.replace(/,/g, '');
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  if (decimals > 2) return { ok: false, reason: 'has more than two decimal places' };
  const [whole, frac = ''] = plain.split('.');
  const magnitude = Number(whole || '0') * SCALE + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(magnitude) || magnitude > 1e14) return { ok: false, reason: 'is too large' };
  if (negative && !def.negativeAllowed) return { ok: false, reason: `is negative, and ${opts.noun ? `a count of ${opts.noun}` : 'a count'} cannot be` };
  return { ok: true, value: negative ? -magnitude : magnitude };
}

/** Text and RAG columns: trimmed text, blank is null; a RAG must be one of the five words. */
export function parseText(raw: string, unit: 'text' | 'rag'): TextParseResult {
  const text = raw.replace(/\u00a0/g, ' ').trim();
  if (text === '') return { ok: true, value: null };
  if (unit === 'text') return { ok: true, value: text };
  const rag = RAG_VALUES.find((r) => r.toLowerCase() === text.toLowerCase());
  return rag ? { ok: true, value: rag } : { ok: false, reason: `is not ${UNITS.rag.what()}` };
}

/** Displays a value as the published table prints it: 245, £2,271, £28,942k, £k, -0, £1,234.56, 0.7%. */
export function formatValue(value: Hundredths | null, unit: NumericUnitId, opts: UnitOptions = {}): string {
  if (value === null) return '';
  const def = UNITS[unit];
  if (def.kind === 'percent') {
    const decimals = opts.decimals ?? 0;
    const rounded = roundHundredths(value, decimals);
    const sign = rounded < 0 ? '-' : '';
    const abs = Math.abs(rounded);
    const whole = Math.floor(abs / SCALE);
    const frac = decimals ? `.${String(abs % SCALE).padStart(2, '0').slice(0, decimals)}` : '';
    return `${sign}${groupThousands(whole)}${frac}%`;
  }
  if (def.kind === 'count') {
    const whole = roundToUnit(value);
    return (whole < 0 ? '-' : '') + groupThousands(whole);
  }
  const style = MONEY[unit]!;
  if (style.decimals === 2) {
    const sign = value < 0 ? '-' : '';
    const abs = Math.abs(value);
    return `${sign}${style.prefix}${groupThousands(Math.floor(abs / SCALE))}.${String(abs % SCALE).padStart(2, '0')}`;
  }
  const whole = roundToUnit(value);
  if (value === 0 && opts.zero) return opts.zero;
  if (whole === 0 && style.zero) return style.zero;
  // A negative that rounds to nothing keeps its sign, as Excel's #,##0 shows it (the published "-0").
  const sign = value < 0 && (whole < 0 || !style.prefix) ? '-' : '';
  return `${sign}${style.prefix}${groupThousands(whole)}${style.suffix}`;
}

export { formatForEdit };
