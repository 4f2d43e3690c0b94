import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { BLANK, type Cell, type CellValue } from './cells';
import type { SheetRow } from './context';
import { openZipEntry, ZipDataError, type ZipEntry } from './zip-guard';

/**
 * exceljs's streaming reader, turned into a flat sequence of events. Only the reader's own steps are
 * guarded: an exception from exceljs (malformed XML, a part out of order) becomes a `damaged` event
 * and ends the sequence, while an exception from our own code is a bug and propagates.
 */
export type XlsxEvent =
  | { type: 'sheet'; name: string; hidden: boolean }
  /** The rows of one parsed stretch of a sheet's XML, in order. */
  | { type: 'rows'; rows: SheetRow[] }
  | { type: 'damaged'; sheet: string | null; zip: boolean };

interface StreamedSheet {
  name?: unknown;
  state?: unknown;
  /** exceljs's sheet parser: each step gives the events of one stretch of XML (its row iterator unpacks them one by one). */
  parse(): AsyncGenerator<{ eventType: string; value: unknown }[]>;
}

type RichText = { richText?: { text?: unknown }[] };

function resultValue(result: unknown, numFmt: string | undefined, formula: string): CellValue {
  if (result === undefined || result === null) return { kind: 'formula-no-value', formula };
  if (typeof result === 'number') return Number.isNaN(result) ? { kind: 'formula-error', formula } : { kind: 'number', value: result, numFmt };
  if (typeof result === 'string') return result === '' ? BLANK : { kind: 'text', text: result };
  if (typeof result === 'boolean') return { kind: 'bool', value: result };
  if (result instanceof Date) return { kind: 'date', date: result };
  return { kind: 'formula-error', formula };
}

function numFmtOf(cell: ExcelJS.Cell): string | undefined {
  try {
    return typeof cell.numFmt === 'string' ? cell.numFmt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A formula's cached result is read from `cell.result`: `cell.value` rebuilds the formula object
 * keeping only truthy fields, so a saved 0 (or an error, read as NaN) would look like no value at all.
 */
function formulaValue(cell: ExcelJS.Cell): CellValue {
  let formula: string;
  let result: unknown;
  try {
    formula = typeof cell.formula === 'string' ? cell.formula : '';
  } catch {
    formula = '';
  }
  try {
    result = cell.result;
  } catch {
    result = undefined;
  }
  return resultValue(result, numFmtOf(cell), formula);
}

export function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Formula) return formulaValue(cell);
  const v: unknown = cell.value;
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'number') return { kind: 'number', value: v, numFmt: numFmtOf(cell) };
  if (typeof v === 'string') return v === '' ? BLANK : { kind: 'text', text: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (v instanceof Date) return { kind: 'date', date: v };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray((o as RichText).richText)) {
      const text = (o as RichText).richText!.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
      return text === '' ? BLANK : { kind: 'text', text };
    }
    if ('formula' in o || 'sharedFormula' in o) return formulaValue(cell);
    if ('error' in o) return { kind: 'error', text: String(o.error) };
    if (typeof o.text === 'string') return o.text === '' ? BLANK : { kind: 'text', text: o.text };
  }
  return BLANK;
}

function toRow(row: ExcelJS.Row): SheetRow | null {
  if (!Number.isSafeInteger(row.number) || row.number < 1) return null;
  const cells: (Cell | undefined)[] = [];
  row.eachCell((cell, col) => {
    cells[col] = { address: cell.address, value: cellValue(cell) };
  });
  return { number: row.number, cells };
}

async function step<T>(it: AsyncIterator<T>): Promise<IteratorResult<T> | { failed: unknown }> {
  try {
    return await it.next();
  } catch (failed) {
    return { failed };
  }
}

/** exceljs's part parsers, which its own parse() drives from a single unzip pass. */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: StreamedSheet }>;
  sharedStrings?: unknown[];
  workbookRels?: { Id?: string; Type?: string; Target?: string }[];
  model?: { sheets?: { name?: string; state?: string; rId?: string }[] };
}

class Damaged extends Error {}

/**
 * exceljs's WorkbookReader with its single streaming unzip pass replaced by reads through the central
 * directory. exceljs 4.4.0 loses trailing entries of that pass on Node 18 and later (exceljs issue
 * #3064: it writes xl/workbook.xml last, and sheets then fail on an undefined model), and the pass
 * parks sheets in temporary files until the shared strings arrive. Here the parts are read in the
 * order they are needed — relationships, workbook, shared strings, styles, then the sheets in workbook
 * order — each streamed, so memory stays flat and no temporary file is written.
 */
class DirectoryWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(
    private readonly file: string,
    private readonly entries: Map<string, ZipEntry>,
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
  ) {
    super(file, options);
  }

  private part(name: string): ZipEntry | undefined {
    const exact = this.entries.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    for (const [key, entry] of this.entries) if (key.toLowerCase() === lower) return entry;
    return undefined;
  }

  private open(name: string): Promise<Readable> {
    const entry = this.part(name);
    if (!entry) throw new Damaged(`${name} is missing`);
    return openZipEntry(this.file, entry);
  }

  override async *parse(): AsyncGenerator<{ eventType: string; value: unknown }> {
    const self = this as unknown as ReaderInternals;
    await self._parseRels(await this.open('xl/_rels/workbook.xml.rels'));
    await self._parseWorkbook(await this.open('xl/workbook.xml'));
    const rels = self.workbookRels ?? [];
    const partOf = (target: string) => (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
    const related = (type: string) => rels.find((r) => typeof r.Type === 'string' && r.Type.endsWith(type) && typeof r.Target === 'string');
    const strings = related('/sharedStrings');
    if (strings && this.part(partOf(strings.Target!))) {
      for await (const _ of self._parseSharedStrings(await this.open(partOf(strings.Target!)))) {
        // 'cache' mode fills self.sharedStrings and yields nothing.
      }
    } else self.sharedStrings = [];
    const styles = related('/styles');
    if (styles && this.part(partOf(styles.Target!))) await self._parseStyles(await this.open(partOf(styles.Target!)));

    const sheets = self.model?.sheets ?? [];
    for (const [index, sheet] of sheets.entries()) {
      const rel = rels.find((r) => r.Id === sheet.rId && typeof r.Target === 'string');
      if (!rel) throw new Damaged(`no part for sheet ${sheet.name}`);
      const stream = await this.open(partOf(rel.Target!));
      const sheetNo = /sheet(\d+)\.xml$/i.exec(rel.Target!)?.[1] ?? String(index + 1);
      try {
        for (const event of self._parseWorksheet(stream, sheetNo)) {
          event.value.name = sheet.name;
          event.value.state = sheet.state;
          yield event;
        }
      } finally {
        stream.destroy();
      }
    }
  }
}

export interface XlsxSource {
  events: AsyncGenerator<XlsxEvent>;
  /** Stops the current sheet (a hidden one, or one past the row limit) without parsing the rest. */
  skipSheet(): void;
}

export function openXlsx(path: string, entries: Map<string, ZipEntry>): XlsxSource {
  const reader = new DirectoryWorkbookReader(path, entries, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const control = { skip: false };
  return { events: events(reader, control), skipSheet: () => void (control.skip = true) };
}

function failure(sheet: string | null, failed: unknown): XlsxEvent {
  return { type: 'damaged', sheet, zip: failed instanceof ZipDataError };
}

async function* events(reader: ExcelJS.stream.xlsx.WorkbookReader, control: { skip: boolean }): AsyncGenerator<XlsxEvent> {
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<StreamedSheet>;
  try {
    for (;;) {
      const next = await step(sheets);
      if ('failed' in next) return yield failure(null, next.failed);
      if (next.done) return;
      const ws = next.value;
      const name = typeof ws.name === 'string' ? ws.name : 'Sheet';
      control.skip = false;
      yield { type: 'sheet', name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden' };
      // A batch of rows per parsed stretch of XML: one await per stretch rather than per row.
      const parsed = ws.parse();
      for (;;) {
        if (control.skip) {
          // Ends the sheet's parser, which closes the part's stream; the next sheet follows.
          await parsed.return(undefined).catch(() => undefined);
          break;
        }
        const r = await step(parsed);
        if ('failed' in r) return yield failure(name, r.failed);
        if (r.done) break;
        const rows: SheetRow[] = [];
        for (const e of r.value) {
          if (e.eventType !== 'row') continue;
          const row = toRow(e.value as ExcelJS.Row);
          if (!row) {
            if (rows.length) yield { type: 'rows', rows };
            return yield failure(name, null);
          }
          rows.push(row);
        }
        if (rows.length) yield { type: 'rows', rows };
      }
    }
  } finally {
    // Closes the open part's stream when the consumer stops early.
    await sheets.return?.(undefined).catch(() => undefined);
  }
}
