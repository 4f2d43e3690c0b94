import path from 'node:path';
import type { ImportSink, ReadOptions } from '../types';
import type { ReadContext, SheetRow } from './context';
import { openZipEntry } from './zip-guard';
import { newContext } from './context';
import { csvRows } from './csv';
import { MSG } from './messages';
import { sniffFile } from './sniff';
import { TableScanner } from './table-scanner';
import { isTemplateSheet, TemplateInfoReader } from './template-info';
import { openXlsx } from './xlsx';
import type { ZipEntry } from './zip-guard';

export type ReadLayout = 'template' | 'committee' | 'records' | 'mixed' | null;
export interface ReadResult {
  rowsRead: number;
  layout: ReadLayout;
}

const PROGRESS_EVERY = 500;

interface RowHandler {
  row(row: SheetRow): void;
  end(): void;
}

/** Drops everything once the import is cancelled: the engine discards what it has anyway. */
function guardSink(sink: ImportSink, stopped: () => boolean): ImportSink {
  return {
    table: (t) => void (stopped() || sink.table(t)),
    line: (l) => void (stopped() || sink.line(l)),
    reported: (r) => void (stopped() || sink.reported(r)),
    problem: (p) => void (stopped() || sink.problem(p)),
    progress: (n) => void (stopped() || sink.progress(n)),
    estimate: (n) => void (stopped() || sink.estimate?.(n)),
  };
}

function fileReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOENT') return MSG.notFound;
  if (code === 'EISDIR') return MSG.isFolder;
  return MSG.cannotOpen;
}

/** Counts rows for progress and for the per-sheet limit, past which the sheet is not read further. */
class SheetGate {
  private rows = 0;
  private handler: RowHandler | null;

  constructor(
    private readonly ctx: ReadContext,
    private readonly sheet: string,
    handler: RowHandler | null,
    private readonly total: { rowsRead: number },
    private readonly stop: () => void,
  ) {
    this.handler = handler;
  }

  /** False once the sheet is to be read no further. */
  row(row: SheetRow): boolean {
    this.total.rowsRead++;
    if (this.total.rowsRead % PROGRESS_EVERY === 0) this.ctx.sink.progress(this.total.rowsRead);
    if (!this.handler) return false;
    const max = this.ctx.opts.limits.maxRowsPerSheet;
    // By row number, as Excel numbers them: a sheet reaching past row N has more than N rows.
    if (++this.rows > max || row.number > max) {
      this.ctx.sink.problem({ sheet: this.sheet, cell: null, value: null, reason: MSG.tooManyRows(max) });
      this.handler.end();
      this.handler = null;
      this.stop();
      return false;
    }
    this.handler.row(row);
    return true;
  }

  end(): void {
    this.handler?.end();
    this.handler = null;
  }

  /** A sheet cut short by a damaged part: what was read stands, nothing more is said about it. */
  drop(): void {
    this.handler = null;
  }
}

/**
 * Excel writes each sheet's used range (`<dimension ref="A1:K200000"/>`) near the start of its XML: the
 * first few kilobytes of every sheet give the total rows for a progress estimate, without reading them all.
 */
async function estimateRows(file: string, entries: Map<string, ZipEntry>): Promise<number | null> {
  let total = 0;
  for (const entry of entries.values()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    let head = '';
    try {
      const stream = await openZipEntry(file, entry);
      for await (const chunk of stream) {
        head += (chunk as Buffer).toString('latin1');
        if (head.length >= 4096) break;
      }
      stream.destroy();
    } catch {
      return null; // the damaged part is reported when it is read
    }
    const m = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
    if (!m) return null;
    total += Number(m[1] ?? 1);
  }
  return total || null;
}

async function readXlsx(ctx: ReadContext, file: string, entries: Map<string, ZipEntry>, total: { rowsRead: number }, aborted: () => boolean): Promise<void> {
  const estimate = await estimateRows(file, entries);
  if (estimate) ctx.sink.estimate?.(estimate);
  const { events, skipSheet } = openXlsx(file, entries);
  let gate: SheetGate | null = null;
  try {
    for await (const event of events) {
      if (aborted()) return;
      if (event.type === 'rows') {
        for (const row of event.rows) if (!gate?.row(row)) break;
      }
      else if (event.type === 'sheet') {
        gate?.end();
        // Hidden sheets (old months, working) are not read: what the officer sees is what imports.
        const handler = isTemplateSheet(event.name) ? new TemplateInfoReader(ctx, event.name) : event.hidden ? null : new TableScanner(ctx, event.name);
        if (!handler) skipSheet();
        gate = new SheetGate(ctx, event.name, handler, total, skipSheet);
      } else {
        gate?.drop();
        gate = null;
        const reason = event.zip ? MSG.damagedZip : event.sheet ? MSG.damagedSheet : MSG.damagedWorkbook;
        ctx.damaged = true;
        ctx.sink.problem({ sheet: event.zip ? null : event.sheet, cell: null, value: null, reason });
        return;
      }
    }
    gate?.end();
  } finally {
    await events.return(undefined);
  }
}

/**
 * Reads CSV text. True when at least two rows had two or more cells: text that does not is not a
 * table at all (notes, a letter, a text file renamed .xlsx), which is worth saying instead of "no table
 * found".
 */
async function readCsv(ctx: ReadContext, file: string, encoding: Parameters<typeof csvRows>[1], total: { rowsRead: number }, aborted: () => boolean, signal?: AbortSignal): Promise<boolean> {
  let tabular = false;
  let rowsWithCells = 0;
  const sheet = path.basename(file).replace(/\.[^.]*$/, '') || 'CSV';
  const gate = new SheetGate(ctx, sheet, new TableScanner(ctx, sheet), total, () => undefined);
  const rows = csvRows(file, encoding, signal);
  for (;;) {
    let next: IteratorResult<SheetRow>;
    try {
      next = await rows.next();
    } catch (error) {
      ctx.sink.problem({ sheet: null, cell: null, value: null, reason: fileReason(error) ?? MSG.cannotOpen });
      return tabular;
    }
    if (aborted()) return tabular;
    if (next.done) break;
    if (!tabular && next.value.cells.filter((c) => c && !(c.value.kind === 'text' && c.value.text.trim() === '')).length >= 2) tabular = ++rowsWithCells >= 2;
    if (!gate.row(next.value)) {
      await rows.return(undefined);
      return tabular;
    }
  }
  gate.end();
  return tabular;
}

/**
 * Reads a workbook (.xlsx, template or committee layout, any table a spec describes) or a CSV and
 * streams what it finds to the sink. Never
 * throws on a bad file: every problem goes to the sink and the promise resolves; only a bug throws.
 * On abort it stops promptly and resolves; whatever reached the sink is to be discarded.
 */
export async function readWorkbook(filePath: string, sink: ImportSink, opts: ReadOptions): Promise<ReadResult> {
  const signal = opts.signal;
  let finished = false;
  const aborted = () => signal?.aborted === true;
  const ctx = newContext(opts, guardSink(sink, () => finished || aborted()));
  const total = { rowsRead: 0 };
  const result = (): ReadResult => ({
    rowsRead: total.rowsRead,
    layout: ctx.layouts.size > 1 ? 'mixed' : ctx.layouts.size === 1 ? [...ctx.layouts][0]! : null,
  });
  if (aborted()) return result();

  const work = (async () => {
    let sniffed;
    try {
      sniffed = await sniffFile(filePath, opts.limits);
    } catch (error) {
      const reason = fileReason(error);
      if (reason === null) throw error;
      ctx.sink.problem({ sheet: null, cell: null, value: null, reason });
      return;
    }
    if (aborted()) return;
    if (sniffed.kind === 'refused') {
      ctx.sink.problem({ sheet: null, cell: null, value: null, reason: sniffed.reason });
      return;
    }
    let tabular = true;
    if (sniffed.kind === 'xlsx') await readXlsx(ctx, filePath, sniffed.entries, total, aborted);
    else tabular = await readCsv(ctx, filePath, sniffed.encoding, total, aborted, signal);
    if (aborted()) return;
    if (ctx.found === 0 && !ctx.damaged) ctx.sink.problem({ sheet: null, cell: null, value: null, reason: tabular ? MSG.noTable(opts.specs) : MSG.notTable });
  })();

  let onAbort: (() => void) | null = null;
  const abortedPromise = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  // After an abort the reader may still be finishing a step in the background; its outcome is moot.
  work.catch(() => undefined);
  try {
    const outcome = await Promise.race([work.then(() => 'done' as const), abortedPromise]);
    if (outcome === 'done') ctx.sink.progress(total.rowsRead);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    finished = true;
  }
  return result();
}
