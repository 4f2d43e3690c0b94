import { describe, expect, it } from 'vitest';
import { formatForEdit, formatValue, parseAmount, parseText, percentOf, roundToUnit, sumHundredths, UNIT_IDS, UNITS } from '../../shared/units';

describe('parseAmount', () => {
  it.each([
    ['245', 'count', 24500],
    ['1,547', 'count', 154700],
    ['£2,271', 'gbp_week', 227100],
    ['2271.5', 'gbp_week', 227150],
    ['£28,942k', 'gbp_k', 2894200],
    ['-£289k', 'gbp_k', -28900],
    ['£k', 'gbp_k', 0],
    ['(289)', 'gbp_k', -28900],
    ['0.25', 'count', 25],
  ] as const)('reads %s in %s', (raw, unit, expected) => {
    expect(parseAmount(raw, { unit })).toEqual({ ok: true, value: expected });
  });

  it('keeps a blank as null, not zero', () => {
    expect(parseAmount('  ', { unit: 'gbp_k' })).toEqual({ ok: true, value: null });
  });

  it.each([
    ['£2,27l', 'gbp_week', 'is not an amount of money'],
    ['1.234', 'gbp_week', 'has more than two decimal places'],
    ['5k', 'gbp_week', 'is in £k, but this column is £ per week'],
    ['5k', 'gbp_000', 'is in £k, but this column is £000'],
    ['1,23', 'gbp_k', 'is not an amount of money'],
    ['abc', 'count', 'is not a count'],
    ['-3', 'count', 'is negative, and a count cannot be'],
    ['£5', 'count', 'is money, but this column is a count'],
    ['£5', 'percent', 'is money, but this column is a percentage'],
    ['1.5.1%', 'percent', 'is not a percentage'],
  ] as const)('refuses %s in %s, in the unit\'s own words', (raw, unit, reason) => {
    expect(parseAmount(raw, { unit })).toEqual({ ok: false, reason });
  });

  it.each([
    ['abc', 'is not a number of care packages'],
    ['-3', 'is negative, and a count of care packages cannot be'],
    ['£5', 'is money, but this column counts care packages'],
  ] as const)('names what a count column counts when it says: %s', (raw, reason) => {
    expect(parseAmount(raw, { unit: 'count', noun: 'care packages' })).toEqual({ ok: false, reason });
  });

  it.each([
    ['12,345', 'gbp_000', 1234500],
    ['-0', 'gbp_000', 0],
    ["(1,125)", 'gbp_000q', -112500],
    ['£1,234.56', 'gbp_p', 123456],
    ['1234.5', 'gbp', 123450],
    ['3%', 'percent', 300],
    ['-1.3%', 'percent', -130],
    ['0.7', 'percent', 70],
  ] as const)('reads %s in %s', (raw, unit, expected) => {
    expect(parseAmount(raw, { unit })).toEqual({ ok: true, value: expected === 0 ? expect.anything() : expected });
  });
});

describe('formatValue', () => {
  it('displays as published', () => {
    expect(formatValue(24500, 'count')).toBe('245');
    expect(formatValue(154700, 'count')).toBe('1,547');
    expect(formatValue(227100, 'gbp_week')).toBe('£2,271');
    expect(formatValue(2894200, 'gbp_k')).toBe('£28,942k');
    expect(formatValue(-28900, 'gbp_k')).toBe('-£289k');
    expect(formatValue(0, 'gbp_k')).toBe('£k');
    expect(formatValue(-40, 'gbp_k')).toBe('£k');
    expect(formatValue(null, 'gbp_k')).toBe('');
  });
  it('displays every unit as its table publishes it', () => {
    expect(formatValue(1234500, 'gbp_000')).toBe('12,345');
    expect(formatValue(-40, 'gbp_000')).toBe('-0');
    expect(formatValue(-11250000, 'gbp_000q')).toBe('-112,500');
    expect(formatValue(123456, 'gbp_p')).toBe('£1,234.56');
    expect(formatValue(-5, 'gbp_p')).toBe('-£0.05');
    expect(formatValue(123450, 'gbp')).toBe('£1,235');
    expect(formatValue(300, 'percent')).toBe('3%');
    expect(formatValue(-130, 'percent', { decimals: 1 })).toBe('-1.3%');
    expect(formatValue(70, 'percent', { decimals: 1 })).toBe('0.7%');
    expect(formatValue(250, 'percent')).toBe('3%');
  });
  it('has an Excel number format for every unit', () => {
    for (const id of UNIT_IDS) expect(UNITS[id].excelFormat().length).toBeGreaterThan(0);
    expect(UNITS.gbp_k.excelFormat()).toBe('"£"#,##0"k";-"£"#,##0"k";"£k"');
    expect(UNITS.gbp_000.excelFormat()).toBe('#,##0;-#,##0');
    expect(UNITS.gbp_p.excelFormat()).toBe('"£"#,##0.00;-"£"#,##0.00');
    expect(UNITS.percent.excelFormat({ decimals: 1 })).toBe('0.0%');
  });
  it('reads text and RAG columns', () => {
    expect(parseText('  Amber ', 'rag')).toEqual({ ok: true, value: 'Amber' });
    expect(parseText('green', 'rag')).toEqual({ ok: true, value: 'Green' });
    expect(parseText('Purple', 'rag')).toEqual({ ok: false, reason: 'is not a RAG rating (Black, Red, Amber, Green, Blue)' });
    expect(parseText(' note ', 'text')).toEqual({ ok: true, value: 'note' });
    expect(parseText('  ', 'text')).toEqual({ ok: true, value: null });
  });
  it('works out percentages exactly, rounding half away from zero', () => {
    expect(percentOf(-14, 100)).toBe(-1400);
    expect(percentOf(99, 103)).toBe(9612);
    expect(percentOf(1, 3)).toBe(3333);
    expect(percentOf(-1, 3)).toBe(-3333);
    expect(percentOf(1, 8)).toBe(1250);
    expect(percentOf(1, 0)).toBeNull();
  });
  it('rounds half away from zero', () => {
    expect(roundToUnit(150)).toBe(2);
    expect(roundToUnit(-150)).toBe(-2);
    expect(roundToUnit(149)).toBe(1);
  });
  it('edits exactly', () => {
    expect(formatForEdit(227150)).toBe('2271.5');
    expect(formatForEdit(-28905)).toBe('-289.05');
    expect(formatForEdit(null)).toBe('');
  });
  it('sums exactly, keeping all-blank as blank', () => {
    expect(sumHundredths([10, 20, null])).toBe(30);
    expect(sumHundredths([null, null])).toBeNull();
    expect(sumHundredths([10, 20].map((v) => v * 1e11))).toBe(3e12);
  });
});
