import { dayOfExcelSerial, parseDay, type Day } from '../../../../shared/areas/kad/extract/days';
import { parsePence, penceOfNumber } from '../../../../shared/areas/kad/extract/money';
import type { CellValue } from '../../../import/read/cells';

/** A cell of an extract as a day, null when blank, undefined when it cannot be read as a date. */
export function dayOfCell(v: CellValue | undefined): Day | null | undefined {
  if (!v) return null;
  switch (v.kind) {
    case 'blank':
      return null;
    case 'text':
      return v.text.trim() === '' ? null : (parseDay(v.text) ?? undefined);
    case 'number':
      return dayOfExcelSerial(v.value) ?? undefined;
    case 'date':
      // exceljs gives Excel dates as midnight UTC.
      return Number.isNaN(v.date.getTime()) ? undefined : Math.floor(v.date.getTime() / 86_400_000);
    default:
      return undefined;
  }
}

/** A cell of an extract as whole pence, null when blank, undefined when it is not an amount. */
export function penceOfCell(v: CellValue | undefined): number | null | undefined {
  if (!v) return null;
  switch (v.kind) {
    case 'blank':
      return null;
    case 'text':
      return v.text.trim() === '' ? null : (parsePence(v.text) ?? undefined);
    case 'number':
      return penceOfNumber(v.value) ?? undefined;
    default:
      return undefined;
  }
}

export function textOfCell(v: CellValue | undefined): string {
  if (!v) return '';
  if (v.kind === 'text') return v.text.trim();
  if (v.kind === 'number') return String(v.value);
  return '';
}

/** The whole row's values together, to tell a row repeated exactly; held only while the file is read. */
export function fingerprintOf(cells: readonly ({ value: CellValue } | undefined)[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]?.value;
    if (!v || v.kind === 'blank') out += '\u0001';
    else if (v.kind === 'text') out += v.text.trim() + '\u0001';
    else if (v.kind === 'number') out += `#${v.value}\u0001`;
    else if (v.kind === 'date') out += `@${v.date.getTime()}\u0001`;
    else out += `!${v.kind}\u0001`;
  }
  // Trailing blank cells are not part of the row: a CSV row may stop early.
  let end = out.length;
  while (end > 0 && out.charCodeAt(end - 1) === 1) end--;
  return out.slice(0, end);
}
