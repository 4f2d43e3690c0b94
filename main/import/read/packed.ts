/**
 * Records packed on another thread (see records-thread.ts): a large CSV file of records is read in two
 * parts at once, this thread reading the first while another reads the rest. That thread turns each
 * record into plain numbers with the spec's packer, so only typed arrays cross between the threads, and
 * the consumer here takes them in file order after its own rows, exactly as it would have taken the rows.
 */
export interface RecordsPacker {
  /**
   * Packs a record, given its fields as the file has them (field 0 is column A, cell 1 of a SheetRow),
   * for the consumer's `packed`; false leaves it to the consumer's `row`, given its cells.
   */
  pack(fields: readonly string[]): boolean;
  /** What was packed since the last take, and the buffers it may hand over rather than copy. */
  take(): { batch: unknown; transfer: ArrayBuffer[] };
}

/** The thread's entry script (compiled JavaScript) and the plain data its packer is made from. */
export interface Packing {
  entry: string;
  config: unknown;
}

/** What the engine gives the thread. */
export interface PackingThreadData {
  file: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  /** The byte the later part starts at: the start of a line. */
  from: number;
  config: unknown;
}

/** From the thread, in file order: `numbers` are the batch's records' row numbers counted from `from`, blank rows skipped. */
export type FromPacking =
  | { type: 'batch'; numbers: Int32Array; raw: [number, string[]][]; packed: unknown; read: number }
  | { type: 'done'; read: number }
  | { type: 'failed'; message: string };
