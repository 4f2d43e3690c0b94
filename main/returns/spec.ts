import type { Target } from '../../shared/area';
import type { NumericUnitId } from '../../shared/units';
import type { Workspace } from '../store/workspace';

/**
 * Offline returns, as an area offers them: the engine (main/returns) issues one workbook per owner of
 * the area's rows for a period, holding only that owner's rows with only the owner's cells unlocked, and
 * takes them back with a preview, conflicts and tamper checks. The area says what a return holds and how
 * an accepted value is written; it never touches a workbook.
 */
export interface ReturnColumn {
  key: string;
  /** As the return's header row writes it (the published header where there is one). */
  header: string;
  /** A numeric unit (the cell holds the figure in its displayed unit) or words. */
  unit: NumericUnitId | 'text';
  /** The owner fills it in: unlocked, shaded, and read back. Every other cell is locked. */
  editable: boolean;
  /** Column width in Excel's units. */
  width: number;
  /** Editable figures: the data validation range, in the displayed unit. */
  range?: { min: number; max: number };
  /** Editable words: the longest accepted. */
  maxLength?: number;
  /** Shown when the cell is selected in Excel: what to type. */
  prompt?: string;
  /** The (locked) column holding the row's label: checked when the return comes back, so moved rows are found. */
  namesRow?: boolean;
}

/** A row's value: a figure in hundredths of its unit, words, or blank (null). */
export type ReturnValue = number | string | null;

export interface ReturnRow {
  /** Stable id of the row in the area. */
  key: string;
  /** What messages and the preview call it: a saving's title, a budget line's name. */
  label: string;
  /** Who the row's return goes to. */
  owner: string;
  /** Every column's value as it stands now. */
  values: Readonly<Record<string, ReturnValue>>;
}

export interface ReturnChange {
  rowKey: string;
  column: string;
  value: ReturnValue;
}

export interface ReturnsSpec {
  /** "budget return": what the area's return is called in messages. */
  noun: string;
  /** The return's heading for a period, for example "<Area name> return: November 2023". */
  title(ws: Workspace, period: string): string;
  /** What the person filling it in is asked to do, in one or two sentences. */
  instructions: string;
  columns: readonly ReturnColumn[];
  /** Every row of the period that has an owner, as it stands now, in the order the return lists them. */
  rows(ws: Workspace, period: string): ReturnRow[];
  /** Rows no return can carry because they have no owner, by label (the engine says so when issuing). */
  unowned(ws: Workspace, period: string): string[];
  /** An area's own rule on a returned value (the unit, range and length are the engine's): a reason, or null. */
  check?(column: string, value: ReturnValue, row: ReturnRow): string | null;
  /** Writes accepted values inside the engine's one transaction (the owner is set as the one acting). */
  apply(ws: Workspace, period: string, changes: readonly ReturnChange[]): void;
  /** The page showing the rows. */
  target(period: string): Target;
}
