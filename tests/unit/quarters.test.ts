import { describe, expect, it } from 'vitest';
import { DEFAULT_QUARTER_PUBLISHING, previousQuarter, quarterLabel, quarterMonths, quarterOf, quarterPublishedIn, quarterPublishingMonth, QuarterPublishingSchema } from '../../shared/periods';

// CONVENTIONS.md "Periods": Q1 → August, Q2 → November, Q3 → February, Q4 → the outturn month (the first FMR of the next year, May).
describe('quarters', () => {
  it('are April–June … January–March of the financial year', () => {
    expect(quarterOf('2023-04')).toBe('2023-24-Q1');
    expect(quarterOf('2023-06')).toBe('2023-24-Q1');
    expect(quarterOf('2023-08')).toBe('2023-24-Q2');
    expect(quarterOf('2024-01')).toBe('2023-24-Q4');
    expect(quarterOf('2024-03')).toBe('2023-24-Q4');
    expect(quarterMonths('2023-24-Q3')).toEqual(['2023-10', '2023-11', '2023-12']);
    expect(quarterLabel('2023-24-Q1')).toBe('Quarter 1 2023/24');
    expect(previousQuarter('2023-24-Q1')).toBe('2022-23-Q4');
    expect(previousQuarter('1999-00-Q3')).toBe('1999-00-Q2');
    expect(previousQuarter('2000-01-Q1')).toBe('1999-00-Q4');
  });

  it('are published in the months CONVENTIONS.md gives by default', () => {
    expect(quarterPublishingMonth('2023-24-Q1')).toBe('2023-08');
    expect(quarterPublishingMonth('2023-24-Q2')).toBe('2023-11');
    expect(quarterPublishingMonth('2023-24-Q3')).toBe('2024-02');
    expect(quarterPublishingMonth('2023-24-Q4')).toBe('2024-05');
    expect(quarterPublishedIn('2023-08')).toBe('2023-24-Q1');
    expect(quarterPublishedIn('2024-02')).toBe('2023-24-Q3');
    expect(quarterPublishedIn('2024-05')).toBe('2023-24-Q4');
    expect(quarterPublishedIn('2023-09')).toBeNull();
    expect(quarterPublishedIn('2023-07')).toBeNull();
  });

  it('follow the setting', () => {
    const s = { ...DEFAULT_QUARTER_PUBLISHING, q1: 7, q4: 6 };
    expect(quarterPublishedIn('2023-07', s)).toBe('2023-24-Q1');
    expect(quarterPublishedIn('2023-08', s)).toBeNull();
    expect(quarterPublishingMonth('2023-24-Q4', s)).toBe('2024-06');
    // A month inside its own quarter is not "after it ends": Q1 published in "June" means June of the next year.
    expect(quarterPublishingMonth('2023-24-Q1', { ...s, q1: 6 })).toBe('2024-06');
    expect(QuarterPublishingSchema.safeParse({ ...s, q2: 13 }).success).toBe(false);
  });
});
