import { ARROW_GLYPHS, arrowOf } from './arrows';
import type { CellContent, GridColumn, GridRow, Sheet } from './types';
import { formatCell, formatCellForEdit, parseCell, type CellNumber } from './units';

/** Body rows, then the pinned foot: the order selection, copy and paste walk. */
export function sheetRows(sheet: Sheet): GridRow[] {
  return [...sheet.body, ...sheet.foot];
}

export function cellContent(row: GridRow, colId: string): CellContent {
  return row.values[colId] ?? null;
}

export function cellNumber(row: GridRow, colId: string): CellNumber {
  const value = row.values[colId];
  return typeof value === 'number' ? value : null;
}

/** The text a cell shows: the label, an arrow, a figure as published (£2,271, £28,942k), or words. */
export function displayText(row: GridRow, column: GridColumn): string {
  if (column.kind === 'label') return row.label;
  const value = cellContent(row, column.colId);
  if (column.kind === 'dot') {
    const arrow = arrowOf(value);
    return arrow ? ARROW_GLYPHS[arrow] : '';
  }
  if (column.kind === 'text') return typeof value === 'string' ? value : '';
  return column.unit ? formatCell(column.unit, typeof value === 'number' ? value : null, column.unitOptions) : '';
}

/**
 * What Ctrl+C puts on the clipboard for a cell: what it shows, except a typed figure whose display is
 * rounded (£2,272 for 2271.5), which is copied exactly so that pasting it back changes nothing.
 */
export function copiedText(row: GridRow, column: GridColumn): string {
  const shown = displayText(row, column);
  if (column.kind !== 'figure' || !column.unit) return shown;
  const value = cellNumber(row, column.colId);
  const back = parseCell(column.unit, shown, column.unitOptions);
  return back.ok && back.value === value ? shown : formatCellForEdit(column.unit, value);
}

export function isEditable(row: GridRow | undefined, column: GridColumn | undefined, locked: boolean): boolean {
  return !!row && !!column && !locked && !row.disabled && column.kind === 'figure' && !!column.unit && row.editable.includes(column.colId);
}

/** A carried-forward cell that holds a figure (a blank has nothing to mark). */
export function isCarried(row: GridRow | undefined, colId: string): boolean {
  return !!row?.carried?.includes(colId) && row.values[colId] !== null && row.values[colId] !== undefined;
}

/** Why a cell takes no input ("lands on …", completing a sentence about a pasted text), or null when it does. */
export function readOnlyReason(row: GridRow, column: GridColumn, locked: boolean): string | null {
  if (column.kind === 'label') return 'lands on the row labels, which are not figures';
  if (column.kind === 'dot') return 'lands on a direction-of-travel arrow, which Outturn computes';
  if (column.kind === 'computed') return `lands on ${column.spokenHeader}, which Outturn calculates`;
  if (column.kind === 'text') return `lands on ${column.spokenHeader}, which is text, not a figure`;
  if (locked) return 'lands on a table that is not editable';
  if (row.kind === 'group') return 'lands on a group heading, which holds no figures';
  if (row.kind === 'subtotal' || row.kind === 'total') return `lands on the ${row.kind}, which Outturn calculates from the lines`;
  if (isEditable(row, column, locked)) return null;
  return row.refusal ?? 'lands on a cell that cannot be edited';
}

/** "Nursing · Current Average Unit Cost (per week)": how every message names a cell. */
export function cellName(row: GridRow, column: GridColumn): string {
  return `${row.label} · ${column.spokenHeader}`;
}
