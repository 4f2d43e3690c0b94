import type { Database } from 'better-sqlite3';
import type { NumericUnitId } from '../../shared/units';
import type { Target } from '../../shared/area';
import type { Workspace } from '../store/workspace';
import type { SheetRow } from './read/context';
import type { FoundMonth } from './read/names';
import type { Packing } from './read/packed';
import type { ImportProblem, ImportSink } from './types';

/**
 * A table layout the import engine recognises, declared by the area that owns the table. The engine
 * reads files, finds tables (by title, band and header row), checks every cell against its column's
 * unit and stages what it read; the spec says what the table's columns and rows are, and how staged
 * figures compare with and are applied to the area's own tables.
 */
/** `info`: a column the table shows that is not imported (a committee code beside each line). */
export type ColumnRole = 'key' | 'label' | 'input' | 'reported' | 'dot' | 'info';

export interface ImportColumn {
  key: string;
  role: ColumnRole;
  /** The header as published, for messages. */
  header: string;
  /** Header texts naming this column, compared after normaliseHeader (case, spacing, "2023/24", "(£k)" aside). */
  aliases: readonly string[];
  unit?: NumericUnitId;
  /**
   * Words, read as written (a title, a commentary, a RAG) rather than as a figure: an input column's
   * words are staged with the line's figures, a reported column's are kept as reported text. At most
   * `max` characters.
   */
  text?: { max: number };
  /** What a count column counts ("care packages"), for messages. */
  noun?: string;
  /**
   * Its header names the table's month ("Net Movements to August 2023/24"): the month of a table whose
   * title and band name none.
   */
  namesMonth?: boolean;
  required: boolean;
}

/** What a body row is, from its label (committee layout) or its key (template layout). */
export type RowKind =
  /** A line whose figures are imported; `only` limits which input columns it carries. */
  | {
      kind: 'line';
      key: string;
      label?: string;
      only?: { fields: readonly string[]; reason: string };
      endsCommitteeTable?: boolean;
      /** The line shares its label with a heading: a row of that label without figures is the heading. */
      blankIsHeading?: boolean;
    }
  /** A derived row (subtotal, total): its figures are kept as reported values and checked, never imported. */
  | { kind: 'reported'; key: string; closesTable?: boolean }
  /** A heading row: nothing to read. */
  | { kind: 'skip' };

export interface Named {
  id: string;
  name: string;
}

/** A table's layout as the reader needs it for one file, with the workspace's names already looked up. */
export interface ReadableSpec {
  id: string;
  name: string;
  columns: readonly ImportColumn[];
  /** A DoT column belongs to the figure column immediately before it. */
  dotAfter: Readonly<Record<string, string>>;
  /** What a row label names ("service type"), for messages. */
  rowNoun: string;
  /** The header of the label column ("Service Type"), for messages. */
  labelHeader: string;
  /** A title as published, for the message saying no table was found. */
  exampleTitle: string;
  /** True when a cell's text looks like this table's title; parseTitle then reads it. */
  isTitle(text: string): boolean;
  /** The words naming the table's subject and the month, or null when the text is only a section heading. */
  parseTitle(text: string): { subject: string; month: FoundMonth | null } | null;
  /** A band above the headers ("BUDGET", "ACTUAL (August 2023)"); its month, if it names one. */
  isBandText(text: string): boolean;
  bandMonth(text: string, fyStart: number | null): FoundMonth | null;
  /** What each table is about within its month (a service, a directorate). */
  subjects: {
    noun: string;
    list: readonly Named[];
    /** An unknown subject in a published table becomes a new one, flagged in the preview. */
    allowNew: boolean;
    idFor(name: string): string;
  };
  /**
   * What a row is; `subjectId` is the table's subject where it is known (rows may differ by subject), and
   * `seen` the row keys the table has given already (a label may name a line, then the total of the same name).
   */
  rowByLabel(label: string, subjectId: string | null, seen: ReadonlyMap<string, number>): RowKind | null;
  /** What a row with figures but no label is, when a table publishes one (an unlabelled total row); refused otherwise. */
  unlabelledRow?: RowKind;
  rowByKey(key: string, subjectId: string | null): RowKind | null;
  /**
   * Tables of this layout are recognised only under their title, or by a header row naming the key
   * column (the template): other tables with some of the same headers (a summary) are not this one.
   */
  titledOnly?: boolean;
  /**
   * A title no header row follows is only a mention of the table (a contents line naming it), not a
   * table without headers: passed over rather than refused. For layouts whose title a pack's contents repeats word for word.
   */
  titleAloneIsMention?: boolean;
  /** The committee layout prints its row labels in the first column under a blank header. */
  labelUnheaded?: boolean;
}

/** A table staged by the reader, as the spec's preview and apply see it. */
export interface StagedTable {
  tableId: string;
  spec: string;
  sheet: string;
  row: number;
  layout: string;
  period: string;
  subjectId: string;
  subjectName: string;
  caption: string | null;
  /**
   * For a month the area does not hold yet: the month the roll forward will copy from, which the
   * figures are compared with (null otherwise, or when there is none). Specs join on
   * COALESCE(t.base_period, t.period) in SQL.
   */
  basePeriod: string | null;
}

/** One changed or new line of a table, for the paged preview. */
export interface PreviewCell {
  field: string;
  header: string;
  cell: string;
  old: string | null;
  new: string | null;
}

export interface PreviewLine {
  lineKey: string;
  label: string;
  sheet: string;
  row: number;
  status: 'new' | 'changed' | 'unchanged';
  cells: PreviewCell[];
}

export interface TableStats {
  newSubject: boolean;
  newLines: number;
  changedLines: number;
  unchangedLines: number;
  changedCells: number;
}

/** What an area does with its staged tables. Everything here reads the staging tables of one job. */
export interface ImportSpec {
  id: string;
  /** The area owning the table: reported values are kept under its id. */
  area: string;
  /** What each table is about ("service"), for the preview's "new service" flag. */
  subjectNoun: string;
  /** The page showing a table once imported. */
  target(period: string, subjectId: string): Target;
  /** A published table's layout, with the workspace's names looked up once per file. */
  readable?(ws: Workspace): ReadableSpec;
  /** Or a file of records, turned into the area's figures as it is read (see RecordsReader). */
  records?: RecordsReader;
  /** The import options (beyond the file) this layout takes; any other given is refused. */
  options?: readonly (keyof ImportOptions)[];
  /** Per table: which lines are new, which change and which are unchanged. */
  stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats>;
  lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[];
  /** Problems only the workspace can tell (a figure on a line not in use), in the reader's addressed form. */
  workspaceProblems(db: Database, job: string, tables: readonly StagedTable[]): ImportProblem[];
  /**
   * Writes the staged figures, inside the import's one transaction, after the engine has created any
   * new month. Returns the subjects it added (for the summary).
   */
  apply(ws: Workspace, job: string, tables: readonly StagedTable[], source: string, file: { name: string; sha256: string }): void;
  /** True when applying would add something only a backup can take away again (a new subject). */
  addsStructure?(db: Database, job: string, tables: readonly StagedTable[]): boolean;
  /**
   * Once reading ends and each table's month and subject are known: rewrites the keys of the spec's
   * staged lines and reported rows that only those settle (a row named by its label within its table's
   * subject and year), so preview, apply and reported values all see the area's own keys.
   */
  settleKeys?(db: Database, job: string, tables: readonly StagedTable[]): void;
}

/** What an import may be told beyond the file (`outturn import --months`); each spec says which it takes. */
export interface ImportOptions {
  /** The months to work out from a file covering many (inclusive, YYYY-MM). */
  months?: { from: string; to: string };
}

/**
 * A file of records rather than a published table: a header row naming the columns, then one row per
 * record (a care-package extract: one row per person, package and cost period). The spec takes each
 * record as it streams by and stages only what it makes of them, its own figures, through the sink:
 * the records themselves are never staged, kept or logged.
 */
export interface RecordsReader {
  /** What such a file is, for messages: "care-package extract". */
  noun: string;
  /** True when a row's texts are this kind of file's header row. */
  isHeader(texts: readonly string[]): boolean;
  /** Given the header row: what takes the records. Problems with the file go to `sink.problem`. */
  begin(ws: Workspace, header: SheetRow, at: { sheet: string; options: ImportOptions; sink: ImportSink }): RecordsConsumer;
}

export interface RecordsConsumer {
  /** One record (blank rows are not passed). */
  row(row: SheetRow): void;
  /**
   * Optionally, for a large CSV file: the entry script of a thread whose packer (read/packed.ts) turns
   * the file's later records into plain numbers while this thread reads the first, and its config.
   */
  packing?(): Packing | null;
  /** A record that thread packed: the `i`th packed of `batch`, row `rowNumber` of the file. */
  packed?(batch: unknown, i: number, rowNumber: number): void;
  /**
   * Every record is read: stage the figures through the sink (`table`, then its `line`s) and say what
   * the officer should know that does not stop the import (rows left out, months left alone).
   */
  end(): ImportNote[];
}

/** Something about the file worth saying in the preview that does not stop the import. */
export interface ImportNote {
  text: string;
}
