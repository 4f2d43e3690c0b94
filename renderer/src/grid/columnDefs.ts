import type { CellClassParams, ColDef, ColGroupDef, EditableCallbackParams, ValueFormatterParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { cellNumber, isCarried, isEditable } from './cells';
import { SheetCell, type SheetCellParams } from './SheetCell';
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
  /** What an editor hands over when it closes; the grid's own data is never changed (the page's rows are). */
  onTypedValue: (row: GridRow, colId: string, text: unknown) => void;
}

type Col = ColDef<GridRow>;

/** The column's own classes, and the row's for this cell when the column gives one. */
function cellClassOf(column: GridColumn, fixed: string[]): Col['cellClass'] {
  const forRow = column.cellClassFor;
  if (!forRow) return fixed;
  return (p: CellClassParams<GridRow>) => {
    const extra = p.data ? forRow(p.data) : undefined;
    return extra ? [...fixed, extra] : fixed;
  };
}

function columnDef(column: GridColumn, opts: ColumnDefOptions): Col {
  const { colId, kind } = column;
  const width = opts.widths.get(colId) ?? column.minWidth ?? 80;
  const numeric = kind === 'figure' || kind === 'computed';
  const params: SheetCellParams = { gridColumn: column };
  const def: Col = {
    colId,
    headerName: column.header,
    headerTooltip: column.tooltip,
    valueGetter: (p: ValueGetterParams<GridRow>) => (!p.data ? null : kind === 'label' ? p.data.label : (p.data.values[colId] ?? null)),
    cellRenderer: SheetCell,
    cellRendererParams: params,
    // Dots keep their measured width; the other columns share any spare width, never going below theirs.
    // A wrapping text column keeps its width and its rows grow to the wrapped text.
    ...(kind === 'dot' ? { width } : column.wrapWidth ? { width, wrapText: true, autoHeight: true } : { minWidth: width, flex: 1 }),
    cellClass: cellClassOf(column, [...(numeric ? ['ag-right-aligned-cell'] : []), ...(kind === 'dot' ? ['sheet-cell--dot'] : []), ...(column.cellClass ? [column.cellClass] : [])]),
    ...(numeric ? { type: 'rightAligned' } : {}),
    ...(kind === 'dot' ? { headerClass: 'sheet-head--center' } : {}),
    cellClassRules: {
      'sheet-cell--selected': (p: CellClassParams<GridRow>) => opts.isSelected(p.data?.key, colId),
      'sheet-cell--editable': (p: CellClassParams<GridRow>) => isEditable(p.data, column, opts.locked),
      'sheet-cell--carried': (p: CellClassParams<GridRow>) => isCarried(p.data, colId),
      'sheet-cell--invalid': (p: CellClassParams<GridRow>) => opts.invalidRef.current?.rowKey === p.data?.key && opts.invalidRef.current?.colId === colId,
    },
  };
  if (kind === 'label') return { ...def, pinned: 'left', cellAriaRole: 'rowheader' };
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
