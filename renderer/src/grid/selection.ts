import type { CellRef } from './types';

/**
 * The rectangular selection of the grid. AG Grid Community has no range selection, so the grid keeps
 * its own: an anchor (where the selection started) and an end (where Shift+click or Shift+arrow took it),
 * both named by row key and column id so they survive the row data being replaced after a save.
 */
export interface Selection {
  anchor: CellRef;
  end: CellRef;
}

/** Inclusive row and column indexes into the displayed rows and columns. */
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Axes {
  rowKeys: readonly string[];
  colIds: readonly string[];
}

export function single(cell: CellRef): Selection {
  return { anchor: cell, end: cell };
}

export function rectOf(selection: Selection | null, axes: Axes): Rect | null {
  if (!selection) return null;
  const r1 = axes.rowKeys.indexOf(selection.anchor.rowKey);
  const r2 = axes.rowKeys.indexOf(selection.end.rowKey);
  const c1 = axes.colIds.indexOf(selection.anchor.colId);
  const c2 = axes.colIds.indexOf(selection.end.colId);
  if (r1 < 0 || r2 < 0 || c1 < 0 || c2 < 0) return null;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function isMultiCell(rect: Rect | null): rect is Rect {
  return !!rect && (rect.bottom > rect.top || rect.right > rect.left);
}

export function inRect(rect: Rect | null, row: number, col: number): boolean {
  return !!rect && row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** "3 rows × 2 columns selected", for the polite live region. */
export function sizeLabel(rect: Rect): string {
  const rows = rectRows(rect);
  const cols = rectColumns(rect);
  return `${rows} ${rows === 1 ? 'row' : 'rows'} × ${cols} ${cols === 1 ? 'column' : 'columns'} selected`;
}

const STEPS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function isArrowKey(key: string): boolean {
  return key in STEPS;
}

/** Shift+arrow: the end moves one cell, stopping at the edges; the anchor stays. */
export function extendSelection(selection: Selection, key: string, axes: Axes): Selection {
  const step = STEPS[key];
  if (!step) return selection;
  const row = axes.rowKeys.indexOf(selection.end.rowKey);
  const col = axes.colIds.indexOf(selection.end.colId);
  if (row < 0 || col < 0) return selection;
  const nextRow = Math.min(Math.max(row + step[0], 0), axes.rowKeys.length - 1);
  const nextCol = Math.min(Math.max(col + step[1], 0), axes.colIds.length - 1);
  return { anchor: selection.anchor, end: { rowKey: axes.rowKeys[nextRow]!, colId: axes.colIds[nextCol]! } };
}
