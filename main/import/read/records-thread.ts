import { parentPort, workerData } from 'node:worker_threads';
import { csvRecordsFrom } from './csv';
import type { FromPacking, PackingThreadData, RecordsPacker } from './packed';

/** Records per message: few enough messages, and the first soon. */
const BATCH = 4096;

/**
 * The body of a packing thread (its entry script is the spec's, passing its packer): reads the file from
 * `from` to its end, packs each record (no row of cells is made for it) and posts them in batches, in order. A record the packer leaves
 * goes back as its fields, to be read from its cells on the engine's thread.
 */
export function serveRecords(makePacker: (config: unknown) => RecordsPacker): void {
  if (!parentPort) throw new Error('a packing thread runs as a worker thread');
  const port = parentPort;
  const data = workerData as PackingThreadData;
  const packer = makePacker(data.config);
  let numbers = new Int32Array(BATCH);
  let count = 0;
  let raw: [number, string[]][] = [];
  let read = 0;
  const post = () => {
    const { batch, transfer } = packer.take();
    const m: FromPacking = { type: 'batch', numbers: numbers.subarray(0, count), raw, packed: batch, read };
    port.postMessage(m, [numbers.buffer, ...transfer]);
    numbers = new Int32Array(BATCH);
    count = 0;
    raw = [];
  };
  csvRecordsFrom(data.file, data.encoding, data.delimiter, data.from, (fields) => {
    read++;
    if (isBlank(fields)) return;
    if (!packer.pack(fields)) raw.push([count, fields]);
    numbers[count++] = read;
    if (count === BATCH) post();
  }).then(
    () => {
      if (count) post();
      port.postMessage({ type: 'done', read } satisfies FromPacking);
    },
    (error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromPacking),
  );
}

/** A record whose every field is empty or spaces, as isBlankRow says of its row. */
function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}
