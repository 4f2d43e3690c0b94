import type { UnitOptions } from '../../../shared/units';
import type { CellNumber, UnitId } from './units';

/**
 * The spreadsheet grid's model. An area describes its table with these
 * plain objects; the grid renders, edits, selects, copies and pastes them without knowing the area.
 */

/**
 * label: the row labels (pinned on the left); figure: a number officers type; computed: a number the
 * area works out (never typed); dot: a direction-of-travel arrow; text: words shown as they are.
 */
export type ColumnKind = 'label' | 'figure' | 'computed' | 'dot' | 'text';

export interface GridColumn {
  colId: string;
  /** As the published table heads it. */
  header: string;
  /** As a screen reader should hear it and as messages name it ("DoT of Current Care Packages"). */
  spokenHeader: string;
  /** The id of the band (column group) above it: BUDGET, ACTUAL, Outturn… */
  band: string;
  kind: ColumnKind;
  /** figure and computed columns: the unit their values are held, shown and typed in. */
  unit?: UnitId;
  /** What a count counts ("care packages"), a percentage's decimals: for the unit's messages and display. */
  unitOptions?: UnitOptions;
  /** The narrowest the column may be, in CSS pixels; the grid widens it to fit its content. */
  minWidth?: number;
  /**
   * text columns: wrap the words within this width in CSS pixels, the row growing to fit (a reserve's
   * description), rather than widening the column to its longest text.
   */
  wrapWidth?: number;
  tooltip?: string;
  /** dot columns: said after the arrow ("compared with August 2023"); muted arrows are shown in grey. */
  arrowNote?: string;
  arrowsMuted?: boolean;
  /** Extra CSS class on its cells (a band's shading). */
  cellClass?: string;
}

export interface GridBand {
  id: string;
  header: string;
  tooltip?: string;
  /** Extra CSS class on the band's header cell. */
  headerClass?: string;
  /** The band's header aligns left (above the row labels) rather than centred. */
  alignStart?: boolean;
}

/** Row kinds the grid styles itself; an area may add its own (each row gets a `sheet-row--<kind>` class). */
export type RowKind = 'group' | 'line' | 'subtotal' | 'total' | (string & {});

/** What a cell holds: an exact number (hundredths), a word (an arrow: up, down, flat; a text), or blank. */
export type CellContent = CellNumber | string;

export interface GridRow {
  /** Unique across the body and the pinned rows. */
  key: string;
  label: string;
  kind: RowKind;
  values: Readonly<Record<string, CellContent | undefined>>;
  /** The columns officers may type into on this row (an area's rule; a locked table overrides it). */
  editable: readonly string[];
  /** Cells shown as carried forward from last month and not yet updated. */
  carried?: readonly string[];
  /** Greyed out: nothing on the row takes input and screen readers hear it as disabled. */
  disabled?: boolean;
  /** Why a paste cannot land on this row's non-editable figure cells: "lands on Nursing Dementia, a type…". */
  refusal?: string;
}

/** Where a cell is, by row key and column id: stable when the rows are rebuilt after a save. */
export interface CellRef {
  rowKey: string;
  colId: string;
}

/** One figure to save; a batch of them is one undoable step. */
export interface CellChange extends CellRef {
  value: CellNumber;
}

/** The grid as the clipboard sees it: body rows, then the pinned foot, across the displayed columns. */
export interface Sheet {
  body: readonly GridRow[];
  foot: readonly GridRow[];
  columns: readonly GridColumn[];
  locked: boolean;
}

export interface Problem extends CellRef {
  message: string;
}

export type Plan = { ok: true; cells: CellChange[] } | { ok: false; problems: Problem[] };
