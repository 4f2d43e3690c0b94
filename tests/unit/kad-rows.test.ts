import { describe, expect, it } from 'vitest';
import type { KadTable } from '../../shared/areas/kad/api';
import { ACTUAL_FIELDS, type KadLine } from '../../shared/areas/kad/model';
import { copyText, parseTsv } from '../../renderer/src/grid/clipboard';
import { planPaste } from '../../renderer/src/grid/paste';
import { rectOf } from '../../renderer/src/grid/selection';
import type { Sheet } from '../../renderer/src/grid/types';
import { kadBands, kadColumns } from '../../renderer/src/areas/kad/columns';
import { compareRows, formatChange } from '../../renderer/src/areas/kad/compare';
import { bodyRows, carriedFigureCount, footRows, kadCells, withCellValues } from '../../renderer/src/areas/kad/rows';

const h = (n: number) => Math.round(n * 100);

function line(key: string, label: string, group: 'accommodation' | 'community' | null, v: Partial<KadLine> = {}): KadLine {
  return {
    key,
    label,
    kind: group ? 'line' : 'care_contributions',
    group,
    isRespite: key === 'respite',
    inUse: true,
    carried: [],
    expectedPackages: null,
    budgetUnitCost: null,
    annualBudgetK: null,
    currentPackages: null,
    currentUnitCost: null,
    totalSpendK: null,
    ...v,
  };
}

const LINES: KadLine[] = [
  line('residential', 'Residential', 'accommodation', { expectedPackages: h(245), budgetUnitCost: h(2271), annualBudgetK: h(28942), currentPackages: h(234), currentUnitCost: h(2289), totalSpendK: h(28000) }),
  line('residential_dementia', 'Residential Dementia', 'accommodation', { inUse: false }),
  line('nursing', 'Nursing', 'accommodation', { expectedPackages: h(12), budgetUnitCost: h(4700), annualBudgetK: h(2900), currentPackages: h(11), currentUnitCost: h(4792), totalSpendK: h(2800) }),
  line('supported_living', 'Supported Living', 'community', { currentPackages: h(400), currentUnitCost: h(1500), annualBudgetK: h(31000), totalSpendK: h(31200) }),
  line('care_contributions', 'Care Contributions', null, { annualBudgetK: h(-5000), totalSpendK: h(-5100) }),
];

function table(over: Partial<KadTable> = {}): KadTable {
  return {
    period: '2023-08',
    periodLabel: 'August 2023',
    service: { id: 'ldp', name: 'Learning Disability Partnership', caption: '' },
    averagingRule: 'published',
    runRateWeeks: 52.14,
    lines: LINES,
    reported: [],
    previous: null,
    comparison: null,
    extract: [],
    lockedReason: null,
    ...over,
  };
}

const OPTIONS = { serviceName: 'Learning Disability Partnership', periodLabel: 'August 2023', financialYearLabel: '2023/24', dots: { kind: 'reported' } as const };

function sheet(t = table()): Sheet {
  return { body: bodyRows(t), foot: footRows(t), columns: kadColumns(OPTIONS), locked: false };
}
const rectAt = (s: Sheet, rowKey: string, colId: string, endRow = rowKey, endCol = colId) =>
  rectOf({ anchor: { rowKey, colId }, end: { rowKey: endRow, colId: endCol } }, { rowKeys: [...s.body, ...s.foot].map((r) => r.key), colIds: s.columns.map((c) => c.colId) })!;

describe('KAD columns and bands for the grid', () => {
  it('lays the columns out as published, under BUDGET, ACTUAL and Outturn, then the run rate', () => {
    const columns = kadColumns(OPTIONS);
    expect(columns.map((c) => `${c.band}:${c.colId}:${c.kind}`)).toEqual([
      'service:label:label',
      'budget:expectedPackages:figure',
      'budget:budgetUnitCost:figure',
      'budget:annualBudgetK:figure',
      'actual:currentPackages:figure',
      'actual:packagesDot:dot',
      'actual:currentUnitCost:figure',
      'actual:unitCostDot:dot',
      'outturn:totalSpendK:figure',
      'outturn:outturnDot:dot',
      'outturn:varianceK:computed',
      'runRate:runRateK:computed',
      'runRate:runRateVsBudgetK:computed',
      'runRate:runRateVsOutturnK:computed',
    ]);
    expect(columns[1]!.header).toBe('Expected No. of Care Packages 2023/24');
    expect(columns[5]).toMatchObject({ spokenHeader: 'DoT of Current Care Packages', arrowNote: 'as reported in the published FMR', arrowsMuted: true });
    expect(kadColumns({ ...OPTIONS, dots: { kind: 'computed', against: 'August 2023' } })[5]).toMatchObject({ arrowNote: 'compared with August 2023', arrowsMuted: false });
    expect(kadBands(OPTIONS).map((b) => b.header)).toEqual(['Learning Disability Partnership', 'BUDGET', 'ACTUAL (August 2023)', 'Outturn', 'Run rate']);
  });
});

describe('rows: run rate, computed arrows and carried-forward actuals', () => {
  it('computes the run rate for a line and its subtotal', () => {
    const rows = bodyRows(table());
    expect(rows.find((r) => r.key === 'residential')!.values.runRateK).toBe(2792754); // 234 × 2,289 × 52.14 ÷ 1,000 = 27,927.54
    const sub = footRows(table()).find((r) => r.key === 'subtotal_accommodation')!;
    expect(sub.values.runRateK).toBe(2792754 + Math.round((11 * 4792 * 52.14) / 10));
    expect(sub.values.runRateVsBudgetK).toBe((sub.values.runRateK as number) - h(28942 + 2900));
  });
  it('computes arrows against last month when it is held, and marks actuals not yet updated', () => {
    const previous = { period: '2023-08', periodLabel: 'August 2023', lines: LINES };
    const sept = LINES.map((l) => (l.key === 'residential' ? { ...l, currentPackages: h(240), carried: ['currentUnitCost' as const] } : { ...l, carried: [...ACTUAL_FIELDS] }));
    const t = table({ period: '2023-09', periodLabel: 'September 2023', lines: sept, previous });
    const rows = bodyRows(t);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row('residential').values).toMatchObject({ packagesDot: 'up', unitCostDot: 'flat' });
    expect(row('residential').carried).toEqual(['currentUnitCost']);
    expect(row('nursing').values.packagesDot).toBe('flat');
    expect(row('nursing').carried).toEqual(['currentPackages', 'currentUnitCost', 'totalSpendK']);
    expect(row('residential_dementia').values.packagesDot).toBeNull();
    expect(row('residential_dementia').carried).toEqual([]);
  });
  it('clears only the edited figure’s c/f mark at once, as the server will, and counts the figures still carried', () => {
    const sept = LINES.map((l) => ({ ...l, carried: l.inUse ? [...ACTUAL_FIELDS] : [] }));
    const t = table({ period: '2023-09', periodLabel: 'September 2023', lines: sept, previous: { period: '2023-08', periodLabel: 'August 2023', lines: LINES } });
    const before = carriedFigureCount(t);
    const after = withCellValues(t, [{ lineKey: 'residential', field: 'currentPackages', value: h(240) }]);
    expect(after.lines.find((l) => l.key === 'residential')!.carried).toEqual(['currentUnitCost', 'totalSpendK']);
    expect(bodyRows(after).find((r) => r.key === 'residential')!.carried).toEqual(['currentUnitCost', 'totalSpendK']);
    expect(carriedFigureCount(after)).toBe(before - 1);
    // A budget figure was never carried: editing it changes no mark.
    expect(carriedFigureCount(withCellValues(t, [{ lineKey: 'residential', field: 'expectedPackages', value: h(250) }]))).toBe(before);
  });
  it('says which cells take figures: every figure of a line, money only on Care Contributions, nothing on a greyed line', () => {
    const s = sheet();
    expect(s.body.find((r) => r.key === 'residential')!.editable).toEqual(['expectedPackages', 'budgetUnitCost', 'annualBudgetK', 'currentPackages', 'currentUnitCost', 'totalSpendK']);
    expect(s.body.find((r) => r.key === 'residential_dementia')).toMatchObject({ disabled: true, refusal: 'lands on Residential Dementia, a type this service does not use (greyed out)' });
    expect(s.foot.find((r) => r.key === 'care_contributions')!.editable).toEqual(['annualBudgetK', 'totalSpendK']);
    expect(s.foot.filter((r) => r.kind === 'subtotal' || r.kind === 'total').every((r) => r.editable.length === 0)).toBe(true);
  });
  it('pastes through the generic grid with KAD wording, and hands KAD cells to the API', () => {
    const s = sheet();
    const onGreyed = planPaste(s, parseTsv('240\t\t£2,300\r\n10\t\t£4,800\r\n'), rectAt(s, 'residential', 'currentPackages'));
    expect(!onGreyed.ok && onGreyed.problems[0]!.message).toBe('Residential Dementia · Current Care Packages: "10" lands on Residential Dementia, a type this service does not use (greyed out)');
    const onCare = planPaste(s, [['5']], rectAt(s, 'care_contributions', 'currentPackages'));
    expect(!onCare.ok && onCare.problems[0]!.message).toBe('Care Contributions · Current Care Packages: "5" lands on Care Contributions, which have only an Annual Budget and a Total spend/ income');
    expect(copyText(s, rectAt(s, 'residential', 'runRateK'))).toBe('£27,928k');
    const ok = planPaste(s, [['240', '↑', '£2,300']], rectAt(s, 'residential', 'currentPackages'));
    expect(ok.ok && kadCells(ok.cells)).toEqual([
      { lineKey: 'residential', field: 'currentPackages', value: 24000 },
      { lineKey: 'residential', field: 'currentUnitCost', value: 230000 },
    ]);
  });
});

describe('comparison', () => {
  it('lists lines in use, subtotals, the total and care contributions with the change', () => {
    const before = LINES.map((l) => (l.key === 'residential' ? { ...l, currentPackages: h(228) } : l));
    const rows = compareRows(table({ comparison: { period: '2023-07', periodLabel: 'July 2023', lines: before } }));
    expect(rows.map((r) => r.key)).toEqual(['residential', 'nursing', 'subtotal_accommodation', 'supported_living', 'subtotal_community', 'total_expenditure', 'care_contributions']);
    expect(rows[0]!.cells.currentPackages).toEqual({ now: h(234), then: h(228), change: h(6) });
    expect(formatChange(h(6), 'count')).toBe('+6');
    expect(formatChange(h(-12), 'gbp_k')).toBe('-£12k');
    expect(formatChange(0, 'gbp_week')).toBe('£0');
  });
});

describe('figures from a care-package extract in the grid', () => {
  const SHA = 'ab12cd34ef56'.padEnd(64, '0');
  const fig = (lineKey: string, currentPackages: number | null, currentUnitCost: number | null, committedK: number) => ({ lineKey, currentPackages, currentUnitCost, committedK, fileName: 'extract.csv', sha256: SHA, applied: true });
  // Residential still as the extract gave it; Nursing's packages since changed by hand; committed spend per line.
  const t = table({ extract: [fig('residential', h(234), h(2289), h(279)), fig('nursing', h(10), h(4792), h(25)), fig('care_contributions', null, null, h(-40))] });

  it('marks each figure that is still the extract’s, naming the file and its SHA-256', () => {
    const rows = bodyRows(t);
    const note = 'computed from the care-package extract extract.csv (SHA-256 ab12cd34ef56…)';
    expect(rows.find((r) => r.key === 'residential')!.notes).toEqual({ currentPackages: note, currentUnitCost: note });
    expect(rows.find((r) => r.key === 'nursing')!.notes).toEqual({ currentUnitCost: note });
    expect(rows.find((r) => r.key === 'supported_living')!.notes).toBeUndefined();
    // Figures only kept beside the figures of record (the demo's published August) mark nothing.
    const kept = table({ extract: t.extract.map((x) => ({ ...x, applied: false })) });
    expect(bodyRows(kept).find((r) => r.key === 'residential')!.notes).toBeUndefined();
  });

  it('shows committed spend beside Total spend, with subtotals of the lines and the contributions on their line', () => {
    expect(kadColumns({ ...OPTIONS, extract: 'extract.csv' }).map((c) => c.colId)).toContain('committedK');
    expect(kadColumns(OPTIONS).map((c) => c.colId)).not.toContain('committedK');
    const foot = footRows(t);
    // 279 + 25 = 304 (£k); no community line has a figure from the extract.
    expect(foot.find((r) => r.key === 'subtotal_accommodation')!.values.committedK).toBe(h(304));
    expect(foot.find((r) => r.key === 'subtotal_community')!.values.committedK).toBeNull();
    expect(foot.find((r) => r.key === 'total_expenditure')!.values.committedK).toBe(h(304));
    expect(foot.find((r) => r.key === 'care_contributions')!.values.committedK).toBe(h(-40));
  });
});
