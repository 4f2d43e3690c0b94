import { displayText, isCarried } from './cells';
import { changedPlaces } from './rowUpdates';
import type { GridBand, GridColumn, GridRow } from './types';

/** Measures a text's advance width in CSS pixels, in a CSS font shorthand ("700 14px Calibri, …"). */
export type Measure = (text: string, font: string) => number;

/** The grid's type, as its theme sets it (grid/setup.ts), and the spacing around a cell's text. */
export interface GridMetrics {
  fontFamily: string;
  fontSize: number;
  headerFontSize: number;
  headerFontWeight: number;
  /** Band headers' letter spacing, in em. */
  bandLetterSpacing: number;
  /** Left plus right padding and borders of a cell and of a header cell, in pixels. */
  cellChrome: number;
  headerChrome: number;
  /** The carried-forward mark after a figure: its size relative to the cell text, and its gap, in em of itself. */
  carriedMarkScale: number;
  carriedMarkGap: number;
  /** The dashed box round an arrow as reported: its left plus right padding and borders, in pixels. */
  reportedDotChrome: number;
}

/** Row kinds the grid sets in bold (grid.css), so their texts are measured bold. */
const BOLD_KINDS: ReadonlySet<string> = new Set(['group', 'subtotal', 'total']);
export const CARRIED_MARK = 'c/f';

/** Room for sub-pixel rounding between a canvas measure and the laid-out text. */
const SLACK = 2;

const font = (m: GridMetrics, size: number, weight: number, italic = false) => `${italic ? 'italic ' : ''}${weight} ${size}px ${m.fontFamily}`;

/** Figures are set in tabular digits: every digit as wide as a zero. */
const tabular = (text: string) => text.replace(/[0-9]/g, '0');

function cellTextWidth(row: GridRow, column: GridColumn, m: GridMetrics, measure: Measure): number {
  const text = displayText(row, column);
  if (!text) return 0;
  const numeric = column.kind === 'figure' || column.kind === 'computed';
  const carried = numeric && isCarried(row, column.colId);
  const bold = BOLD_KINDS.has(row.kind) || (column.kind === 'dot' && !column.arrowsMuted);
  let width = measure(numeric ? tabular(text) : text, font(m, m.fontSize, bold ? 700 : 400, carried));
  if (column.kind === 'dot' && column.arrowsMuted) width += m.reportedDotChrome;
  if (carried) {
    const markSize = m.fontSize * m.carriedMarkScale;
    width += measure(CARRIED_MARK, font(m, markSize, 400)) + markSize * m.carriedMarkGap;
  }
  return width;
}

/**
 * Each cell's measured width, kept while its row, column, metrics and measure live: an edit hands the
 * grid one new row (rows are immutable; a change is a new object), so a long table re-measures that
 * row, not thousands. Looked up row by row, each row's widths in one small map, so the pass over 5,000
 * unchanged rows after an edit stays well inside a frame.
 */
type Cache<K extends object, V> = WeakMap<K, V>;
const measured: Cache<Measure, Cache<GridMetrics, Cache<GridRow, Map<GridColumn, number>>>> = new WeakMap();

function level<K extends object, V>(cache: Cache<K, V>, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

/** The widest single word: headers wrap between words, so the longest word is the narrowest they can go. */
function longestWord(text: string, f: string, measure: Measure, letterSpacingPx = 0): number {
  return Math.max(0, ...text.split(/\s+/).filter(Boolean).map((w) => measure(w, f) + letterSpacingPx * w.length));
}

/** The widest text each column's cells show, measured over `rows` (columns in the order given). */
export interface ContentWidths {
  columns: readonly GridColumn[];
  rows: readonly GridRow[];
  widths: Float64Array;
}

function cellWidths(row: GridRow, sized: readonly GridColumn[], m: GridMetrics, measure: Measure): Map<GridColumn, number> {
  const byRow = level(level(measured, measure, () => new WeakMap()), m, () => new WeakMap());
  const cells = level(byRow, row, () => new Map<GridColumn, number>());
  for (const column of sized) if (!cells.has(column)) cells.set(column, column.wrapWidth ? 0 : cellTextWidth(row, column, m, measure));
  return cells;
}

/**
 * Each column's widest cell text. Given the last measure and rows that differ from its rows only by a few
 * new objects in the same places (an edit), only those rows are measured and a column only grows: it does
 * not narrow while the officer types (the next reload fits it again), and an edit to a table of 5,000 lines
 * costs its own row, not a pass over all of them.
 */
export function measureContent(columns: readonly GridColumn[], rows: readonly GridRow[], m: GridMetrics, measure: Measure, previous?: ContentWidths): ContentWidths {
  const places = previous && previous.columns === columns ? changedPlaces(previous.rows, rows) : null;
  const widths = places ? previous!.widths.slice() : new Float64Array(columns.length);
  for (const i of places ?? rows.keys()) {
    const cells = cellWidths(rows[i]!, columns, m, measure);
    for (let c = 0; c < columns.length; c++) widths[c] = Math.max(widths[c]!, cells.get(columns[c]!)!);
  }
  return { columns, rows, widths };
}

/** The wider of two measures of the same columns, column by column (a table's body and its foot, measured apart). */
export function widerContent(a: ContentWidths, b: ContentWidths): Pick<ContentWidths, 'widths'> {
  return { widths: a.widths.map((w, c) => Math.max(w, b.widths[c]!)) };
}

/**
 * Each column's minimum width from its content: the widest text any of its cells shows (bold rows in
 * bold, carried figures with their mark) and the longest word of its header, plus the cell's padding.
 * A band over a single column is measured too, so a long band name (a service's) wraps between words.
 */
export function columnWidths(
  columns: readonly GridColumn[],
  bands: readonly GridBand[],
  rows: readonly GridRow[],
  m: GridMetrics,
  measure: Measure,
  content: Pick<ContentWidths, 'widths'> = measureContent(columns, rows, m, measure),
): Map<string, number> {
  const widths = new Map<string, number>();
  const headerFont = font(m, m.headerFontSize, m.headerFontWeight);
  for (const column of columns) {
    if (column.wrapWidth) {
      widths.set(column.colId, column.wrapWidth);
      continue;
    }
    const header = longestWord(column.header, headerFont, measure);
    const fit = Math.max(content.widths[columns.indexOf(column)]! + m.cellChrome, header + m.headerChrome) + SLACK;
    widths.set(column.colId, Math.ceil(Math.max(fit, column.minWidth ?? 0)));
  }
  for (const band of bands) {
    const under = columns.filter((c) => c.band === band.id);
    const last = under[under.length - 1];
    if (!last) continue;
    const word = longestWord(band.header, headerFont, measure, m.bandLetterSpacing * m.headerFontSize) + m.headerChrome + SLACK;
    const total = under.reduce((sum, c) => sum + widths.get(c.colId)!, 0);
    if (word > total) widths.set(last.colId, Math.ceil(widths.get(last.colId)! + word - total));
  }
  return widths;
}

/** The width a column is built with (columnDefs.ts): its measured width, else its own minimum. */
export function widthOf(column: GridColumn, widths: ReadonlyMap<string, number>): number {
  return widths.get(column.colId) ?? column.minWidth ?? 80;
}

/** AG Grid's width for a column given a minimum but no width of its own. */
const GRID_DEFAULT_WIDTH = 200;
/** Room kept for a vertical scrollbar and the grid's borders (a classic Windows scrollbar is 17 px). */
const SCROLLBAR_ALLOWANCE = 24;

/**
 * Whether the columns, each at the width it will be given (columnDefs.ts: the labels and fixed columns at
 * their own, the others at their minimum), are wider than the grid's box: only then does the grid scroll
 * sideways, and only then are its row labels worth pinning. A box not laid out yet (width 0) counts as
 * narrow.
 */
export function scrollsSideways(columns: readonly GridColumn[], widths: ReadonlyMap<string, number>, boxWidth: number): boolean {
  let total = 0;
  for (const column of columns) {
    const width = widthOf(column, widths);
    total += column.kind === 'label' && !column.wrapWidth ? Math.max(width, GRID_DEFAULT_WIDTH) : width;
  }
  return total > boxWidth - SCROLLBAR_ALLOWANCE;
}
