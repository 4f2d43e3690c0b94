import type ExcelJS from 'exceljs';
import type { KadTable } from '../../../../shared/areas/kad/api';
import type { Dot, KadUnit } from '../../../../shared/areas/kad/model';
import { kadPackBand, kadPackColumns, kadPackRows, type KadPackColumn, type KadPackRow } from '../../../../shared/areas/kad/pack-layout';
import type { Hundredths } from '../../../../shared/units';
import { ALIGN, BORDERS, FILLS, FONTS, numberFormat, ROW_HEIGHTS, SIZES, wrappedHeight } from '../../../pack/theme';
import { KAD_COLUMN_WIDTHS } from './widths';

/**
 * One service's table, written as the FMR prints it: caption, merged band, header row, group rows, "~"
 * lines (unused ones greyed out and blank), subtotals, total and Care Contributions. Figures are numbers
 * in their displayed unit; every derived cell is a live formula with Outturn's own value cached, since
 * exceljs computes nothing and viewers show the cached value.
 */

const ARROWS: Record<Dot, string> = { up: '↑', down: '↓', flat: '↔' };
const COLUMN_LETTERS = 'ABCDEFGHIJK';
const letter = (index: number) => COLUMN_LETTERS[index]!;
const shown = (v: Hundredths | null) => (v === null ? null : v / 100);
export const KAD_TABLE_WIDTH = KAD_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);

export interface WrittenTable {
  captionRow: number;
  lastRow: number;
  figures: number;
}

interface Layout {
  columns: KadPackColumn[];
  col: (test: (c: KadPackColumn) => boolean) => string;
  /** Row numbers of each group's lines, and of the subtotals. */
  groupLines: Map<string, number[]>;
  subtotalRows: number[];
  respiteRows: Set<number>;
}

function styleRow(row: ExcelJS.Row, style: { font: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill; border: Partial<ExcelJS.Borders> }): void {
  for (let c = 1; c <= COLUMN_LETTERS.length; c++) {
    const cell = row.getCell(c);
    cell.font = style.font;
    cell.border = style.border;
    if (style.fill) cell.fill = style.fill;
  }
}

function mergedText(sheet: ExcelJS.Worksheet, rowNo: number, from: number, to: number, text: string, style: { font: Partial<ExcelJS.Font>; alignment: Partial<ExcelJS.Alignment>; fill?: ExcelJS.Fill; border?: Partial<ExcelJS.Borders> }): void {
  if (to > from) sheet.mergeCells(rowNo, from + 1, rowNo, to + 1);
  const cell = sheet.getCell(rowNo, from + 1);
  cell.value = text;
  cell.font = style.font;
  cell.alignment = style.alignment;
  if (style.fill) for (let c = from; c <= to; c++) sheet.getCell(rowNo, c + 1).fill = style.fill;
  if (style.border) for (let c = from; c <= to; c++) sheet.getCell(rowNo, c + 1).border = style.border;
}

/** Σ(packages × unit cost) over the rows the averaging rule counts ÷ Σ packages over every row. */
function weightedFormula(packages: string, cost: string, costRows: number[], ranges: [number, number][]): string {
  const numerator = costRows.map((r) => `${packages}${r}*${cost}${r}`).join('+') || '0';
  const denominator = ranges.map(([a, b]) => `${packages}${a}:${packages}${b}`).join(',');
  return `IFERROR((${numerator})/SUM(${denominator}),"")`;
}

function rangesOf(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** The formula of a subtotal or total cell, or null when the column holds no figure to derive. */
function totalFormula(row: KadPackRow, column: KadPackColumn, layout: Layout, table: KadTable): string | null {
  const lines = row.kind === 'subtotal' ? (layout.groupLines.get(row.group!) ?? []) : [...layout.groupLines.values()].flat();
  if (!lines.length) return null;
  if (column.kind === 'field' && column.unit === 'gbp_week') {
    const packagesCol = layout.col((c) => c.kind === 'field' && c.field === (column.field === 'budgetUnitCost' ? 'expectedPackages' : 'currentPackages'));
    const costCol = layout.col((c) => c === column);
    const costRows = table.averagingRule === 'published' ? lines.filter((r) => !layout.respiteRows.has(r)) : lines;
    return weightedFormula(packagesCol, costCol, costRows, rangesOf(lines));
  }
  if (column.kind === 'field' || column.kind === 'variance') {
    const c = layout.col((x) => x === column);
    if (row.kind === 'total' && layout.subtotalRows.length) return `SUM(${layout.subtotalRows.map((r) => `${c}${r}`).join(',')})`;
    return `SUM(${rangesOf(lines).map(([a, b]) => `${c}${a}:${c}${b}`).join(',')})`;
  }
  return null;
}

function writeFigure(cell: ExcelJS.Cell, value: number | null, unit: KadUnit, formula: string | null): boolean {
  cell.numFmt = numberFormat(unit);
  cell.alignment = ALIGN.number;
  if (formula === null) {
    cell.value = value;
    return value !== null;
  }
  // An average over no packages is blank (""), as IFERROR shows it; a sum of nothing is left blank.
  if (value === null && !formula.startsWith('IFERROR')) {
    cell.value = null;
    return false;
  }
  cell.value = { formula, result: value ?? '' } as ExcelJS.CellFormulaValue;
  return value !== null;
}

function writeBodyRow(sheet: ExcelJS.Worksheet, rowNo: number, row: KadPackRow, layout: Layout, table: KadTable): number {
  const excelRow = sheet.getRow(rowNo);
  excelRow.height = ROW_HEIGHTS.body;
  const total = row.kind === 'subtotal' || row.kind === 'total';
  const greyed = row.kind === 'line' && !row.inUse;
  styleRow(excelRow, {
    font: greyed ? FONTS.greyed : row.kind === 'group' || total ? FONTS.bold : FONTS.body,
    ...(greyed ? { fill: FILLS.greyed } : row.kind === 'group' ? { fill: FILLS.group } : total ? { fill: FILLS.total } : {}),
    border: row.kind === 'total' ? BORDERS.grandTotal : row.kind === 'subtotal' ? BORDERS.totalTop : BORDERS.cell,
  });
  let figures = 0;
  layout.columns.forEach((column, i) => {
    const cell = excelRow.getCell(i + 1);
    if (column.kind === 'label') {
      cell.value = row.label;
      cell.alignment = ALIGN.label;
      return;
    }
    if (row.kind === 'group' || greyed) return;
    if (column.kind === 'dot') {
      const dot = row.dots[column.dot];
      cell.value = dot ? ARROWS[dot] : null;
      cell.alignment = ALIGN.centre;
      return;
    }
    if (column.kind === 'variance') {
      const formula = total ? totalFormula(row, column, layout, table) : `${layout.col((c) => c.kind === 'field' && c.field === 'totalSpendK')}${rowNo}-${layout.col((c) => c.kind === 'field' && c.field === 'annualBudgetK')}${rowNo}`;
      if (writeFigure(cell, shown(row.varianceK), 'gbp_k', row.varianceK === null && !total ? null : formula)) figures++;
      return;
    }
    const value = shown(row.values[column.field]);
    if (writeFigure(cell, value, column.unit, total ? totalFormula(row, column, layout, table) : null)) figures++;
  });
  return figures;
}

function newLayout(period: string, rows: KadPackRow[], firstBodyRow: number): Layout {
  const columns = kadPackColumns(period);
  const layout: Layout = {
    columns,
    col: (test) => letter(columns.findIndex(test)),
    groupLines: new Map(),
    subtotalRows: [],
    respiteRows: new Set(),
  };
  rows.forEach((row, i) => {
    const rowNo = firstBodyRow + i;
    if (row.kind === 'line') {
      layout.groupLines.set(row.group!, [...(layout.groupLines.get(row.group!) ?? []), rowNo]);
      if (row.isRespite) layout.respiteRows.add(rowNo);
    }
    if (row.kind === 'subtotal') layout.subtotalRows.push(rowNo);
  });
  return layout;
}

/** Writes the table from `startRow` (its caption) down; returns where it ended. */
export function writeKadTable(sheet: ExcelJS.Worksheet, startRow: number, table: KadTable, caption: string): WrittenTable {
  const period = table.period;
  const captionRow = startRow;
  mergedText(sheet, captionRow, 0, COLUMN_LETTERS.length - 1, caption, { font: FONTS.caption, alignment: ALIGN.prose });
  sheet.getRow(captionRow).height = wrappedHeight(caption, KAD_TABLE_WIDTH);

  const bandRow = captionRow + 1;
  // The service's name heads the label column and wraps there: the row grows so no word is clipped.
  sheet.getRow(bandRow).height = Math.max(ROW_HEIGHTS.body + 3, wrappedHeight(table.service.name, KAD_COLUMN_WIDTHS[0], SIZES.body * 1.15));
  for (const band of kadPackBand(table.service.name, period)) {
    mergedText(sheet, bandRow, band.from, band.to, band.text, { font: FONTS.tableHeader, alignment: band.from === 0 ? ALIGN.label : ALIGN.centre, fill: FILLS.tableHeader, border: BORDERS.cell });
  }
  const headerRow = bandRow + 1;
  const columns = kadPackColumns(period);
  const header = sheet.getRow(headerRow);
  header.height = ROW_HEIGHTS.tableHeader;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = FONTS.tableHeader;
    cell.fill = FILLS.tableHeader;
    cell.border = BORDERS.cell;
    cell.alignment = i === 0 ? ALIGN.label : ALIGN.header;
  });

  const rows = kadPackRows(table);
  const first = headerRow + 1;
  const layout = newLayout(period, rows, first);
  let figures = 0;
  rows.forEach((row, i) => (figures += writeBodyRow(sheet, first + i, row, layout, table)));
  return { captionRow, lastRow: first + rows.length - 1, figures };
}
