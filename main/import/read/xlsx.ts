import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { SheetRow } from './context';
import { SheetXmlError, SheetXmlReader, type SheetParts } from './sheet-xml';
import { openZipEntry, ZipDataError, type ZipEntry } from './zip-guard';

/**
 * The workbook's parts, turned into a flat sequence of events: exceljs reads the small parts
 * (relationships, workbook, shared strings, styles) and our own SheetXmlReader the sheets. A part that
 * cannot be read (malformed XML, a part missing or out of order, a damaged zip entry) becomes a
 * `damaged` event and ends the sequence, while an exception from our own code is a bug and propagates.
 */
export type XlsxEvent =
  | { type: 'sheet'; name: string; hidden: boolean }
  /** The rows of one parsed stretch of a sheet's XML, in order. */
  | { type: 'rows'; rows: SheetRow[] }
  | { type: 'damaged'; sheet: string | null; zip: boolean };

interface StreamedSheet {
  name: string;
  hidden: boolean;
  /** The sheet's rows, a batch per chunk of its XML. */
  rows(): AsyncGenerator<SheetRow[]>;
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
  sharedStrings?: unknown[];
  styles?: { getStyleModel(id: number): { numFmt?: unknown } | null };
  properties?: { model?: { date1904?: unknown } };
  workbookRels?: { Id?: string; Type?: string; Target?: string }[];
  model?: { sheets?: { name?: string; state?: string; rId?: string }[] };
}

class Damaged extends Error {}

/**
 * exceljs's WorkbookReader for the small parts, with its single streaming unzip pass replaced by reads
 * through the central directory. exceljs 4.4.0 loses trailing entries of that pass on Node 18 and later (exceljs issue
 * #3064: it writes xl/workbook.xml last, and sheets then fail on an undefined model), and the pass
 * parks sheets in temporary files until the shared strings arrive. Here the parts are read in the
 * order they are needed — relationships, workbook, shared strings, styles, then the sheets in workbook
 * order — each streamed, so memory stays flat and no temporary file is written. The sheets are read by
 * SheetXmlReader, several times faster than exceljs's sheet parser.
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

  /** The sheets in workbook order, once the parts every sheet needs have been read. */
  async *sheets(): AsyncGenerator<StreamedSheet> {
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
    const parts: SheetParts = {
      sharedStrings: self.sharedStrings ?? [],
      numFmt: (style) => {
        let fmt: unknown;
        try {
          fmt = self.styles?.getStyleModel(style)?.numFmt;
        } catch {
          // exceljs read a styles part that was not one (a part swapped or damaged) without complaint.
          throw new SheetXmlError('the styles part cannot be read');
        }
        return typeof fmt === 'string' ? fmt : undefined;
      },
      date1904: !!self.properties?.model?.date1904,
    };

    const sheets = self.model?.sheets ?? [];
    for (const sheet of sheets) {
      const rel = rels.find((r) => r.Id === sheet.rId && typeof r.Target === 'string');
      if (!rel) throw new Damaged(`no part for sheet ${sheet.name}`);
      const stream = await this.open(partOf(rel.Target!));
      try {
        yield {
          name: typeof sheet.name === 'string' ? sheet.name : 'Sheet',
          hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
          rows: () => sheetRows(stream, parts),
        };
      } finally {
        stream.destroy();
      }
    }
  }
}

async function* sheetRows(stream: Readable, parts: SheetParts): AsyncGenerator<SheetRow[]> {
  const reader = new SheetXmlReader(parts);
  const decoder = new StringDecoder('utf8');
  const chunks = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await chunks.next();
    } catch (error) {
      // The inflater's own errors (a corrupt deflate stream) can arrive before the part's ZipDataError.
      throw error instanceof ZipDataError ? error : new ZipDataError(error instanceof Error ? error.message : String(error));
    }
    if (next.done) break;
    const rows = reader.push(decoder.write(next.value as Buffer));
    if (rows.length) yield rows;
  }
  const rows = reader.push(decoder.end());
  const last = reader.end();
  if (rows.length || last.length) yield [...rows, ...last];
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

/** Malformed XML or a damaged part: the file's fault, said plainly. Anything else is a bug. */
const unreadable = (error: unknown) => error instanceof SheetXmlError || error instanceof ZipDataError;

async function* events(reader: DirectoryWorkbookReader, control: { skip: boolean }): AsyncGenerator<XlsxEvent> {
  const sheets = reader.sheets();
  try {
    for (;;) {
      // The small parts are exceljs's to read: whatever it throws means the part is damaged.
      const next = await step(sheets);
      if ('failed' in next) return yield failure(null, next.failed);
      if (next.done) return;
      const ws = next.value;
      control.skip = false;
      yield { type: 'sheet', name: ws.name, hidden: ws.hidden };
      const parsed = ws.rows();
      for (;;) {
        if (control.skip) {
          // Ends the sheet's parser; the next sheet follows (its stream is closed by sheets()).
          await parsed.return(undefined).catch(() => undefined);
          break;
        }
        const r = await step(parsed);
        if ('failed' in r) {
          if (!unreadable(r.failed)) throw r.failed;
          return yield failure(ws.name, r.failed);
        }
        if (r.done) break;
        yield { type: 'rows', rows: r.value };
      }
    }
  } finally {
    // Closes the open part's stream when the consumer stops early.
    await sheets.return(undefined).catch(() => undefined);
  }
}
