import { describe, expect, it } from 'vitest';
import type { RevenueTable } from '../../shared/areas/revenue/api';
import type { Directorate, RevenueLine, Section } from '../../shared/areas/revenue/model';
import { gridRows, planOf, withCellValues } from '../../renderer/src/areas/revenue/rows';
import { changedPlaces, notePatched } from '../../renderer/src/grid/rowUpdates';

const directorate: Directorate = { id: 'd', name: 'Dir', appendix: '1a', expenditureTotalLabel: 'Dir Total', overallTotalLabel: 'Overall Total' };
const sections: Section[] = [
  { directorateId: 'd', name: 'A', order: 1, totalLabel: 'A Total', isMitigation: false, summaryRow: 'Dir' },
  { directorateId: 'd', name: 'B', order: 2, totalLabel: 'B Total', isMitigation: false, summaryRow: 'Dir' },
];
const line = (n: number, section: string, forecastVariance: number | null): RevenueLine => ({
  key: `d:${n}`, directorateId: 'd', section, subsection: null, label: `Line ${n}`, committee: 'A&H', budgetHolder: null, order: n,
  grossBudget: 1000 * n, incomeBudget: -100 * n, actual: 50 * n, forecastVariance, previousVariance: null, previousSource: 'none',
});
// Only what planOf, gridRows and withCellValues read.
const table = { directorate, sections, lines: [line(1, 'A', 10), line(2, 'A', 20), line(3, 'B', null), line(4, 'B', 40)] } as unknown as RevenueTable;

describe("an edit's rows are patched from the rows shown", () => {
  const first = gridRows(planOf(table), 'abs_net');
  const edited = withCellValues(table, [{ lineKey: 'd:3', field: 'forecastVariance', value: 500 }]);
  const plan = planOf(edited, first.plan);
  const patched = gridRows(plan, 'abs_net', first);
  const fresh = gridRows(planOf(edited), 'abs_net');

  it('gives the same rows as building them all again', () => {
    expect(patched.body).toEqual(fresh.body);
    expect(patched.foot).toEqual(fresh.foot);
  });

  it('makes new rows only for the edited line and the totals it moved, keeping the others', () => {
    const renewed = (shown: typeof first.body, next: typeof first.body) => next.filter((r, i) => r !== shown[i]).map((r) => r.key);
    expect(renewed(first.body, patched.body)).toEqual(['d:3', fresh.body.find((r) => r.label === 'B Total')!.key]);
    expect(renewed(first.foot, patched.foot)).toEqual(first.foot.map((r) => r.key));
    expect(patched.body.find((r) => r.key === 'd:3')!.values.forecastVariance).toBe(500);
  });

  it('builds all rows again when the percentage base changes', () => {
    const other = gridRows(plan, 'gross', patched);
    expect(other.body).toEqual(gridRows(planOf(edited), 'gross').body);
  });
});

describe('an edit typed or pasted', () => {
  it('copies each edited line once, with every figure given, and keeps the other lines', () => {
    const pasted = withCellValues(table, [
      { lineKey: 'd:2', field: 'grossBudget', value: 7 },
      { lineKey: 'd:2', field: 'actual', value: 8 },
      { lineKey: 'd:4', field: 'forecastVariance', value: null },
      { lineKey: 'd:9', field: 'actual', value: 1 },
    ]);
    expect(pasted.lines.map((l, i) => l === table.lines[i])).toEqual([true, false, true, false]);
    expect(pasted.lines[1]).toEqual({ ...table.lines[1], grossBudget: 7, actual: 8 });
    expect(pasted.lines[3]!.forecastVariance).toBeNull();
    expect(table.lines[1]!.grossBudget).toBe(2000);
  });

  it('tells the grid which rows it made again, the same places as comparing every row finds', () => {
    let current = table;
    let shown = gridRows(planOf(current), 'abs_net');
    for (const [lineKey, value] of [['d:3', 500], ['d:1', 11], ['d:3', null]] as const) {
      const edited = withCellValues(current, [{ lineKey, field: 'forecastVariance', value }]);
      const next = gridRows(planOf(edited, shown.plan), 'abs_net', shown);
      const compared = next.body.flatMap((r, i) => (r !== shown.body[i] ? [i] : []));
      expect(compared.length).toBeGreaterThan(0);
      expect(changedPlaces(shown.body, next.body)).toEqual(compared);
      expect(changedPlaces(shown.foot, next.foot)).toEqual(next.foot.flatMap((r, i) => (r !== shown.foot[i] ? [i] : [])));
      expect(next.body).toEqual(gridRows(planOf(edited), 'abs_net').body);
      shown = next;
      current = edited;
    }
  });
});

describe('the places an edit noted', () => {
  it('are taken as they are, the rows not compared again; for other rows every row is compared', () => {
    const rows = gridRows(planOf(table), 'abs_net').body;
    const next = rows.map((r) => ({ ...r }));
    notePatched(next, rows, [2]);
    expect(changedPlaces(rows, next)).toEqual([2]);
    expect(changedPlaces(rows.slice(), next)).toEqual(rows.map((_, i) => i));
  });
});
