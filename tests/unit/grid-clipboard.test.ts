import { describe, expect, it } from 'vitest';
import { copyText, parseTsv, toTsv } from '../../renderer/src/grid/clipboard';
import { planClear, planFillDown } from '../../renderer/src/grid/fill';
import { planPaste } from '../../renderer/src/grid/paste';
import { extendSelection, rectOf, single, sizeLabel } from '../../renderer/src/grid/selection';
import type { GridColumn, GridRow, Sheet } from '../../renderer/src/grid/types';

/**
 * The generic grid's pure functions over a table that names no area: the columns and rows are plain data
 * (laid out like a published KAD table, so the messages read as an officer would see them).
 */
const h = (n: number) => Math.round(n * 100);

const fig = (colId: string, spokenHeader: string, band: string, unit: GridColumn['unit']): GridColumn => ({ colId, header: spokenHeader, spokenHeader, band, kind: 'figure', unit });
const dot = (colId: string, spokenHeader: string, band: string): GridColumn => ({ colId, header: 'DoT', spokenHeader, band, kind: 'dot' });
const calc = (colId: string, spokenHeader: string, band: string): GridColumn => ({ colId, header: spokenHeader, spokenHeader, band, kind: 'computed', unit: 'gbp_k' });

const COLUMNS: GridColumn[] = [
  { colId: 'label', header: 'Service Type', spokenHeader: 'Service Type', band: 'service', kind: 'label' },
  fig('expectedPackages', 'Expected No. of Care Packages', 'budget', 'count'),
  fig('budgetUnitCost', 'Budgeted Average Unit Cost (per week)', 'budget', 'gbp_week'),
  fig('annualBudgetK', 'Annual Budget', 'budget', 'gbp_k'),
  fig('currentPackages', 'Current Care Packages', 'actual', 'count'),
  dot('packagesDot', 'DoT of Current Care Packages', 'actual'),
  fig('currentUnitCost', 'Current Average Unit Cost (per week)', 'actual', 'gbp_week'),
  dot('unitCostDot', 'DoT of Current Average Unit Cost', 'actual'),
  fig('totalSpendK', 'Total spend/ income', 'outturn', 'gbp_k'),
  dot('outturnDot', 'DoT of Total spend/ income', 'outturn'),
  calc('varianceK', 'Variance', 'outturn'),
  calc('runRateK', 'Full year at run rate', 'runRate'),
  calc('runRateVsBudgetK', 'Run rate vs Annual Budget', 'runRate'),
  calc('runRateVsOutturnK', 'Run rate vs Total spend', 'runRate'),
];
const FIGURES = ['expectedPackages', 'budgetUnitCost', 'annualBudgetK', 'currentPackages', 'currentUnitCost', 'totalSpendK'];

function line(key: string, label: string, values: GridRow['values'], over: Partial<GridRow> = {}): GridRow {
  return { key, label, kind: 'line', values, editable: FIGURES, ...over };
}
const group = (key: string, label: string): GridRow => ({ key, label, kind: 'group', values: {}, editable: [] });
const greyed = (key: string, label: string): GridRow => line(key, label, {}, { disabled: true, refusal: `lands on ${label}, a type this service does not use (greyed out)` });

const BODY: GridRow[] = [
  group('group_accommodation', 'Accommodation based'),
  line('residential', 'Residential', {
    expectedPackages: h(245),
    budgetUnitCost: h(2271),
    annualBudgetK: h(28942),
    currentPackages: h(234),
    packagesDot: 'flat',
    currentUnitCost: h(2289),
    unitCostDot: 'up',
    totalSpendK: h(28000),
    outturnDot: 'down',
    varianceK: h(-942),
    runRateK: 2792754,
    runRateVsBudgetK: 2792754 - h(28942),
    runRateVsOutturnK: 2792754 - h(28000),
  }),
  greyed('residential_dementia', 'Residential Dementia'),
  line('nursing', 'Nursing', { expectedPackages: h(12), budgetUnitCost: h(4700), annualBudgetK: h(2900), currentPackages: h(11), packagesDot: 'down', currentUnitCost: h(4792), totalSpendK: h(2800), varianceK: h(-100) }),
  group('group_community', 'Community based'),
  line('supported_living', 'Supported Living', { currentPackages: h(400), currentUnitCost: h(1500), annualBudgetK: h(31000), totalSpendK: h(31200), varianceK: h(200) }),
];
const FOOT: GridRow[] = [
  { key: 'subtotal_accommodation', label: 'Accommodation based subtotal', kind: 'subtotal', values: { currentPackages: h(245), annualBudgetK: h(31842), varianceK: h(-1042) }, editable: [] },
  { key: 'total_expenditure', label: 'Total for expenditure', kind: 'total', values: { currentPackages: h(645), annualBudgetK: h(62842) }, editable: [] },
  line('care_contributions', 'Care Contributions', { annualBudgetK: h(-5000), totalSpendK: h(-5100), varianceK: h(-100) }, {
    kind: 'care_contributions',
    editable: ['annualBudgetK', 'totalSpendK'],
    refusal: 'lands on Care Contributions, which have only an Annual Budget and a Total spend/ income',
  }),
];

function sheet(over: Partial<Sheet> = {}): Sheet {
  return { body: BODY, foot: FOOT, columns: COLUMNS, locked: false, ...over };
}

const axesOf = (s: Sheet) => ({ rowKeys: [...s.body, ...s.foot].map((r) => r.key), colIds: s.columns.map((c) => c.colId) });
const rectAt = (s: Sheet, rowKey: string, colId: string, endRow = rowKey, endCol = colId) => rectOf({ anchor: { rowKey, colId }, end: { rowKey: endRow, colId: endCol } }, axesOf(s))!;
const messages = (plan: ReturnType<typeof planPaste>) => (plan.ok ? [] : plan.problems.map((p) => p.message));

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
  it('maps the block column for column, the DoT column included, and refuses figures on a greyed line', () => {
    const s = sheet();
    const plan = planPaste(s, parseTsv('240\t\t£2,300\r\n10\t\t£4,800\r\n'), rectAt(s, 'residential', 'currentPackages'));
    // Residential Dementia is greyed and the second row lands on it: its blank cells would be ignored, its figures are not.
    expect(plan.ok).toBe(false);
    expect(messages(plan)).toEqual([
      'Residential Dementia · Current Care Packages: "10" lands on Residential Dementia, a type this service does not use (greyed out)',
      'Residential Dementia · Current Average Unit Cost (per week): "£4,800" lands on Residential Dementia, a type this service does not use (greyed out)',
    ]);
  });

  it('pastes a block over a greyed line whose cells are blank', () => {
    const s = sheet();
    const plan = planPaste(s, parseTsv('240\t\t£2,300\r\n\t\t\r\n10\t\t£4,800\r\n'), rectAt(s, 'residential', 'currentPackages'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { rowKey: 'residential', colId: 'currentPackages', value: 24000 },
        { rowKey: 'residential', colId: 'currentUnitCost', value: 230000 },
        { rowKey: 'nursing', colId: 'currentPackages', value: 1000 },
        { rowKey: 'nursing', colId: 'currentUnitCost', value: 480000 },
      ],
    });
  });

  it('refuses the whole block when one cell is invalid and names it', () => {
    const s = sheet();
    const plan = planPaste(s, [['240', '', 'abc']], rectAt(s, 'residential', 'currentPackages'));
    expect(plan).toEqual({ ok: false, problems: [{ rowKey: 'residential', colId: 'currentUnitCost', message: 'Residential · Current Average Unit Cost (per week): "abc" is not an amount of money' }] });
  });

  it('parses each text in its target column unit', () => {
    const s = sheet();
    const plan = planPaste(s, [['£28,942k', '240', '↑', '£2,300']], rectAt(s, 'residential', 'annualBudgetK'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { rowKey: 'residential', colId: 'annualBudgetK', value: 2894200 },
        { rowKey: 'residential', colId: 'currentPackages', value: 24000 },
        { rowKey: 'residential', colId: 'currentUnitCost', value: 230000 },
      ],
    });
    const bad = planPaste(s, [['£240']], rectAt(s, 'residential', 'currentPackages'));
    expect(bad.ok).toBe(false);
  });

  it('refuses figures on group headings, computed columns and past the edge', () => {
    const s = sheet();
    const onHeading = planPaste(s, [['5']], rectAt(s, 'group_accommodation', 'currentPackages'));
    expect(messages(onHeading)[0]).toBe('Accommodation based · Current Care Packages: "5" lands on a group heading, which holds no figures');
    const onVariance = planPaste(s, [['5']], rectAt(s, 'residential', 'varianceK'));
    expect(messages(onVariance)[0]).toMatch(/Residential · Variance: "5" lands on Variance, which Outturn calculates/);
    // From Total spend the table has six columns (to the last run-rate column): a seventh falls off the edge.
    const pastRight = planPaste(s, [['1', '', '', '', '', '', '3']], rectAt(s, 'residential', 'totalSpendK'));
    expect(messages(pastRight)[0]).toMatch(/falls past the last column/);
    // The body ends with Supported Living: Care Contributions is not reached from the body.
    const pastBottom = planPaste(s, [['1'], ['2']], rectAt(s, 'supported_living', 'annualBudgetK'));
    expect(messages(pastBottom)[0]).toMatch(/falls past the last row/);
    // Blank overflow (Excel's trailing empty cells) is not an error.
    expect(planPaste(s, [['1', '', '', '', '', '', '']], rectAt(s, 'residential', 'totalSpendK')).ok).toBe(true);
  });

  it('pastes into Care Contributions only when anchored on it', () => {
    const s = sheet();
    expect(planPaste(s, [['-£5,200k', '']], rectAt(s, 'care_contributions', 'annualBudgetK'))).toEqual({ ok: true, cells: [{ rowKey: 'care_contributions', colId: 'annualBudgetK', value: -520000 }] });
    const subtotal = planPaste(s, [['1']], rectAt(s, 'subtotal_accommodation', 'currentPackages'));
    expect(messages(subtotal)[0]).toMatch(/lands on the subtotal, which Outturn calculates/);
  });

  it('fills a larger selection with a single copied cell, editable cells only', () => {
    const s = sheet();
    const plan = planPaste(s, [['7']], rectAt(s, 'residential', 'currentPackages', 'nursing', 'currentPackages'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { rowKey: 'residential', colId: 'currentPackages', value: 700 },
        { rowKey: 'nursing', colId: 'currentPackages', value: 700 },
      ],
    });
  });

  it('refuses everything on a locked table', () => {
    const s = sheet({ locked: true });
    expect(planPaste(s, [['1']], rectAt(s, 'residential', 'currentPackages')).ok).toBe(false);
  });
});

describe('planPaste: a block lands on the columns it was copied from, never shifted', () => {
  // A row as the published appendix prints it: BUDGET, ACTUAL with its arrows, Outturn with its arrow.
  const PUBLISHED_ROW = ['250', '£2,300', '£29,000k', '240', '↑', '£2,310', '↔', '£28,700k', '↓'];

  it('pastes a published row with its arrows into the right figure columns, ignoring the arrows', () => {
    const s = sheet();
    expect(planPaste(s, [PUBLISHED_ROW], rectAt(s, 'residential', 'expectedPackages'))).toEqual({
      ok: true,
      cells: [
        { rowKey: 'residential', colId: 'expectedPackages', value: 25000 },
        { rowKey: 'residential', colId: 'budgetUnitCost', value: 230000 },
        { rowKey: 'residential', colId: 'annualBudgetK', value: 2900000 },
        { rowKey: 'residential', colId: 'currentPackages', value: 24000 },
        { rowKey: 'residential', colId: 'currentUnitCost', value: 231000 },
        { rowKey: 'residential', colId: 'totalSpendK', value: 2870000 },
      ],
    });
  });

  it('refuses a block one column out of line: a number on an arrow column names the cell, nothing is pasted', () => {
    const s = sheet();
    // Anchored one column too far left: 240 would fall on Annual Budget and £2,310 on the packages arrow.
    const plan = planPaste(s, [PUBLISHED_ROW.slice(3)], rectAt(s, 'residential', 'annualBudgetK'));
    expect(plan.ok).toBe(false);
    expect(messages(plan)).toContain('Residential · DoT of Current Care Packages: "£2,310" lands on a direction-of-travel arrow, which Outturn computes');
  });

  it('refuses a number on a computed column, even when every other cell would parse', () => {
    const s = sheet();
    const plan = planPaste(s, [['£28,700k', '', '-£300k']], rectAt(s, 'residential', 'totalSpendK'));
    expect(plan).toEqual({ ok: false, problems: [{ rowKey: 'residential', colId: 'varianceK', message: 'Residential · Variance: "-£300k" lands on Variance, which Outturn calculates' }] });
  });

  it('refuses an arrow on a figure column: it is not a figure', () => {
    const s = sheet();
    const plan = planPaste(s, [['↑', '£2,310']], rectAt(s, 'residential', 'currentPackages'));
    expect(messages(plan)).toEqual(['Residential · Current Care Packages: "↑" is not a count', 'Residential · DoT of Current Care Packages: "£2,310" lands on a direction-of-travel arrow, which Outturn computes']);
  });

  it('lets row labels through when they are the rows pasted onto, and refuses them when not', () => {
    const s = sheet();
    const same = planPaste(s, [['Residential', '250']], rectAt(s, 'residential', 'label'));
    expect(same).toEqual({ ok: true, cells: [{ rowKey: 'residential', colId: 'expectedPackages', value: 25000 }] });
    const other = planPaste(s, [['Nursing', '250']], rectAt(s, 'residential', 'label'));
    expect(messages(other)).toEqual(['Residential · Service Type: "Nursing" lands on the row labels, which are not figures']);
  });

  it('round-trips Ctrl+C then Ctrl+V of a block across figures, arrows, computed cells and a greyed line', () => {
    const s = sheet();
    const rect = rectAt(s, 'residential', 'expectedPackages', 'nursing', 'runRateK');
    const plan = planPaste(s, parseTsv(copyText(s, rect)), rect);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    // Every typed figure of the block comes back unchanged, and nothing else is written.
    const expected = ['residential', 'nursing'].flatMap((rowKey) =>
      FIGURES.map((colId) => ({ rowKey, colId, value: BODY.find((r) => r.key === rowKey)!.values[colId] ?? null })),
    );
    expect(plan.cells).toEqual(expected);
  });

  it('copies a figure the display rounds exactly, so pasting it back changes nothing', () => {
    const exact = sheet({ body: BODY.map((r) => (r.key === 'residential' ? { ...r, values: { ...r.values, currentUnitCost: 228950 } } : r)) });
    const rect = rectAt(exact, 'residential', 'currentPackages', 'residential', 'currentUnitCost');
    expect(copyText(exact, rect)).toBe('234\t↔\t2289.5');
    expect(planPaste(exact, parseTsv(copyText(exact, rect)), rect)).toEqual({
      ok: true,
      cells: [
        { rowKey: 'residential', colId: 'currentPackages', value: 23400 },
        { rowKey: 'residential', colId: 'currentUnitCost', value: 228950 },
      ],
    });
  });

  it('pastes a copied row onto another line, each figure in the column it came from', () => {
    const s = sheet();
    const copied = copyText(s, rectAt(s, 'residential', 'currentPackages', 'residential', 'outturnDot'));
    expect(copied).toBe('234\t↔\t£2,289\t↑\t£28,000k\t↓');
    expect(planPaste(s, parseTsv(copied), rectAt(s, 'nursing', 'currentPackages'))).toEqual({
      ok: true,
      cells: [
        { rowKey: 'nursing', colId: 'currentPackages', value: 23400 },
        { rowKey: 'nursing', colId: 'currentUnitCost', value: 228900 },
        { rowKey: 'nursing', colId: 'totalSpendK', value: 2800000 },
      ],
    });
  });
});

describe('fill down, clear and copy', () => {
  it('fills the top row down through editable cells of the selection', () => {
    const s = sheet();
    const plan = planFillDown(s, rectAt(s, 'residential', 'currentPackages', 'nursing', 'currentUnitCost'));
    expect(plan).toEqual({
      ok: true,
      cells: [
        { rowKey: 'nursing', colId: 'currentPackages', value: 23400 },
        { rowKey: 'nursing', colId: 'currentUnitCost', value: 228900 },
      ],
    });
  });
  it('copies the row above into a single selected row', () => {
    const used = sheet({ body: BODY.map((r) => ({ ...r, disabled: false })) });
    expect(planFillDown(used, rectAt(used, 'residential_dementia', 'annualBudgetK'))).toEqual({ ok: true, cells: [{ rowKey: 'residential_dementia', colId: 'annualBudgetK', value: 2894200 }] });
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
        { rowKey: 'residential', colId: 'currentPackages', value: null },
        { rowKey: 'nursing', colId: 'currentPackages', value: null },
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
