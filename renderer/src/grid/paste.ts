import { isArrowText } from './arrows';
import { cellName, displayText, isEditable, readOnlyReason, sheetRows } from './cells';
import type { Rect } from './selection';
import type { CellChange, GridColumn, GridRow, Plan, Problem, Sheet } from './types';
import { parseCell } from './units';

const READ_ONLY_KINDS: ReadonlySet<GridColumn['kind']> = new Set(['label', 'computed', 'dot', 'text']);

/**
 * Whether a pasted text on a cell that takes no input can be let go: a blank; an arrow on a read-only
 * column (a published block carries its direction-of-travel arrows between the figures); or exactly what
 * the cell already shows (a block copied from this grid, pasted back). Anything else means the block does
 * not line up with the table, and is refused rather than shifted.
 */
function ignorable(row: GridRow, column: GridColumn, text: string): boolean {
  const t = text.trim();
  return t === '' || (READ_ONLY_KINDS.has(column.kind) && isArrowText(t)) || t === displayText(row, column).trim();
}

/** Parses one pasted text into its target cell, or says why not. */
function pasteInto(row: GridRow, column: GridColumn, text: string, locked: boolean, cells: CellChange[], problems: Problem[]): void {
  const refused = readOnlyReason(row, column, locked);
  if (refused) {
    if (!ignorable(row, column, text)) problems.push({ rowKey: row.key, colId: column.colId, message: `${cellName(row, column)}: "${text.trim()}" ${refused}` });
    return;
  }
  const parsed = parseCell(column.unit!, text, column.unitOptions);
  if (!parsed.ok) problems.push({ rowKey: row.key, colId: column.colId, message: `${cellName(row, column)}: "${text.trim()}" ${parsed.reason}` });
  else cells.push({ rowKey: row.key, colId: column.colId, value: parsed.value });
}

/** A single copied cell pasted onto a larger selection fills the selection's editable cells. */
function planFill(sheet: Sheet, text: string, rect: Rect): Plan {
  const rows = sheetRows(sheet);
  const cells: CellChange[] = [];
  const problems: Problem[] = [];
  for (const row of rows.slice(rect.top, rect.bottom + 1)) {
    for (const column of sheet.columns.slice(rect.left, rect.right + 1)) {
      if (isEditable(row, column, sheet.locked)) pasteInto(row, column, text, sheet.locked, cells, problems);
    }
  }
  const anchorRow = rows[rect.top]!;
  const anchorCol = sheet.columns[rect.left]!;
  if (!cells.length && !problems.length && text.trim() !== '') {
    problems.push({ rowKey: anchorRow.key, colId: anchorCol.colId, message: `${cellName(anchorRow, anchorCol)}: "${text.trim()}" cannot be pasted: none of the selected cells can be edited` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, cells };
}

/**
 * Plans a paste at the selection's top-left cell. The block maps cell for cell onto the displayed rows
 * and columns from the anchor: rows walk the body (or the pinned foot when the anchor is on it), columns
 * walk every displayed column, read-only ones included, so each source column lands on the column it
 * sits over and a block is never shifted sideways. Where a source cell lands on a cell that takes no
 * input it must be ignorable (blank, an arrow on a read-only column, or unchanged); any other text there,
 * any text that does not parse in its column's unit, or any text past the table's edge refuses the
 * whole block, each problem naming its cell.
 */
export function planPaste(sheet: Sheet, block: readonly (readonly string[])[], rect: Rect): Plan {
  const rows = sheetRows(sheet);
  const anchorRow = rows[rect.top];
  const anchorCol = sheet.columns[rect.left];
  if (!anchorRow || !anchorCol || block.length === 0) return { ok: true, cells: [] };
  if (block.length === 1 && block[0]!.length === 1 && (rect.bottom > rect.top || rect.right > rect.left)) return planFill(sheet, block[0]![0]!, rect);

  const cells: CellChange[] = [];
  const problems: Problem[] = [];
  const rowSeq = rect.top < sheet.body.length ? sheet.body.slice(rect.top) : sheet.foot.slice(rect.top - sheet.body.length);
  const colSeq = sheet.columns.slice(rect.left);
  let outside: string | null = null;
  block.forEach((texts, i) =>
    texts.forEach((text, j) => {
      const row = rowSeq[i];
      const column = colSeq[j];
      if (!row || !column) {
        if (text.trim() !== '' && outside === null) outside = text.trim();
        return;
      }
      pasteInto(row, column, text, sheet.locked, cells, problems);
    }),
  );
  if (outside !== null) {
    const width = Math.max(...block.map((r) => r.length));
    problems.push({
      rowKey: anchorRow.key,
      colId: anchorCol.colId,
      message: `${cellName(anchorRow, anchorCol)}: the pasted block is ${block.length} × ${width} cells, but from here the table has only ${rowSeq.length} rows × ${colSeq.length} columns ("${outside}" falls past the last ${block.length > rowSeq.length ? 'row' : 'column'})`,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, cells };
}
