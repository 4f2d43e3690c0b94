import { describe, expect, it } from 'vitest';
import { financialYearOf, monthLabel, monthsOfFinancialYear, previousMonth, publishesFmr } from '../../shared/periods';

describe('periods', () => {
  it('runs the financial year April to March', () => {
    const months = monthsOfFinancialYear('2023-24');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2023-04');
    expect(months[11]).toBe('2024-03');
    expect(financialYearOf('2024-03')).toBe('2023-24');
    expect(financialYearOf('2023-04')).toBe('2023-24');
    expect(financialYearOf('2023-03')).toBe('2022-23');
  });
  it('names months as published', () => {
    expect(monthLabel('2023-08')).toBe('August 2023');
    expect(previousMonth('2024-01')).toBe('2023-12');
  });
  it('knows April has no FMR', () => {
    expect(publishesFmr('2023-04')).toBe(false);
    expect(publishesFmr('2023-08')).toBe(true);
  });
});
