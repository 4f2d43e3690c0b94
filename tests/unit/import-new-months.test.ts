import { describe, expect, it } from 'vitest';
import { monthRuns, newMonthSentences } from '../../shared/import/new-months';

describe('new months in plain words', () => {
  it('writes months as runs, across a year end and with a gap', () => {
    expect(monthRuns(['2023-02', '2022-12', '2023-01', '2023-05', '2023-05'])).toBe('December 2022 to February 2023, May 2023');
    expect(monthRuns([])).toBe('');
  });
  it('says one month created before every month held in the singular, and nothing when no month is new', () => {
    expect(newMonthSentences([{ period: '2023-01', newMonth: true, rollsFrom: null }, { period: '2023-01', newMonth: true, rollsFrom: null }])).toEqual([
      "Creates January 2023, before the first month this workspace holds: there is no earlier month to roll it forward from, so it holds only this file's figures (budgets, and anything else the file does not give, are left blank).",
    ]);
    expect(newMonthSentences([{ period: '2023-08', newMonth: false, rollsFrom: null }])).toEqual([]);
  });
});
