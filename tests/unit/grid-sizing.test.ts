import { describe, expect, it } from 'vitest';
import { columnWidths, measureContent, scrollsSideways, type GridMetrics, type Measure } from '../../renderer/src/grid/sizing';
import type { GridBand, GridColumn, GridRow } from '../../renderer/src/grid/types';

// A font where every character is 10px wide, 12px in bold and 11px in italics: widths are easy to follow.
const measure: Measure = (text, font) => text.length * (font.startsWith('italic') ? 11 : font.startsWith('700') ? 12 : 10);
const METRICS: GridMetrics = {
  fontFamily: 'Test',
  fontSize: 10,
  headerFontSize: 10,
  headerFontWeight: 700,
  bandLetterSpacing: 0,
  cellChrome: 16,
  headerChrome: 16,
  carriedMarkScale: 0.5,
  carriedMarkGap: 0,
  reportedDotChrome: 6,
};
const SLACK = 2;

const COLUMNS: GridColumn[] = [
  { colId: 'label', header: 'Line', spokenHeader: 'Line', band: 'name', kind: 'label' },
  { colId: 'budget', header: 'Annual Budget', spokenHeader: 'Annual Budget', band: 'money', kind: 'figure', unit: 'gbp_k' },
  { colId: 'dot', header: 'DoT', spokenHeader: 'DoT of Annual Budget', band: 'money', kind: 'dot' },
];
const BANDS: GridBand[] = [
  { id: 'name', header: 'Learning Disability Partnership' },
  { id: 'money', header: 'BUDGET' },
];
const row = (key: string, kind: string, label: string, budget: number | null, over: Partial<GridRow> = {}): GridRow => ({ key, label, kind, values: { budget, dot: 'up' }, editable: ['budget'], ...over });

describe('columnWidths sizes each column from what it shows', () => {
  it('fits the widest figure as displayed (a bold total included) and the longest header word', () => {
    const widths = columnWidths(COLUMNS, [], [row('a', 'line', 'Homecare', 1071400), row('t', 'total', 'Total', 10771400)], METRICS, measure);
    // "£107,714k" in bold (the total): 9 characters × 12px, digits measured as tabular zeros.
    expect(widths.get('budget')).toBe(9 * 12 + 16 + SLACK);
    // "Homecare" (8 × 10px) is wider than the bold "Total" (5 × 12px) and the header "Line" (4 × 12px).
    expect(widths.get('label')).toBe(8 * 10 + 16 + SLACK);
    // The arrows are bold; the header word "DoT" (3 × 12px) is the wider.
    expect(widths.get('dot')).toBe(3 * 12 + 16 + SLACK);
  });

  it('leaves room for the dashed box round an arrow as reported, set in normal weight', () => {
    const muted = { ...COLUMNS.find((c) => c.colId === 'dot')!, header: 'D', arrowsMuted: true };
    // "↑" at normal weight (10px) plus the box's 6px, against the header's "D" (12px).
    expect(columnWidths([muted], [], [row('a', 'line', 'A', 100)], METRICS, measure).get('dot')).toBe(10 + 6 + 16 + SLACK);
  });

  it('leaves room for the c/f mark after a carried-forward figure, set in italics', () => {
    const carried = row('a', 'line', 'A', 2894200, { carried: ['budget'] });
    // "£28,942k" in italics (8 × 11px) plus "c/f" (3 × 10px: this test font ignores the size).
    expect(columnWidths(COLUMNS, [], [carried], METRICS, measure).get('budget')).toBe(8 * 11 + 3 * 10 + 16 + SLACK);
  });

  it('widens a column to the longest word of a header that would not otherwise fit', () => {
    const narrow = columnWidths([{ ...COLUMNS[1]!, header: 'Expected No. of Care Packages 2023/24' }], [], [row('a', 'line', 'A', 100)], METRICS, measure);
    expect(narrow.get('budget')).toBe('Packages'.length * 12 + 16 + SLACK);
  });

  it('widens the last column under a band whose longest word is wider than its columns', () => {
    const widths = columnWidths(COLUMNS, BANDS, [row('a', 'line', 'A', 100)], METRICS, measure);
    expect(widths.get('label')).toBe('Partnership'.length * 12 + 16 + SLACK);
  });

  it('never goes below a column’s own minimum width', () => {
    expect(columnWidths([{ ...COLUMNS[1]!, minWidth: 300 }], [], [row('a', 'line', 'A', 100)], METRICS, measure).get('budget')).toBe(300);
  });
});

describe('measureContent after an edit', () => {
  const rows = [row('a', 'line', 'Homecare', 100), row('b', 'line', 'Respite', 200), row('t', 'total', 'Total', 300)];
  const counted = () => {
    const texts: string[] = [];
    const m: Measure = (text, font) => (texts.push(text), measure(text, font));
    return { m, texts };
  };

  it('measures only the rows that are new objects, and a column grows to a wider figure', () => {
    const { m, texts } = counted();
    const before = measureContent(COLUMNS, rows, METRICS, m);
    const edited = [rows[0]!, row('b', 'line', 'Respite', 123456700), row('t', 'total', 'Total', 123457000)];
    texts.length = 0;
    const after = measureContent(COLUMNS, edited, METRICS, m, before);
    // The edited line and its total: two rows of three columns, nothing of the unchanged first row.
    expect(texts).not.toContain('Homecare');
    expect(texts).toHaveLength(6);
    expect(columnWidths(COLUMNS, [], edited, METRICS, m, after)).toEqual(columnWidths(COLUMNS, [], edited, METRICS, measure));
  });

  it('does not narrow a column while typing, and measures everything when rows were added or moved', () => {
    const wide = [rows[0]!, row('b', 'line', 'Respite', 123456700), rows[2]!];
    const before = measureContent(COLUMNS, wide, METRICS, measure);
    const narrower = [rows[0]!, row('b', 'line', 'Respite', 1), rows[2]!];
    expect(measureContent(COLUMNS, narrower, METRICS, measure, before).widths).toEqual(before.widths);
    expect(measureContent(COLUMNS, narrower, METRICS, measure).widths).not.toEqual(before.widths);
    const added = [...rows, row('c', 'line', 'Day care', 5)];
    expect(measureContent(COLUMNS, added, METRICS, measure, before).widths).toEqual(measureContent(COLUMNS, added, METRICS, measure).widths);
  });
});

describe('scrollsSideways: the row labels are pinned only when the columns do not fit the grid', () => {
  // A label measured at 120 px is given AG Grid's default 200; the figure and the arrow their own widths.
  const widths = new Map([['label', 120], ['budget', 300], ['dot', 60]]);
  it('counts a narrow label at 200 px and keeps 24 px for a vertical scrollbar', () => {
    // 200 + 300 + 60 = 560 wide: fits a box of 584 (560 + 24), not one a pixel narrower.
    expect(scrollsSideways(COLUMNS, widths, 584)).toBe(false);
    expect(scrollsSideways(COLUMNS, widths, 583)).toBe(true);
  });
  it('counts a wide label at its own width', () => {
    const wide = new Map([...widths, ['label', 400]]);
    expect(scrollsSideways(COLUMNS, wide, 784)).toBe(false);
    expect(scrollsSideways(COLUMNS, wide, 783)).toBe(true);
  });
  it('treats a grid not laid out yet (0 px) as narrow, so its labels start pinned', () => {
    expect(scrollsSideways(COLUMNS, widths, 0)).toBe(true);
  });
});
