import type { Hundredths } from '../../shared/units';
import type { ReadableSpec } from './spec';

/**
 * What the workbook reader hands the import engine. Rows are streamed to a sink (never held in memory):
 * the engine stages them in a temporary table, so a 200,000-row sheet imports in flat memory.
 */

/** A problem with the file, addressed as `Sheet!C14: "£2,27l" is not an amount of money`. */
export interface ImportProblem {
  sheet: string | null;
  /** A1 address, or null for a problem with the whole sheet or file. */
  cell: string | null;
  /** The value as found in the file, or null. */
  value: string | null;
  /** Plain English, lower-case start: "is not an amount of money". */
  reason: string;
}

export function describeProblem(p: ImportProblem): string {
  const where = p.sheet ? (p.cell ? `${p.sheet}!${p.cell}` : p.sheet) : 'The file';
  return p.value !== null ? `${where}: "${p.value}" ${p.reason}` : `${where}: ${p.reason}`;
}

export type ImportLayout = 'template' | 'committee' | 'records';

/** One table found in the file (a sheet in the template layout; a titled block in the committee layout). */
export interface ImportTable {
  /** Stable within one import: sheet name + first row, e.g. "Sheet1!5". */
  id: string;
  /** The layout (import spec) it was read with. */
  spec: string;
  sheet: string;
  /** Row of the title (committee) or header (template). */
  row: number;
  layout: ImportLayout;
  period: string;
  subjectId: string;
  subjectName: string;
  /** The table's title as written (committee layout), kept as a new subject's caption. */
  caption?: string;
}

/** One line's figures as read; only the columns present in the file are set. */
export interface ImportLine {
  tableId: string;
  sheet: string;
  row: number;
  lineKey: string;
  label: string;
  /** Figures in hundredths; a text column's words as written (see ImportColumn.text). */
  values: Partial<Record<string, Hundredths | string | null>>;
  /** A1 address of each value read, for messages. */
  cells: Partial<Record<string, string>>;
}

/** A derived figure the file states (subtotal, total, variance, DoT arrow): kept as a reported value, checked, not imported. */
export interface ImportReported {
  tableId: string;
  rowKey: string;
  column: string;
  value: Hundredths | null;
  text: string | null;
  cell: string;
}

export interface ImportSink {
  table(t: ImportTable): void;
  line(l: ImportLine): void;
  reported(r: ImportReported): void;
  problem(p: ImportProblem): void;
  /** Called every few hundred rows and at the end. */
  progress(rowsRead: number): void;
  /** How many rows the file holds in all, when its sheets say (for a progress bar's estimate). */
  estimate?(totalRows: number): void;
}

export interface ImportLimits {
  /** Most rows a sheet may have. */
  maxRowsPerSheet: number;
  /** Most bytes the workbook's parts may hold once unzipped (zip bombs). */
  maxUncompressedBytes: number;
  /** Most entries in the zip. */
  maxZipEntries: number;
  /** Most problems kept (all are counted). */
  maxProblems: number;
  /** Most records a file of records (an extract) may hold. */
  maxRecords: number;
  /** A CSV file of records this large or larger is read in two parts at once, on two threads. */
  splitRecordsBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRowsPerSheet: 250_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxProblems: 1000,
  maxRecords: 1_000_000,
  splitRecordsBytes: 4 * 1024 * 1024,
};

export interface ReadOptions {
  /** From --period or the app; wins over titles and sheet names. */
  period?: string;
  /** The layouts to recognise, with the workspace's names looked up. */
  specs: readonly ReadableSpec[];
  limits: ImportLimits;
  signal?: AbortSignal;
}
