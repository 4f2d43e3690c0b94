import { describe, expect, it } from 'vitest';
import type { KadTable } from '../../shared/areas/kad/api';
import type { KadLine } from '../../shared/areas/kad/model';
import { copyText, parseTsv, planClear, planFillDown, planPaste, toTsv, type Sheet } from '../../renderer/src/kad/clipboard';
import { compareRows, formatChange } from '../../renderer/src/kad/compare';
import { bodyRows, footRows } from '../../renderer/src/kad/rows';
import { extendSelection, rectOf, single, sizeLabel } from '../../renderer/src/kad/selection';
import { SHEET_COLUMNS } from '../../renderer/src/kad/sheet';

const h = (n: number) => Math.round(n * 100);

function line(key: string, label: string, group: 'accommodation' | 'community' | null, v: Partial<KadLine> = {}): KadLine {
  return {
    key,
    label,
    kind: group ? 'line' : 'care_contributions',
    group,
    isRespite: key === 'respite',
    inUse: true,
    actualsUpdated: true,
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
    lockedReason: null,
    ...over,
  };
}

function sheet(t = table(), locked = false): Sheet {
  return { body: bodyRows(t), foot: footRows(t), columns: SHEET_COLUMNS, locked };
}

const axesOf = (s: Sheet) => ({ rowKeys: [...s.body, ...s.foot].map((r) => r.key), colIds: s.columns.map((c) => c.colId) });
const rectAt = (s: Sheet, rowKey: string, colId: string, endRow = rowKey, endCol = colId) => rectOf({ anchor: { rowKey, colId }, end: { rowKey: endRow, colId: endCol } }, axesOf(s))!;

describe('parseTsv reads what Excel puts on the clipboard', () => {
  it('splits tabs and CRLF rows and drops the one trailing row end', () => {
    expect(parseTsv('240\t£2,300\r\n10\t£4,800\r\n')).toEqual([
      ['240', '£2,300'],
      ['10', '£4,800'],
    ]);
  });
  it('accepts LF and CR row ends, and a single cell with or without a row end', () => {
    expect(parseTsv('1\n2')).toEqual([['1'], ['2']]);
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
    expect(parseTsv('£2,271\r\n')).toEqual([['£2,271']]);
    expect(parseTsv('')).toEqual([]);
  });
  it('keeps blank cells and pads short rows into a rectangle', () => {
    expect(parseTsv('1\t\t3\r\n\r\n4\r\n')).toEqual([
      ['1', '', '3'],
      ['', '', ''],
      ['4', '', ''],
    ]);
  });
  it('reads quoted cells with embedded tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"a\tb"\t"line 1\r\nline 2"\r\n"say ""hi"""\tx\r\n')).toEqual([
      ['a\tb', 'line 1\r\nline 2'],
      ['say "hi"', 'x'],
    ]);
  });
  it('keeps a quote that does not open a closed cell as text', () => {
    expect(parseTsv('5" wide\t"open')).toEqual([['5" wide', '"open']]);
  });
  it('round-trips through toTsv', () => {
    const rows = [
      ['a\tb', 'plain'],
      ['"q"', 'line\nbreak'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('planPaste', () => {
  it('walks figure columns from the anchor, skipping the DoT column between them', () => {
    const s = sheet();
    const plan = planPaste(s, parseTsv('240\t£2,300\r\n10\t£4,800\r\n'), rectAt(s, 'residential', 'currentPackages'));
    // Residential Dementia is greyed and the second row lands on it: its blank cells would be ignored, its figures are not.
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map((p) => p.message)).toEqual([
      'Residential Dementia · Current Care Packages: "10" lands on Residential Dementia, a type this service does not use (greyed out)',
      'Residential Dementia · Current Average Unit Cost (per week): "£4,800" lands on Residential Dementia, a type this service does not use (greyed out)',
    ]);
  });

  it('pastes a block over a greyed line whose cells are blank', () => {
    const s = sheet();
    const plan = planPaste(s, parseTsv('240\t£2,300\r\n\t\r\n10\t£4,800\r\n'), rectAt(s, 'residential', 'currentPackages'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { lineKey: 'residential', field: 'currentPackages', value: 24000 },
        { lineKey: 'residential', field: 'currentUnitCost', value: 230000 },
        { lineKey: 'nursing', field: 'currentPackages', value: 1000 },
        { lineKey: 'nursing', field: 'currentUnitCost', value: 480000 },
      ],
    });
  });

  it('refuses the whole block when one cell is invalid and names it', () => {
    const s = sheet();
    const plan = planPaste(s, [['240', 'abc']], rectAt(s, 'residential', 'currentPackages'));
    expect(plan).toEqual({ ok: false, problems: [{ rowKey: 'residential', colId: 'currentUnitCost', message: 'Residential · Current Average Unit Cost (per week): "abc" is not an amount of money' }] });
  });

  it('parses each text in its target column unit', () => {
    const s = sheet();
    const plan = planPaste(s, [['£28,942k', '240', '£2,300']], rectAt(s, 'residential', 'annualBudgetK'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { lineKey: 'residential', field: 'annualBudgetK', value: 2894200 },
        { lineKey: 'residential', field: 'currentPackages', value: 24000 },
        { lineKey: 'residential', field: 'currentUnitCost', value: 230000 },
      ],
    });
    const bad = planPaste(s, [['£240']], rectAt(s, 'residential', 'currentPackages'));
    expect(bad.ok).toBe(false);
  });

  it('refuses figures on group headings, computed columns and past the edge', () => {
    const s = sheet();
    const onHeading = planPaste(s, [['5']], rectAt(s, 'group_accommodation', 'currentPackages'));
    expect(!onHeading.ok && onHeading.problems[0]!.message).toBe('Accommodation based · Current Care Packages: "5" lands on a group heading, which holds no figures');
    const onVariance = planPaste(s, [['5']], rectAt(s, 'residential', 'varianceK'));
    expect(!onVariance.ok && onVariance.problems[0]!.message).toMatch(/Residential · Variance: "5" lands on Variance, which Outturn calculates/);
    const pastRight = planPaste(s, [['1', '2', '3']], rectAt(s, 'residential', 'currentUnitCost'));
    expect(!pastRight.ok && pastRight.problems[0]!.message).toMatch(/falls past the last column/);
    // The body ends with Supported Living: Care Contributions is not reached from the body.
    const pastBottom = planPaste(s, [['1'], ['2']], rectAt(s, 'supported_living', 'annualBudgetK'));
    expect(!pastBottom.ok && pastBottom.problems[0]!.message).toMatch(/falls past the last row/);
    // Blank overflow (Excel's trailing empty cells) is not an error.
    expect(planPaste(s, [['1', '']], rectAt(s, 'residential', 'totalSpendK')).ok).toBe(true);
  });

  it('pastes into Care Contributions only when anchored on it', () => {
    const s = sheet();
    expect(planPaste(s, [['-£5,200k', '']], rectAt(s, 'care_contributions', 'annualBudgetK'))).toEqual({ ok: true, cells: [{ lineKey: 'care_contributions', field: 'annualBudgetK', value: -520000 }] });
    const subtotal = planPaste(s, [['1']], rectAt(s, 'subtotal_accommodation', 'currentPackages'));
    expect(!subtotal.ok && subtotal.problems[0]!.message).toMatch(/lands on the subtotal, which Outturn calculates/);
  });

  it('fills a larger selection with a single copied cell, editable cells only', () => {
    const s = sheet();
    const plan = planPaste(s, [['7']], rectAt(s, 'residential', 'currentPackages', 'nursing', 'currentPackages'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { lineKey: 'residential', field: 'currentPackages', value: 700 },
        { lineKey: 'nursing', field: 'currentPackages', value: 700 },
      ],
    });
  });

  it('refuses everything on a locked table', () => {
    const s = sheet(table(), true);
    expect(planPaste(s, [['1']], rectAt(s, 'residential', 'currentPackages')).ok).toBe(false);
  });
});

describe('fill down, clear and copy', () => {
  it('fills the top row down through editable cells of the selection', () => {
    const s = sheet();
    const plan = planFillDown(s, rectAt(s, 'residential', 'currentPackages', 'nursing', 'currentUnitCost'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { lineKey: 'nursing', field: 'currentPackages', value: 23400 },
        { lineKey: 'nursing', field: 'currentUnitCost', value: 228900 },
      ],
    });
  });
  it('copies the row above into a single selected row', () => {
    const used = sheet(table({ lines: LINES.map((l) => ({ ...l, inUse: true })) }));
    expect(planFillDown(used, rectAt(used, 'residential_dementia', 'annualBudgetK'))).toEqual({ ok: true, cells: [{ lineKey: 'residential_dementia', field: 'annualBudgetK', value: 2894200 }] });
    const s = sheet();
    const greyedAbove = planFillDown(s, rectAt(s, 'nursing', 'annualBudgetK'));
    expect(!greyedAbove.ok && greyedAbove.problems[0]!.message).toBe('Fill down copies the top row of the selection, and Residential Dementia holds no figures to copy');
    expect(planFillDown(s, rectAt(s, 'residential', 'annualBudgetK')).ok).toBe(false); // a group heading is above
  });
  it('clears editable, non-blank cells only', () => {
    const s = sheet();
    expect(planClear(s, rectAt(s, 'group_accommodation', 'currentPackages', 'nursing', 'currentPackages'))).toEqual({
      ok: true,
      cells: [
        { lineKey: 'residential', field: 'currentPackages', value: null },
        { lineKey: 'nursing', field: 'currentPackages', value: null },
      ],
    });
  });
  it('copies the displayed values as tab-separated text', () => {
    const s = sheet();
    expect(copyText(s, rectAt(s, 'residential', 'label', 'residential_dementia', 'budgetUnitCost'))).toBe('Residential\t245\t£2,271\nResidential Dementia\t\t');
    expect(copyText(s, rectAt(s, 'residential', 'runRateK'))).toBe('£27,928k');
  });
});

describe('selection', () => {
  it('extends with Shift+arrows, stops at the edges and says its size', () => {
    const s = sheet();
    const axes = axesOf(s);
    let sel = single({ rowKey: 'residential', colId: 'currentPackages' });
    sel = extendSelection(sel, 'ArrowDown', axes);
    sel = extendSelection(sel, 'ArrowDown', axes);
    sel = extendSelection(sel, 'ArrowRight', axes);
    expect(sel.end).toEqual({ rowKey: 'nursing', colId: 'packagesDot' });
    expect(sizeLabel(rectOf(sel, axes)!)).toBe('3 rows × 2 columns selected');
    let top = single({ rowKey: 'group_accommodation', colId: 'label' });
    top = extendSelection(extendSelection(top, 'ArrowUp', axes), 'ArrowLeft', axes);
    expect(sizeLabel(rectOf(top, axes)!)).toBe('1 row × 1 column selected');
  });
});

describe('rows: run rate, computed arrows and carried-forward actuals', () => {
  it('computes the run rate for a line and its subtotal', () => {
    const rows = bodyRows(table());
    expect(rows.find((r) => r.key === 'residential')!.runRateK).toBe(2792754); // 234 × 2,289 × 52.14 ÷ 1,000 = 27,927.54
    const sub = footRows(table()).find((r) => r.key === 'subtotal_accommodation')!;
    expect(sub.runRateK).toBe(2792754 + Math.round(11 * 4792 * 52.14 / 10));
    expect(sub.runRateVsBudgetK).toBe(sub.runRateK! - h(28942 + 2900));
  });
  it('computes arrows against last month when it is held, and marks actuals not yet updated', () => {
    const previous = { period: '2023-08', periodLabel: 'August 2023', lines: LINES };
    const sept = LINES.map((l) => (l.key === 'residential' ? { ...l, currentPackages: h(240), actualsUpdated: true } : { ...l, actualsUpdated: false }));
    const t = table({ period: '2023-09', periodLabel: 'September 2023', lines: sept, previous });
    const rows = bodyRows(t);
    expect(rows.find((r) => r.key === 'residential')).toMatchObject({ packagesDot: 'up', unitCostDot: 'flat', carried: false });
    expect(rows.find((r) => r.key === 'nursing')).toMatchObject({ packagesDot: 'flat', carried: true });
    expect(rows.find((r) => r.key === 'residential_dementia')).toMatchObject({ packagesDot: null, carried: false });
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
