import { describe, expect, it } from 'vitest';
import type { RevenueTable } from '../../shared/areas/revenue/api';
import type { RevenueLine } from '../../shared/areas/revenue/model';
import { keepUnchanged, planOf, withAnswer } from '../../renderer/src/areas/revenue/rows';

const line = (n: number, forecastVariance: number | null): RevenueLine => ({
  key: `d:${n}`, directorateId: 'd', section: 'S', subsection: null, label: `Line ${n}`, committee: 'A&H', budgetHolder: null, order: n,
  grossBudget: 100, incomeBudget: -10, actual: 5, forecastVariance, previousVariance: null, previousSource: 'none',
});
// Only what keepUnchanged reads; the rest of a table plays no part.
const table = (lines: RevenueLine[]) => ({ directorate: { id: 'd', name: 'D' }, previous: { source: 'none' }, sections: [{ name: 'S' }], lines }) as unknown as RevenueTable;

describe("a save's answer keeps the objects of what did not change", () => {
  const shown = table([line(1, 10), line(2, 20), line(3, null)]);

  it('keeps unchanged lines, the directorate and the sections as shown; takes the changed line from the answer', () => {
    const answer = table([line(1, 10), line(2, 25), line(3, null)]);
    const kept = keepUnchanged(shown, answer);
    expect(kept.lines[0]).toBe(shown.lines[0]);
    expect(kept.lines[1]).toBe(answer.lines[1]);
    expect(kept.lines[2]).toBe(shown.lines[2]);
    expect(kept.directorate).toBe(shown.directorate);
    expect(kept.sections).toBe(shown.sections);
  });

  it('finds a line by its key when the answer holds the lines in another order', () => {
    const answer = table([line(3, null), line(1, 10), line(2, 20)]);
    const kept = keepUnchanged(shown, answer);
    expect(kept.lines.map((l) => l.key)).toEqual(['d:3', 'd:1', 'd:2']);
    expect(kept.lines[0]).toBe(shown.lines[2]);
    expect(kept.lines[2]).toBe(shown.lines[1]);
  });

  it('keeps the very list of lines shown when the answer changed none, so nothing is planned or drawn again', () => {
    const kept = keepUnchanged(shown, table([line(1, 10), line(2, 20), line(3, null)]));
    expect(kept.lines).toBe(shown.lines);
    const sections = [{ directorateId: 'd', name: 'S', order: 1, totalLabel: null, isMitigation: false, summaryRow: 'D' }];
    const directorate = { id: 'd', name: 'D', appendix: '1a', expenditureTotalLabel: 'D Total', overallTotalLabel: 'Overall Total' };
    const withPlan = (t: RevenueTable) => ({ ...t, directorate, sections }) as RevenueTable;
    const plan = planOf(withPlan(shown));
    expect(planOf({ ...withPlan(shown), lines: kept.lines }, plan)).toBe(plan);
  });
});

describe('the answer to an earlier save, with later edits still waiting for theirs', () => {
  // Shown: line 1 edited to 11 (its save answered now) and then line 2 edited to 30 (its save not yet answered).
  const shown = table([line(1, 11), line(2, 30), line(3, null)]);
  // The answer to the first save: line 1 saved, line 2 as the store held it before the second edit.
  const answer = table([line(1, 11), line(2, 20), line(3, null)]);
  const second = [{ lineKey: 'd:2', field: 'forecastVariance' as const, value: 30 }];

  it('keeps the later edit on screen, with the same line objects, rather than showing it as before', () => {
    const next = withAnswer(shown, answer, [second]);
    expect(next.lines.map((l) => l.forecastVariance)).toEqual([11, 30, null]);
    expect(next.lines).toBe(shown.lines);
  });

  it('takes the answer as it is once nothing is waiting', () => {
    expect(withAnswer(shown, answer, []).lines.map((l) => l.forecastVariance)).toEqual([11, 20, null]);
  });
});
