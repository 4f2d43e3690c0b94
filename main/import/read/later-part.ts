import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CsvSplit } from './csv';
import type { FromPacking, Packing, PackingThreadData } from './packed';

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

  private constructor() {}

  static async start(file: string, size: number, encoding: PackingThreadData['encoding'], split: CsvSplit, packing: Packing): Promise<LaterPart | null> {
    if (!split.delimiter) return null;
    const from = await lineStartNear(file, Math.floor(size * (1 - LATER_SHARE)), size);
    if (from === null) return null;
    const part = new LaterPart();
    const data: PackingThreadData = { file, encoding, delimiter: split.delimiter, from, config: packing.config };
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

  stop(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
