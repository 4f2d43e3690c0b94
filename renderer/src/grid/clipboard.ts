import { copiedText, sheetRows } from './cells';
import type { Rect } from './selection';
import type { Sheet } from './types';

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

/** The selection as Ctrl+C copies it: what the cells show (typed figures exactly), tab-separated. */
export function copyText(sheet: Sheet, rect: Rect): string {
  const rows = sheetRows(sheet).slice(rect.top, rect.bottom + 1);
  const columns = sheet.columns.slice(rect.left, rect.right + 1);
  return toTsv(rows.map((row) => columns.map((col) => copiedText(row, col))));
}
