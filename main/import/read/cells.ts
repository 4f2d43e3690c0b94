import { parseAmount, SCALE, UNITS, type Hundredths, type NumericUnitId, type UnitOptions } from '../../../shared/units';
import { MSG, shown } from './messages';
import { displayDivisor } from './number-format';

/**
 * A cell as found, independent of where it came from (an .xlsx part or a CSV field). Nothing here is
 * ever evaluated: a formula contributes only the value Excel saved with it.
 */
export type CellValue =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; numFmt?: string }
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: Date }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'formula-no-value'; formula: string }
  | { kind: 'formula-error'; formula: string };

export interface Cell {
  address: string;
  value: CellValue;
}

export const BLANK: CellValue = { kind: 'blank' };

/** The value as the user would recognise it, for messages. */
export function asFound(v: CellValue): string | null {
  switch (v.kind) {
    case 'blank':
      return null;
    case 'number':
      return String(v.value);
    case 'text':
      return shown(v.text);
    case 'date':
      return Number.isNaN(v.date.getTime()) ? 'a date' : v.date.toISOString().slice(0, 10);
    case 'bool':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
      return shown(v.text);
    case 'formula-no-value':
    case 'formula-error':
      return v.formula ? shown(`=${v.formula}`) : null;
  }
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Text columns (titles, labels, keys): whatever the cell shows, verbatim. Text that starts with `=`,
 * `+`, `-` or `@` stays text; only a saved formula result is ever used.
 */
export function textOf(v: CellValue): CellResult<string> {
  switch (v.kind) {
    case 'blank':
      return { ok: true, value: '' };
    case 'text':
      return { ok: true, value: v.text };
    case 'number':
      return { ok: true, value: String(v.value) };
    case 'bool':
      return { ok: true, value: v.value ? 'TRUE' : 'FALSE' };
    case 'date':
      return { ok: true, value: asFound(v) ?? '' };
    case 'error':
      return { ok: false, reason: MSG.notText };
    case 'formula-no-value':
      return { ok: false, reason: MSG.formulaNoValue };
    case 'formula-error':
      return { ok: false, reason: MSG.formulaError };
  }
}

/** Lenient text for recognising rows (titles, bands, headers): failures read as blank. */
export function plainText(v: CellValue): string {
  const r = textOf(v);
  return r.ok ? r.value.trim() : '';
}

/** A column's unit and, for counts, what it counts. */
export type ColumnUnit = UnitOptions & { unit: NumericUnitId };

function what(u: ColumnUnit): string {
  return UNITS[u.unit].what(u);
}

function notValid(u: ColumnUnit): string {
  return `is not ${what(u)}`;
}

/**
 * Rounds a stored number to hundredths, half away from zero, on its shortest decimal form (what Excel
 * shows), so 1.005 is 1.01 and 0.1 + 0.2 is 0.30 rather than binary noise.
 */
export function numberToHundredths(value: number): Hundredths | null {
  const abs = Math.abs(value);
  if (abs >= 1e12) return null;
  if (Number.isInteger(abs)) return value * SCALE || 0;
  if (abs < 0.005) return 0;
  // Below 1e12 and at or above 0.005, String() never uses an exponent.
  const [whole, frac = ''] = String(abs).split('.');
  let result = Number(whole) * SCALE + Number((frac + '00').slice(0, 2));
  if ((frac[2] ?? '0') >= '5') result += 1;
  return value < 0 ? -result : result;
}

const MINUS = /^[-\u2212\u2013]\s*/;

/**
 * Money and count columns. A number cell holds the value in the column's displayed unit unless its
 * number format scales by thousands; text goes through parseAmount; a blank is null, never zero.
 */
export function amountOf(v: CellValue, u: ColumnUnit): CellResult<Hundredths | null> {
  switch (v.kind) {
    case 'blank':
      return { ok: true, value: null };
    case 'number': {
      if (!Number.isFinite(v.value)) return { ok: false, reason: notValid(u) };
      // A percentage cell holds a fraction (0.05 shown as 5%).
      const shownValue = UNITS[u.unit].kind === 'percent' && v.numFmt?.includes('%') ? v.value * 100 : v.value / displayDivisor(v.numFmt, v.value);
      const h = numberToHundredths(shownValue);
      if (h === null) return { ok: false, reason: MSG.tooLarge };
      if (h < 0 && !UNITS[u.unit].negativeAllowed) return { ok: false, reason: `is negative, and ${u.noun ? `a count of ${u.noun}` : 'a count'} cannot be` };
      return { ok: true, value: h === 0 ? 0 : h };
    }
    case 'text': {
      const parsed = parseAmount(v.text, u);
      if (parsed.ok) return { ok: true, value: parsed.value === null ? null : parsed.value || 0 };
      // "-0" as published: a rounded zero keeps its sign in the source, but it is zero.
      if (MINUS.test(v.text.trim())) {
        const unsigned = parseAmount(v.text.trim().replace(MINUS, ''), u);
        if (unsigned.ok && unsigned.value === 0) return { ok: true, value: 0 };
      }
      return parsed;
    }
    case 'date':
      return { ok: false, reason: MSG.date(what(u)) };
    case 'bool':
      return { ok: false, reason: notValid(u) };
    case 'error':
      return { ok: false, reason: MSG.excelError(what(u)) };
    case 'formula-no-value':
      return { ok: false, reason: MSG.formulaNoValue };
    case 'formula-error':
      return { ok: false, reason: MSG.formulaError };
  }
}

type Dot = 'up' | 'down' | 'flat';

const ARROWS: Record<string, Dot> = {
  '↑': 'up', '⬆': 'up', '▲': 'up', up: 'up',
  '↓': 'down', '⬇': 'down', '▼': 'down', down: 'down',
  '↔': 'flat', '⬌': 'flat', '◄►': 'flat', flat: 'flat', same: 'flat', unchanged: 'flat', 'no change': 'flat',
};

/** Direction-of-travel columns: ↑ ↓ ↔ (or the words) to 'up' | 'down' | 'flat'; blank is null. */
export function dotOf(v: CellValue): CellResult<Dot | null> {
  if (v.kind === 'blank') return { ok: true, value: null };
  if (v.kind === 'formula-no-value') return { ok: false, reason: MSG.formulaNoValue };
  if (v.kind === 'formula-error') return { ok: false, reason: MSG.formulaError };
  if (v.kind !== 'text') return { ok: false, reason: MSG.notDot };
  if (Object.hasOwn(ARROWS, v.text)) return { ok: true, value: ARROWS[v.text]! };
  const key = v.text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (key === '') return { ok: true, value: null };
  return Object.hasOwn(ARROWS, key) ? { ok: true, value: ARROWS[key]! } : { ok: false, reason: MSG.notDot };
}
