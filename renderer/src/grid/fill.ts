import { cellNumber, isEditable, sheetRows } from './cells';
import type { Rect } from './selection';
import type { CellChange, Plan, Sheet } from './types';

/**
 * Ctrl+D: the selection's top row copied down through the rows below it, editable cells only. With a
 * single row selected the row above is copied into it, as Excel does.
 */
export function planFillDown(sheet: Sheet, rect: Rect): Plan {
  const rows = sheetRows(sheet);
  const sourceIndex = rect.bottom > rect.top ? rect.top : rect.top - 1;
  const source = rows[sourceIndex];
  const targets = rows.slice(rect.bottom > rect.top ? rect.top + 1 : rect.top, rect.bottom + 1);
  const first = rows[rect.top]!;
  const columns = sheet.columns.slice(rect.left, rect.right + 1);
  // The body and the pinned foot are separate tables on screen; never fill across from one to the other.
  const sameSection = (i: number) => i < sheet.body.length === rect.top < sheet.body.length;
  // The source must be a row that holds typed figures (ignoring the lock: a locked table is refused on save).
  const holdsFigures = !!source && !source.disabled && source.editable.length > 0;
  if (!source || !sameSection(sourceIndex) || !holdsFigures) {
    const label = source && sameSection(sourceIndex) ? source.label : null;
    return {
      ok: false,
      problems: [{ rowKey: first.key, colId: sheet.columns[rect.left]!.colId, message: label ? `Fill down copies the top row of the selection, and ${label} holds no figures to copy` : 'Fill down needs a row above to copy from' }],
    };
  }
  const cells: CellChange[] = [];
  for (const column of columns) {
    if (!isEditable(source, column, false)) continue;
    const value = cellNumber(source, column.colId);
    for (const row of targets) {
      if (isEditable(row, column, sheet.locked) && cellNumber(row, column.colId) !== value) cells.push({ rowKey: row.key, colId: column.colId, value });
    }
  }
  return { ok: true, cells };
}

/** Delete or Backspace: every editable, non-blank cell of the selection made blank. */
export function planClear(sheet: Sheet, rect: Rect): Plan {
  const cells: CellChange[] = [];
  for (const row of sheetRows(sheet).slice(rect.top, rect.bottom + 1)) {
    for (const column of sheet.columns.slice(rect.left, rect.right + 1)) {
      if (isEditable(row, column, sheet.locked) && cellNumber(row, column.colId) !== null) cells.push({ rowKey: row.key, colId: column.colId, value: null });
    }
  }
  return { ok: true, cells };
}
