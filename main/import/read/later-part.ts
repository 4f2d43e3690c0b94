import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { isBlankRow, type SheetRow } from './context';
import { csvRecordsFrom, toRow, type CsvSplit } from './csv';
import type { FromPacking, Packing, PackingThreadData } from './packed';

/** What takes the records: each as its cells, or as the packer packed it. */
export interface PackedTaker {
  row(row: SheetRow): void;
  packed?(batch: unknown, i: number, rowNumber: number): void;
}

/** Rows read so far (blank ones too) and records given to the consumer, across both parts. */
export interface Tally {
  read: number;
  records: number;
}

/** Where the later part starts: this share of the file from its end, at the next line. */
export const LATER_SHARE = 0.55;
/** How far past that point a line's start is looked for before reading the file in one part. */
const LINE_WITHIN = 1024 * 1024;

/** The first line starting at or after byte `near`, or null when none does within LINE_WITHIN. */
async function lineStartNear(file: string, near: number, size: number): Promise<number | null> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(LINE_WITHIN, size - near));
    const { bytesRead } = await fd.read(buffer, 0, buffer.length, near);
    const at = buffer.subarray(0, bytesRead).indexOf(0x0a);
    return at < 0 || near + at + 1 >= size ? null : near + at + 1;
  } finally {
    await fd.close();
  }
}

/**
 * The later part of a large CSV file of records, read and packed on a thread of its own (the spec's
 * packing entry) while this thread reads the first part; `split.at` tells csvRows where to hand over.
 * Whether it may is known only on reaching that byte (a quoted field may hold line breaks): if not,
 * csvRows reads on and this part is stopped unused. Its batches come in file order.
 */
export class LaterPart {
  private readonly queue: FromPacking[] = [];
  private wake: (() => void) | null = null;
  private worker: Worker | null = null;
  private ended = false;

  private constructor(private readonly data: PackingThreadData) {}

  static async start(file: string, size: number, encoding: PackingThreadData['encoding'], split: CsvSplit, packing: Packing): Promise<LaterPart | null> {
    if (!split.delimiter) return null;
    const from = await lineStartNear(file, Math.floor(size * (1 - LATER_SHARE)), size);
    if (from === null) return null;
    const data: PackingThreadData = { file, encoding, delimiter: split.delimiter, from, config: packing.config };
    const part = new LaterPart(data);
    // Its own heap, beside the import's: it holds one chunk, one record and one batch at a time, and
    // should it run out, this thread reads on from the last batch (feed).
    const worker = new Worker(packing.entry, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    part.worker = worker;
    worker.on('message', (m: FromPacking) => part.push(m));
    worker.on('error', (e) => part.push({ type: 'failed', message: e.message }));
    worker.on('exit', () => {
      if (!part.ended) part.push({ type: 'failed', message: 'the thread reading the rest of the file stopped' });
    });
    split.at = from;
    return part;
  }

  private push(m: FromPacking): void {
    if (m.type !== 'batch') this.ended = true;
    this.queue.push(m);
    this.wake?.();
    this.wake = null;
  }

  /** The batches in order, until the part is read; a failure is thrown. */
  async *batches(): AsyncGenerator<Extract<FromPacking, { type: 'batch' }>, number> {
    for (;;) {
      while (!this.queue.length) await new Promise<void>((resolve) => (this.wake = resolve));
      const m = this.queue.shift()!;
      if (m.type === 'batch') yield m;
      else if (m.type === 'done') return m.read;
      else throw new Error(m.message);
    }
  }

  /**
   * Gives the later part's records to `consumer` in file order, their rows numbered on from `before`
   * (the rows of the first part); false when that makes more than `maxRecords`. Should the thread fail
   * (it ran out of memory, say), this thread reads the rest itself from the first record not yet given.
   */
  async feed(consumer: PackedTaker, before: number, tally: Tally, maxRecords: number, progress: (read: number) => void, signal?: AbortSignal): Promise<boolean> {
    let taken = 0;
    const parts = this.batches();
    for (;;) {
      let next: IteratorResult<Extract<FromPacking, { type: 'batch' }>, number>;
      try {
        next = await parts.next();
      } catch {
        break;
      }
      if (next.done) {
        tally.read = before + next.value;
        return true;
      }
      const { numbers, raw, packed } = next.value;
      let r = 0;
      let k = 0;
      for (let i = 0; i < numbers.length; i++) {
        if (++tally.records > maxRecords) return false;
        if (r < raw.length && raw[r]![0] === i) consumer.row(toRow(raw[r++]![1], before + numbers[i]!));
        else consumer.packed!(packed, k++, before + numbers[i]!);
      }
      taken = next.value.read;
      tally.read = before + taken;
      progress(tally.read);
      if (signal?.aborted) return true;
    }
    this.stop();
    let n = 0;
    let over = false;
    await csvRecordsFrom(this.data.file, this.data.encoding, this.data.delimiter, this.data.from, (fields) => {
      if (over || signal?.aborted || ++n <= taken) return;
      const row = toRow(fields, before + n);
      tally.read = before + n;
      if (isBlankRow(row)) return;
      if (++tally.records > maxRecords) over = true;
      else consumer.row(row);
    });
    return !over;
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
