import type { ColDef, ColGroupDef, EditableCallbackParams, ValueFormatterParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { cellNumber, isCarried, isEditable } from './cells';
import { SheetCell, type SheetCellParams } from './SheetCell';
import { widthOf } from './sizing';
import type { CellRef, GridBand, GridColumn, GridRow } from './types';
import { formatCellForEdit } from './units';

export interface ColumnDefOptions {
  /** Minimum widths from the content (grid/sizing.ts). */
  widths: ReadonlyMap<string, number>;
  locked: boolean;
  /** Read at render time so marking a cell invalid does not rebuild the columns. */
  invalidRef: { current: CellRef | null };
  /** Read at render time for the same reason: the selection moves with every Shift+arrow. */
  isSelected: (rowKey: string | undefined, colId: string) => boolean;
  /**
   * Whether the row labels stay at the left while the grid scrolls sideways (sizing.ts, scrollsSideways).
   * Not pinned when everything fits: a pinned column draws each row in two parts, which costs every
   * scrolled frame, and looks no different when nothing scrolls sideways.
   */
  pinLabels: boolean;
  /** What an editor hands over when it closes; the grid's own data is never changed (the page's rows are). */
  onTypedValue: (row: GridRow, colId: string, text: unknown) => void;
}

type Col = ColDef<GridRow>;

/**
 * Every class of a cell, from one function: the column's own, the row's for this cell when the column
 * gives one, and the cell's state (selected, editable, carried forward, refused). SheetCell applies them
 * itself, changing only the classes that differ: AG Grid's own cellClass takes every class off and puts it
 * back on each refresh, so each edited figure and each total it moved was styled again from scratch
 * (README, Benchmarks).
 */
function classesOf(column: GridColumn, fixed: readonly string[], opts: ColumnDefOptions): (row: GridRow | undefined) => string[] {
  const { colId } = column;
  const forRow = column.cellClassFor;
  return (row) => {
    const classes = [...fixed];
    if (!row) return classes;
    const extra = forRow?.(row);
    if (extra) classes.push(extra);
    if (opts.isSelected(row.key, colId)) classes.push('sheet-cell--selected');
    if (isEditable(row, column, opts.locked)) classes.push('sheet-cell--editable');
    if (isCarried(row, colId)) classes.push('sheet-cell--carried');
    const refused = opts.invalidRef.current;
    if (refused?.rowKey === row.key && refused.colId === colId) classes.push('sheet-cell--invalid');
    return classes;
  };
}

function columnDef(column: GridColumn, opts: ColumnDefOptions): Col {
  const { colId, kind } = column;
  const width = widthOf(column, opts.widths);
  const numeric = kind === 'figure' || kind === 'computed';
  const fixed = [...(numeric ? ['ag-right-aligned-cell'] : []), ...(kind === 'dot' ? ['sheet-cell--dot'] : []), ...(column.cellClass ? [column.cellClass] : [])];
  const params: SheetCellParams = { gridColumn: column, classesOf: classesOf(column, fixed, opts) };
  const def: Col = {
    colId,
    headerName: column.header,
    headerTooltip: column.tooltip,
    valueGetter: (p: ValueGetterParams<GridRow>) => (!p.data ? null : kind === 'label' ? p.data.label : (p.data.values[colId] ?? null)),
    cellRenderer: SheetCell,
    cellRendererParams: params,
    // Dots keep their measured width; the figures share any spare width, never going below theirs. A
    // wrapping text column keeps its width and its rows grow to the wrapped text. The labels never flex,
    // pinned or not, so the grid looks the same either way (sizing.ts, scrollsSideways).
    ...(kind === 'dot' ? { width } : column.wrapWidth ? { width, wrapText: true, autoHeight: true } : kind === 'label' ? { minWidth: width } : { minWidth: width, flex: 1 }),
    // Not AG Grid's rightAligned type: it brings a cellClass, which AG Grid churns (classesOf above).
    ...(numeric ? { headerClass: 'ag-right-aligned-header' } : {}),
    ...(kind === 'dot' ? { headerClass: 'sheet-head--center' } : {}),
  };
  // null, not undefined: AG Grid keeps a column's pinning when a new definition leaves it out.
  if (kind === 'label') return { ...def, pinned: opts.pinLabels ? 'left' : null, cellAriaRole: 'rowheader' };
  if (kind !== 'figure' || !column.unit) return def;
  const unit = column.unit;
  return {
    ...def,
    editable: (p: EditableCallbackParams<GridRow>) => isEditable(p.data, column, opts.locked),
    cellEditor: 'agTextCellEditor',
    // The editor starts from the exact stored figure (2271.5), not the rounded display (£2,272).
    cellEditorParams: { useFormatter: true },
    valueFormatter: (p: ValueFormatterParams<GridRow>) => (p.data ? formatCellForEdit(unit, cellNumber(p.data, colId)) : ''),
    // Returns false: the row object is the page's and stays as it is; the page saves and hands new rows.
    valueSetter: (p: ValueSetterParams<GridRow>) => {
      if (p.data) opts.onTypedValue(p.data, colId, p.newValue);
      return false;
    },
  };
}

/** The columns under their bands, in the order given; consecutive columns of one band share its header. */
export function columnDefs(columns: readonly GridColumn[], bands: readonly GridBand[], opts: ColumnDefOptions): ColGroupDef<GridRow>[] {
  const groups: ColGroupDef<GridRow>[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last && last.groupId === column.band) {
      last.children.push(columnDef(column, opts));
      continue;
    }
    const band = bands.find((b) => b.id === column.band);
    groups.push({
      groupId: column.band,
      headerName: band?.header ?? '',
      headerTooltip: band?.tooltip,
      headerClass: ['sheet-band', ...(band?.alignStart ? ['sheet-band--start'] : []), ...(band?.headerClass ? [band.headerClass] : [])],
      // A long band name (a service's, over the labels) wraps between words rather than being cut off.
      wrapHeaderText: true,
      autoHeaderHeight: true,
      children: [columnDef(column, opts)],
    });
  }
  return groups;
}
