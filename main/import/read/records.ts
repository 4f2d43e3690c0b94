import fs from 'node:fs';
import path from 'node:path';
import type { ImportSink, ImportLimits } from '../types';
import { plainText } from './cells';
import { isBlankRow, type SheetRow } from './context';
import { csvRows, type CsvSplit } from './csv';
import { LaterPart, type PackedTaker, type Tally } from './later-part';
import type { Packing } from './packed';
import { MSG, formatCount } from './messages';
import { sniffFile } from './sniff';
import { isTemplateSheet } from './template-info';
import { openXlsx } from './xlsx';

/**
 * The rows of a file of records (an extract: a header row, then one row per record), as the import's
 * reader gives them: a CSV's rows, or the first visible sheet's of a workbook. Streamed, never held.
 */
export interface RecordRows {
  sheet: string;
  rows: AsyncGenerator<SheetRow>;
  /** A CSV file another thread may read the later part of (see CsvSplit), with its encoding. */
  splittable: 'utf-8' | 'windows-1252' | null;
}

const PROGRESS_EVERY = 2000;

export async function openRecordRows(file: string, limits: ImportLimits, signal?: AbortSignal, split?: CsvSplit): Promise<RecordRows | { refused: string }> {
  const sniffed = await sniffFile(file, limits);
  if (sniffed.kind === 'refused') return { refused: sniffed.reason };
  if (sniffed.kind === 'csv') {
    // A line break is one byte, never part of another character, only in these encodings.
    const splittable = sniffed.encoding === 'utf-8' || sniffed.encoding === 'windows-1252' ? sniffed.encoding : null;
    return { sheet: path.basename(file).replace(/\.[^.]*$/, '') || 'CSV', rows: csvRows(file, sniffed.encoding, signal, splittable ? split : undefined), splittable };
  }
  const { events, skipSheet } = openXlsx(file, sniffed.entries);
  // The first visible sheet that is not Outturn's own: an extract is one sheet.
  let first: IteratorResult<Awaited<ReturnType<typeof events.next>>['value']>;
  for (;;) {
    first = await events.next();
    if (first.done) return { refused: MSG.empty };
    const e = first.value;
    if (e.type === 'damaged') return { refused: e.sheet ? MSG.damagedSheet : e.zip ? MSG.damagedZip : MSG.damagedWorkbook };
    if (e.type === 'sheet' && !e.hidden && !isTemplateSheet(e.name)) break;
    if (e.type === 'sheet') skipSheet();
  }
  const sheet = first.value.type === 'sheet' ? first.value.name : 'Sheet1';
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for await (const e of events) {
        if (signal?.aborted) return;
        if (e.type === 'sheet') return;
        if (e.type === 'damaged') throw new Error(MSG.damagedSheet);
        yield* e.rows;
      }
    } finally {
      await events.return(undefined);
    }
  }
  return { sheet, rows: rows(), splittable: null };
}

/** The texts of a row's cells, for recognising a header row. */
export function rowTexts(row: SheetRow): string[] {
  const texts: string[] = [];
  for (const cell of row.cells) if (cell) texts.push(plainText(cell.value));
  return texts;
}

/** How many rows are looked at for a header before a file is taken not to be records. */
const HEADER_WITHIN = 20;

export interface RecordsOutcome {
  rowsRead: number;
}

/** What takes the records (a spec's RecordsConsumer). */
export interface RecordsTaker extends PackedTaker {
  /** Optionally, a thread that packs the records of a large CSV file's later part (see packed.ts). */
  packing?(): Packing | null;
}

/**
 * Reads a file of records: finds the header row within the first rows (none: `null`, the file is read as
 * published tables instead), hands each later non-blank row to the consumer `begin` returns. Problems
 * (a damaged file, too many records) go to the sink; a record's own problems are the consumer's.
 * A CSV file of `limits.splitRecordsBytes` or more whose consumer packs records is read in two parts at
 * once (later-part.ts); the consumer is given every record in file order either way.
 */
export async function readRecords(
  file: string,
  sink: ImportSink,
  limits: ImportLimits,
  isHeader: (texts: readonly string[]) => number | null,
  begin: (which: number, header: SheetRow, sheet: string) => RecordsTaker,
  signal?: AbortSignal,
): Promise<RecordsOutcome | null> {
  const split: CsvSplit = { at: null, delimiter: null, rowsBefore: 0, handedOff: null };
  const opened = await openRecordRows(file, limits, signal, split);
  if ('refused' in opened) return null;
  const { sheet, rows } = opened;
  let consumer: RecordsTaker | null = null;
  let later: LaterPart | null = null;
  const tally: Tally = { read: 0, records: 0 };
  const tooMany = () => {
    sink.problem({ sheet, cell: null, value: null, reason: `holds more than ${formatCount(limits.maxRecords)} records, more than Outturn reads from one file` });
  };
  try {
    for await (const row of rows) {
      if (signal?.aborted) break;
      const read = ++tally.read;
      if (!consumer) {
        if (read > HEADER_WITHIN) return null;
        const which = isHeader(rowTexts(row));
        if (which !== null) {
          consumer = begin(which, row, sheet);
          later = await startLaterPart(file, opened.splittable, split, limits, consumer);
        }
        continue;
      }
      if (read % PROGRESS_EVERY === 0) sink.progress(read);
      if (later && split.handedOff === false) {
        // A quoted field ran over the point the later part starts at: this thread reads on alone.
        later.stop();
        later = null;
      }
      if (isBlankRow(row)) continue;
      if (++tally.records > limits.maxRecords) {
        tooMany();
        break;
      }
      consumer.row(row);
    }
    if (later && split.handedOff && consumer && !signal?.aborted) {
      if (!(await later.feed(consumer, split.rowsBefore, tally, limits.maxRecords, (n) => sink.progress(n), signal))) tooMany();
    }
  } catch (error) {
    if (!consumer) return null;
    sink.problem({ sheet, cell: null, value: null, reason: error instanceof Error && error.message === MSG.damagedSheet ? MSG.damagedSheet : MSG.cannotOpen });
  } finally {
    later?.stop();
    await rows.return(undefined);
  }
  if (!consumer) return null;
  sink.progress(tally.read);
  return { rowsRead: tally.read };
}

/** The thread reading a large CSV file's later part, when the consumer packs records; null to read it all here. */
async function startLaterPart(file: string, encoding: RecordRows['splittable'], split: CsvSplit, limits: ImportLimits, consumer: RecordsTaker): Promise<LaterPart | null> {
  if (!encoding || !consumer.packing || !consumer.packed) return null;
  const size = (await fs.promises.stat(file)).size;
  if (size < limits.splitRecordsBytes) return null;
  let packing: Packing | null;
  try {
    packing = consumer.packing();
  } catch {
    // Its entry script is not built (running from the sources): this thread reads the whole file.
    return null;
  }
  return packing ? LaterPart.start(file, size, encoding, split, packing) : null;
}
