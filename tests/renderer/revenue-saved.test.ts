import { describe, expect, it } from 'vitest';
import type { RevenueSaved, RevenueTable } from '../../shared/areas/revenue/api';
import type { RevenueLine } from '../../shared/areas/revenue/model';
import { planOf, withSaved } from '../../renderer/src/areas/revenue/rows';

const line = (n: number, forecastVariance: number | null): RevenueLine => ({
  key: `d:${n}`, directorateId: 'd', section: 'S', subsection: null, label: `Line ${n}`, committee: 'A&H', budgetHolder: null, order: n,
  grossBudget: 100, incomeBudget: -10, actual: 5, forecastVariance, previousVariance: null, previousSource: 'none',
});
const directorate = { id: 'd', name: 'D', appendix: '1a', expenditureTotalLabel: 'D Total', overallTotalLabel: 'Overall Total' };
const sections = [{ directorateId: 'd', name: 'S', order: 1, totalLabel: null, isMitigation: false, summaryRow: 'D' }];
// Only what withSaved and planOf read; the rest of a table plays no part.
const table = (lines: RevenueLine[]) => ({ period: '2023-08', directorate, sections, previous: { source: 'none' }, lockedReason: null, lines }) as unknown as RevenueTable;
const saved = (lines: RevenueLine[], lockedReason: string | null = null): RevenueSaved => ({ period: '2023-08', directorateId: 'd', lines, lockedReason });

describe("a save's answer (the lines it named, as stored) put into the table shown", () => {
  const shown = table([line(1, 10), line(2, 20), line(3, null)]);

  it('keeps the very table shown when the lines come back as shown, so nothing is planned or drawn again', () => {
    const next = withSaved(shown, saved([line(2, 20)]), []);
    expect(next).toBe(shown);
    const plan = planOf(shown);
    expect(planOf(next, plan)).toBe(plan);
  });

  it('takes a line stored otherwise than shown, and keeps every other line object', () => {
    const next = withSaved(shown, saved([line(2, 25)]), []);
    expect(next.lines.map((l) => l.forecastVariance)).toEqual([10, 25, null]);
    expect(next.lines[0]).toBe(shown.lines[0]);
    expect(next.lines[2]).toBe(shown.lines[2]);
  });

  it('takes the answer that the month can no longer be edited', () => {
    const next = withSaved(shown, saved([line(2, 20)], 'August 2023 is closed.'), []);
    expect(next.lockedReason).toBe('August 2023 is closed.');
    expect(next.lines).toBe(shown.lines);
  });

  it('passes over a line the table does not show', () => {
    expect(withSaved(shown, saved([line(9, 1)]), [])).toBe(shown);
  });
});

describe('the answer to an earlier save, with later edits still waiting for theirs', () => {
  // Shown: line 1 edited to 11 (its save answered now) and then line 2 edited to 30 (its save not yet answered).
  const shown = table([line(1, 11), line(2, 30), line(3, null)]);
  const second = [{ lineKey: 'd:2', field: 'forecastVariance' as const, value: 30 }];

  it('keeps the later edit on screen, with the same line objects, when the answer names its line as stored before it', () => {
    // A paste of both lines answered before the second edit's own save: line 2 comes back at 20.
    const next = withSaved(shown, saved([line(1, 11), line(2, 20)]), [second]);
    expect(next.lines.map((l) => l.forecastVariance)).toEqual([11, 30, null]);
    expect(next).toBe(shown);
  });

  it('takes the answer as it is once nothing is waiting', () => {
    expect(withSaved(shown, saved([line(1, 11), line(2, 20)]), []).lines.map((l) => l.forecastVariance)).toEqual([11, 20, null]);
  });
});
