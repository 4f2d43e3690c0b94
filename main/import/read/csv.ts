import fs from 'node:fs';
import { address } from './a1';
import type { Cell } from './cells';
import type { SheetRow } from './context';
import type { CsvEncoding } from './sniff';

/**
 * CSV as Excel writes and reads it (RFC 4180): fields quoted with `"`, `""` for a quote, line breaks
 * allowed inside quotes, comma, semicolon or tab between fields. A hand-written state machine over the
 * decoded stream rather than readline, because a quoted field may span lines and a hostile line may be
 * endless: fields are capped, so memory stays flat whatever the file holds.
 */

const DELIMITERS = [',', ';', '\t'] as const;
const MAX_FIELD = 32_767; // Excel's limit for a cell
const MAX_FIELDS = 16_384; // Excel's last column
const SNIFF_CHARS = 64 * 1024;

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** The header line names "Service Type" or "Key"; its separators decide. Otherwise the busiest line does. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).slice(0, 50);
  const header = lines.find((l) => /service\s*type|(^|[,;\t"])key([,;\t"]|$)/i.test(l));
  const best = (line: string) => {
    let winner: string = ',';
    let most = 0;
    for (const d of DELIMITERS) {
      const n = countOutsideQuotes(line, d);
      if (n > most) [winner, most] = [d, n];
    }
    return { winner, most };
  };
  if (header) {
    const pick = best(header);
    if (pick.most > 0) return pick.winner;
  }
  let overall = { winner: ',', most: 0 };
  for (const line of lines) {
    const pick = best(line);
    if (pick.most > overall.most) overall = pick;
  }
  return overall.winner;
}

export class RecordParser {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private afterQuote = false;
  private pendingCR = false;
  private started = false;

  constructor(
    readonly delimiter: string,
    private readonly emit: (fields: string[]) => void,
  ) {}

  private push(ch: string): void {
    if (this.field.length < MAX_FIELD) this.field += ch;
  }

  private endField(): void {
    if (this.fields.length < MAX_FIELDS) this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
    this.afterQuote = false;
  }

  private endRecord(): void {
    this.endField();
    this.emit(this.fields);
    this.fields = [];
    this.started = false;
  }

  write(text: string): void {
    const delimiter = this.delimiter.charCodeAt(0);
    for (let i = 0; i < text.length; i++) {
      // Plain text up to the next delimiter, line end or quote is taken in one slice, not char by char.
      if (!this.quoted && !this.afterQuote && !this.pendingCR) {
        let j = i;
        for (; j < text.length; j++) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === 10 || c === 13 || c === 34) break;
        }
        if (j > i && !(text.charCodeAt(i) === 34 && this.field === '')) {
          const room = MAX_FIELD - this.field.length;
          if (room > 0) this.field += room >= j - i ? text.slice(i, j) : text.slice(i, i + room);
          this.started = true;
          i = j - 1;
          continue;
        }
      }
      const ch = text[i]!;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (ch !== '"') this.push(ch);
        else if (text[i + 1] === '"') {
          this.push('"');
          i++;
        } else {
          // Closing, unless the next chunk starts with the second quote of a `""`.
          this.quoted = false;
          this.afterQuote = i + 1 === text.length;
        }
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (ch === '"') {
          this.push('"');
          this.quoted = true;
          continue;
        }
      }
      if (ch === this.delimiter) {
        this.started = true;
        this.endField();
      } else if (ch === '\n' || ch === '\r') {
        this.pendingCR = ch === '\r';
        this.endRecord();
      } else if (ch === '"' && this.field === '') {
        this.quoted = true;
        this.started = true;
      } else {
        this.started = true;
        this.push(ch);
      }
    }
  }

  /** Whether the text so far ended a record and nothing of the next has begun (not inside quotes). */
  atRecordStart(): boolean {
    return !this.started && !this.quoted && !this.afterQuote && !this.pendingCR && this.field === '' && this.fields.length === 0;
  }

  end(): void {
    if (this.started || this.field !== '' || this.fields.length > 0 || this.quoted || this.afterQuote) this.endRecord();
  }
}

export function toRow(fields: string[], number: number): SheetRow {
  const cells: (Cell | undefined)[] = [];
  fields.forEach((text, i) => {
    if (text !== '') cells[i + 1] = { address: address(i + 1, number), value: { kind: 'text', text } };
  });
  return { number, cells };
}

/** A CSV text already in memory (a small file shipped with the app), as rows numbered as Excel would, a chunk at a time. */
export function* csvTextRows(text: string): Generator<SheetRow> {
  const ready: SheetRow[] = [];
  let number = 0;
  const parser = new RecordParser(sniffDelimiter(text.slice(0, SNIFF_CHARS)), (fields) => ready.push(toRow(fields, ++number)));
  for (let at = 0; at < text.length; at += SNIFF_CHARS) {
    parser.write(text.slice(at, at + SNIFF_CHARS));
    yield* ready.splice(0);
  }
  parser.end();
  yield* ready.splice(0);
}

/**
 * Where another thread may take over the rest of a file (records.ts): `at`, the byte a line starts at,
 * is set while the rows are read. On reaching it, csvRows stops when a record ended exactly there
 * (`handedOff` true: the rest is read from `at` as a file of its own, with this `delimiter`); when it
 * fell inside a quoted field that holds line breaks, it reads on itself (`handedOff` false).
 */
export interface CsvSplit {
  at: number | null;
  delimiter: string | null;
  /** Rows read before `at`, once handed off. */
  rowsBefore: number;
  handedOff: boolean | null;
}

/** Yields the file's records as rows numbered as Excel would number them on opening the file. */
export async function* csvRows(path: string, encoding: CsvEncoding, signal?: AbortSignal, split?: CsvSplit): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder(encoding);
  const stream = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  const ready: SheetRow[] = [];
  let number = 0;
  let parser: RecordParser | null = null;
  let buffered = '';
  let bytes = 0;
  const emit = (fields: string[]) => ready.push(toRow(fields, ++number));
  try {
    for await (const read of stream) {
      if (signal?.aborted) return;
      let chunk = read as Buffer;
      if (split?.at != null && split.handedOff === null && bytes + chunk.length >= split.at) {
        const head = split.at - bytes;
        // Only a point not read yet, once reading has begun, can be handed over.
        if (!parser || head < 0) split.handedOff = false;
        else {
          // Up to the line `at` starts, then stop there if a record ended exactly there.
          parser.write(decoder.decode(chunk.subarray(0, head), { stream: true }));
          split.handedOff = parser.atRecordStart();
          while (ready.length) yield ready.shift()!;
          if (split.handedOff) {
            split.rowsBefore = number;
            return;
          }
          chunk = chunk.subarray(head);
        }
      }
      bytes += (read as Buffer).length;
      const text = decoder.decode(chunk, { stream: true });
      if (!parser) {
        buffered += text;
        if (buffered.length < SNIFF_CHARS) continue;
        parser = new RecordParser(sniffDelimiter(buffered), emit);
        if (split) split.delimiter = parser.delimiter;
        parser.write(buffered);
        buffered = '';
      } else parser.write(text);
      while (ready.length) yield ready.shift()!;
    }
    const rest = decoder.decode();
    if (!parser) {
      parser = new RecordParser(sniffDelimiter(buffered + rest), emit);
      parser.write(buffered);
    }
    parser.write(rest);
    parser.end();
    while (ready.length) yield ready.shift()!;
  } finally {
    stream.destroy();
  }
}

/**
 * The records of a file from byte `from` (the start of a line) to its end, as a file of its own: fields
 * with `delimiter`, numbered from 1. For a thread reading the rest of a file another has begun (see CsvSplit).
 */
export async function csvRecordsFrom(path: string, encoding: CsvEncoding, delimiter: string, from: number, each: (fields: string[]) => void): Promise<void> {
  // A BOM-like character starting that line is text of the file, not a mark to drop.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const parser = new RecordParser(delimiter, each);
  for await (const chunk of fs.createReadStream(path, { start: from, highWaterMark: 64 * 1024 })) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.write(decoder.decode());
  parser.end();
}
