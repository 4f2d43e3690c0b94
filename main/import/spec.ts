import type { Database } from 'better-sqlite3';
import type { NumericUnitId } from '../../shared/units';
import type { Target } from '../../shared/area';
import type { Workspace } from '../store/workspace';
import type { FoundMonth } from './read/names';
import type { ImportProblem } from './types';

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
  /** What a count column counts ("care packages"), for messages. */
  noun?: string;
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
  rowByKey(key: string, subjectId: string | null): RowKind | null;
  /**
   * Tables of this layout are recognised only under their title, or by a header row naming the key
   * column (the template): other tables with some of the same headers (a summary) are not this one.
   */
  titledOnly?: boolean;
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
  /** Looks up the workspace's names once per file. */
  readable(ws: Workspace): ReadableSpec;
  /** Per table: which lines are new, which change and which are unchanged. */
  stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats>;
  lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[];
  /** Problems only the workspace can tell (a figure on a line not in use), in the reader's addressed form. */
  workspaceProblems(db: Database, job: string, tables: readonly StagedTable[]): ImportProblem[];
  /**
   * Writes the staged figures, inside the import's one transaction, after the engine has created any
   * new month. Returns the subjects it added (for the summary).
   */
  apply(ws: Workspace, job: string, tables: readonly StagedTable[], source: string): void;
  /** True when applying would add something only a backup can take away again (a new subject). */
  addsStructure?(db: Database, job: string, tables: readonly StagedTable[]): boolean;
}
