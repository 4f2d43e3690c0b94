import path from 'node:path';
import type { ImportSink, ImportLimits } from '../types';
import { plainText } from './cells';
import { isBlankRow, type SheetRow } from './context';
import { csvRows } from './csv';
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
}

const PROGRESS_EVERY = 2000;

export async function openRecordRows(file: string, limits: ImportLimits, signal?: AbortSignal): Promise<RecordRows | { refused: string }> {
  const sniffed = await sniffFile(file, limits);
  if (sniffed.kind === 'refused') return { refused: sniffed.reason };
  if (sniffed.kind === 'csv') return { sheet: path.basename(file).replace(/\.[^.]*$/, '') || 'CSV', rows: csvRows(file, sniffed.encoding, signal) };
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
  return { sheet, rows: rows() };
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

/**
 * Reads a file of records: finds the header row within the first rows (none: `null`, the file is read as
 * published tables instead), hands each later non-blank row to the consumer `begin` returns. Problems
 * (a damaged file, too many records) go to the sink; a record's own problems are the consumer's.
 */
export async function readRecords(
  file: string,
  sink: ImportSink,
  limits: ImportLimits,
  isHeader: (texts: readonly string[]) => number | null,
  begin: (which: number, header: SheetRow, sheet: string) => { row(row: SheetRow): void },
  signal?: AbortSignal,
): Promise<RecordsOutcome | null> {
  const opened = await openRecordRows(file, limits, signal);
  if ('refused' in opened) return null;
  const { sheet, rows } = opened;
  let consumer: { row(row: SheetRow): void } | null = null;
  let read = 0;
  let records = 0;
  try {
    for await (const row of rows) {
      if (signal?.aborted) break;
      read++;
      if (!consumer) {
        if (read > HEADER_WITHIN) return null;
        const which = isHeader(rowTexts(row));
        if (which !== null) consumer = begin(which, row, sheet);
        continue;
      }
      if (read % PROGRESS_EVERY === 0) sink.progress(read);
      if (isBlankRow(row)) continue;
      if (++records > limits.maxRecords) {
        sink.problem({ sheet, cell: null, value: null, reason: `holds more than ${formatCount(limits.maxRecords)} records, more than Outturn reads from one file` });
        break;
      }
      consumer.row(row);
    }
  } catch (error) {
    if (!consumer) return null;
    sink.problem({ sheet, cell: null, value: null, reason: error instanceof Error && error.message === MSG.damagedSheet ? MSG.damagedSheet : MSG.cannotOpen });
  } finally {
    await rows.return(undefined);
  }
  if (!consumer) return null;
  sink.progress(read);
  return { rowsRead: read };
}
