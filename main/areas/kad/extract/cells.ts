import { dayOfExcelSerial, parseDay, type Day } from '../../../../shared/areas/kad/extract/days';
import { parsePence, penceOfNumber } from '../../../../shared/areas/kad/extract/money';
import type { CellValue } from '../../../import/read/cells';
import type { ExtractColumn } from './columns';

/** A cell of an extract as a day, null when blank, undefined when it cannot be read as a date. */
export function dayOfCell(v: CellValue | undefined): Day | null | undefined {
  if (!v) return null;
  switch (v.kind) {
    case 'blank':
      return null;
    case 'text': {
      // Parsed first: only a cell that is not a date is then looked at for being blank.
      const day = parseDay(v.text);
      return day !== null ? day : v.text.trim() === '' ? null : undefined;
    }
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
    case 'text': {
      const pence = parsePence(v.text);
      return pence !== null ? pence : v.text.trim() === '' ? null : undefined;
    }
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

/**
 * A fingerprint of the whole row, to tell a row repeated exactly: two 32-bit hashes of its values (and
 * where each cell falls), so no copy of the row (a person's ID, a date of birth) is kept while the file
 * is read. For 300,000 different rows the chance that two share a fingerprint is below one in a
 * hundred million. Worked out into `a` and `b` of one reused object, char by char, with nothing
 * allocated per row.
 *
 * The same pass keeps each text cell's own two hashes (as TextHash gives them for its trimmed text), so
 * the package ID, support reason and service type are then told by number, never hashed or trimmed again.
 */
export class RowFingerprint {
  a = 0;
  b = 0;
  /** Per cell of the last row: its trimmed text's hashes; `size` -1 for a cell that is not text. */
  private cellA = new Int32Array(64);
  private cellB = new Int32Array(64);
  private size = new Int32Array(64);
  private cells = 0;

  of(cells: readonly ({ value: CellValue } | undefined)[]): this {
    if (cells.length > this.size.length) this.room(cells.length);
    this.cells = cells.length;
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    // Blank cells count only before a value: a CSV row may stop early, a workbook row run on blank.
    let blanks = 0;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i]?.value;
      let text: string;
      if (!v || v.kind === 'blank') text = '';
      else if (v.kind === 'text') text = v.text;
      else text = v.kind === 'number' ? `#${v.value}` : v.kind === 'date' ? `@${v.date.getTime()}` : `!${v.kind}`;
      // Leading and trailing spaces make no difference, as they make none to the figures.
      let from = 0;
      let to = text.length;
      while (from < to && isSpace(text.charCodeAt(from))) from++;
      while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
      if (from === to) {
        this.size[i] = 0;
        blanks++;
        continue;
      }
      let c1 = 0x811c9dc5;
      let c2 = 0x9747b28c ^ (to - from);
      for (let j = from; j < to; j++) {
        const c = text.charCodeAt(j);
        c1 = Math.imul(c1 ^ c, 16_777_619);
        c2 = Math.imul(c2 ^ c, 0x5bd1e995);
        c2 ^= c2 >>> 13;
      }
      this.cellA[i] = c1;
      this.cellB[i] = c2;
      this.size[i] = v!.kind === 'text' ? to - from : -1;
      // Each blank before this value, then the value's own hashes: a cell's text and where it falls both count.
      for (; blanks > 0; blanks--) {
        h1 = Math.imul(h1 ^ 1, 16_777_619);
        h2 = Math.imul(h2 ^ 1, 0x5bd1e995);
        h2 ^= h2 >>> 13;
      }
      h1 = Math.imul(h1 ^ c1, 16_777_619);
      h1 = Math.imul(h1 ^ (to - from), 16_777_619);
      h2 = Math.imul(h2 ^ c2, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    this.a = h1;
    this.b = h2;
    return this;
  }

  /** Whether cell `i` of the last row was text with something besides spaces (its hashes are then `cellA`/`cellB`). */
  isText(i: number): boolean {
    return i >= 0 && i < this.cells && this.size[i]! > 0;
  }

  hashA(i: number): number {
    return this.cellA[i]!;
  }

  hashB(i: number): number {
    return this.cellB[i]!;
  }

  private room(n: number): void {
    const size = Math.max(n, this.size.length * 2);
    this.cellA = new Int32Array(size);
    this.cellB = new Int32Array(size);
    this.size = new Int32Array(size);
  }
}

/** The characters String.prototype.trim removes that a care system's export holds: space, tab, line breaks, no-break space. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0xfeff;
}

/** A record's dates and amounts as its cells give them: null for none, undefined for a cell that is not one. */
export interface RecordFigures {
  start: Day | null | undefined;
  end: Day | null | undefined;
  born: Day | null | undefined;
  weekly: number | null | undefined;
  contribution: number | null | undefined;
}

/**
 * Reads a record's dates and amounts from its cells (1: column A) into `into`, one object reused from
 * record to record: for the engine's thread (reader.ts) and the packing thread (packer.ts) alike.
 */
export function readFigures(c: readonly ({ value: CellValue } | undefined)[], col: Record<ExtractColumn, number>, into: RecordFigures): RecordFigures {
  into.start = dayOfCell(c[col.start]?.value);
  into.end = dayOfCell(c[col.end]?.value);
  into.born = dayOfCell(c[col.dateOfBirth]?.value);
  into.weekly = penceOfCell(c[col.weeklyCost]?.value);
  into.contribution = penceOfCell(c[col.contribution]?.value);
  return into;
}

/** A record's figures once read: a start day; an end, a birth date and amounts, or none. */
export interface ReadFigures {
  start: Day;
  end: Day | null;
  born: Day | null;
  weekly: number | null;
  contribution: number | null;
}

/** True when every figure a record needs could be read. */
export function figuresRead(f: RecordFigures): f is ReadFigures {
  return f.start != null && f.end !== undefined && f.born !== undefined && f.weekly !== undefined && f.contribution !== undefined;
}
