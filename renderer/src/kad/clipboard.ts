import { CARE_CONTRIBUTION_FIELDS, type KadField } from '../../../shared/areas/kad/model';
import { parseAmount } from '../../../shared/units';
import { isEditableCell, type CellValue, type KadRow } from './rows';
import type { Rect } from './selection';
import { displayText, type SheetColumn } from './sheet';

/** The grid as the clipboard sees it: body rows, then the pinned foot, across the displayed columns. */
export interface Sheet {
  body: readonly KadRow[];
  foot: readonly KadRow[];
  columns: readonly SheetColumn[];
  locked: boolean;
}

export function sheetRows(sheet: Sheet): KadRow[] {
  return [...sheet.body, ...sheet.foot];
}

export interface Problem {
  rowKey: string;
  colId: string;
  message: string;
}

export type Plan = { ok: true; cells: CellValue[] } | { ok: false; problems: Problem[] };

/**
 * Reads Excel's text/plain clipboard: tab-separated cells, CRLF (or LF, or CR) row ends, one trailing row
 * end, and cells holding a tab, a line break or a quote wrapped in double quotes with inner quotes
 * doubled. A quote that does not open a properly closed cell is kept as text, as Excel writes `5" wide`.
 * Rows are padded to the widest so the block is a rectangle.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let cell: string | null = null;
    if (text[i] === '"') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        value += text[j];
        j += 1;
      }
      if (closed && (j === n || text[j] === '\t' || text[j] === '\r' || text[j] === '\n')) {
        cell = value;
        i = j;
      }
    }
    if (cell === null) {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\r' && text[j] !== '\n') j += 1;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i += 1;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break; // the one trailing row end Excel always writes
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

function quoteCell(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Tab-separated cells, rows separated by \n, as Excel and Sheets read them back. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\n');
}

/** What the selection shows, as Ctrl+C copies it. */
export function copyText(sheet: Sheet, rect: Rect): string {
  const rows = sheetRows(sheet).slice(rect.top, rect.bottom + 1);
  const columns = sheet.columns.slice(rect.left, rect.right + 1);
  return toTsv(rows.map((row) => columns.map((col) => displayText(row, col))));
}

/** Why a cell takes no figure, or null when it does. */
export function notEditableReason(row: KadRow, column: SheetColumn, locked: boolean): string | null {
  if (column.kind === 'label') return 'lands on the row labels, which are not figures';
  if (column.kind === 'dot') return 'lands on a direction-of-travel arrow, which Outturn computes';
  if (column.kind === 'computed') return `lands on ${column.header}, which Outturn calculates`;
  if (locked) return 'lands on a table that is not editable';
  if (row.kind === 'group') return 'lands on a group heading, which holds no figures';
  if (row.kind === 'subtotal' || row.kind === 'total') return `lands on the ${row.kind}, which Outturn calculates from the lines`;
  if (!row.inUse) return `lands on ${row.label}, a type this service does not use (greyed out)`;
  if (row.kind === 'care_contributions' && !(CARE_CONTRIBUTION_FIELDS as readonly string[]).includes(column.colId)) {
    return 'lands on Care Contributions, which have only an Annual Budget and a Total spend/ income';
  }
  return isEditableCell(row, column.colId, locked) ? null : 'lands on a cell that cannot be edited';
}

function where(row: KadRow, column: SheetColumn): string {
  return `${row.label} · ${column.header}`;
}

/** Parses one pasted text into its target cell, or says why not. */
function pasteInto(row: KadRow, column: SheetColumn, text: string, locked: boolean, cells: CellValue[], problems: Problem[]): void {
  const blank = text.trim() === '';
  const refused = notEditableReason(row, column, locked);
  if (refused) {
    if (!blank) problems.push({ rowKey: row.key, colId: column.colId, message: `${where(row, column)}: "${text.trim()}" ${refused}` });
    return;
  }
  const parsed = parseAmount(text, { unit: column.unit! });
  if (!parsed.ok) problems.push({ rowKey: row.key, colId: column.colId, message: `${where(row, column)}: "${text.trim()}" ${parsed.reason}` });
  else cells.push({ lineKey: row.key, field: column.colId as KadField, value: parsed.value });
}

/**
 * Plans a paste at the selection's top-left cell. The block walks the displayed rows from the anchor (the
 * body rows, or the pinned foot when the anchor is on it: Care Contributions is reached only from the foot)
 * and the figure columns from the anchor (a computed column is skipped unless the anchor is on it). Blank
 * texts on cells that take no figure are ignored, so a published block with greyed lines pastes cleanly;
 * anything else that cannot land is a problem, and one problem refuses the whole block.
 * A single copied cell pasted onto a larger selection fills the selection's editable cells.
 */
export function planPaste(sheet: Sheet, block: readonly (readonly string[])[], rect: Rect): Plan {
  const rows = sheetRows(sheet);
  const cells: CellValue[] = [];
  const problems: Problem[] = [];
  const anchorRow = rows[rect.top];
  const anchorCol = sheet.columns[rect.left];
  if (!anchorRow || !anchorCol || block.length === 0) return { ok: true, cells };

  if (block.length === 1 && block[0]!.length === 1 && (rect.bottom > rect.top || rect.right > rect.left)) {
    const text = block[0]![0]!;
    for (const row of rows.slice(rect.top, rect.bottom + 1)) {
      for (const column of sheet.columns.slice(rect.left, rect.right + 1)) {
        if (!notEditableReason(row, column, sheet.locked)) pasteInto(row, column, text, sheet.locked, cells, problems);
      }
    }
    if (!cells.length && !problems.length && text.trim() !== '') {
      problems.push({ rowKey: anchorRow.key, colId: anchorCol.colId, message: `${where(anchorRow, anchorCol)}: "${text.trim()}" cannot be pasted: none of the selected cells can be edited` });
    }
    return problems.length ? { ok: false, problems } : { ok: true, cells };
  }

  const rowSeq = rect.top < sheet.body.length ? sheet.body.slice(rect.top) : sheet.foot.slice(rect.top - sheet.body.length);
  const colSeq = [anchorCol, ...sheet.columns.slice(rect.left + 1).filter((c) => c.kind === 'figure')];
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
      message: `${where(anchorRow, anchorCol)}: the pasted block is ${block.length} × ${width} cells, but from here the table has only ${rowSeq.length} rows × ${colSeq.length} figure columns ("${outside}" falls past the last ${block.length > rowSeq.length ? 'row' : 'column'})`,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, cells };
}

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
  // The body and the pinned foot are separate tables on screen; never fill across from one to the other.
  const sameSection = (i: number) => i < sheet.body.length === rect.top < sheet.body.length;
  if (!source || !sameSection(sourceIndex) || !((source.kind === 'line' || source.kind === 'care_contributions') && source.inUse)) {
    const label = source && sameSection(sourceIndex) ? source.label : null;
    return {
      ok: false,
      problems: [{ rowKey: first.key, colId: sheet.columns[rect.left]!.colId, message: label ? `Fill down copies the top row of the selection, and ${label} holds no figures to copy` : 'Fill down needs a row above to copy from' }],
    };
  }
  const cells: CellValue[] = [];
  for (const column of sheet.columns.slice(rect.left, rect.right + 1)) {
    if (column.kind !== 'figure' || !isEditableCell(source, column.colId, false)) continue;
    const value = source[column.colId as KadField];
    for (const row of targets) {
      if (isEditableCell(row, column.colId, sheet.locked) && row[column.colId as KadField] !== value) cells.push({ lineKey: row.key, field: column.colId as KadField, value });
    }
  }
  return { ok: true, cells };
}

/** Delete or Backspace: every editable, non-blank cell of the selection made blank. */
export function planClear(sheet: Sheet, rect: Rect): Plan {
  const cells: CellValue[] = [];
  for (const row of sheetRows(sheet).slice(rect.top, rect.bottom + 1)) {
    for (const column of sheet.columns.slice(rect.left, rect.right + 1)) {
      if (isEditableCell(row, column.colId, sheet.locked) && row[column.colId] !== null) cells.push({ lineKey: row.key, field: column.colId, value: null });
    }
  }
  return { ok: true, cells };
}
