import { describe, expect, it } from 'vitest';
import { formatForEdit, formatValue, parseAmount, roundToUnit, sumHundredths } from '../../shared/money';

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
    ['abc', 'count', 'is not a number of care packages'],
    ['-3', 'count', 'is negative, and a count of care packages cannot be'],
    ['1.234', 'gbp_week', 'has more than two decimal places'],
    ['£5', 'count', 'is money, but this column counts care packages'],
    ['5k', 'gbp_week', 'is in £k, but this column is £ per week'],
    ['1,23', 'gbp_k', 'is not an amount of money'],
  ] as const)('refuses %s in %s', (raw, unit, reason) => {
    expect(parseAmount(raw, { unit })).toEqual({ ok: false, reason });
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
