import { financialYearOf } from '../../../shared/periods';
import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { TooltipModule, type CellEditRequestEvent, type ColDef, type GetRowIdParams, type GridApi, type RowClassRules } from 'ag-grid-community';
import type { KadTable } from '../../../shared/areas/kad/api';
import type { KadField } from '../../../shared/areas/kad/model';
import { gridTheme } from '../grid/setup';
import { kadColumns, minGridWidth, type InvalidCell } from './columns';
import type { KadGridContext } from './KadCell';
import { bodyRows, dotSource, footRows, isEditableCell, type KadRow } from './rows';
import { SHEET_COLUMNS } from './sheet';
import { suppressSheetKeys, useSheetEditing, type SheetActions } from './useSheetEditing';

export interface CellEdit {
  row: KadRow;
  field: KadField;
  /** What the officer typed, untouched; parsing happens in the page so refusals are reported in one place. */
  text: string;
}

interface Props {
  table: KadTable;
  /** Why the table cannot be edited, or null. */
  lockedReason: string | null;
  invalid: InvalidCell | null;
  styleNonce: string | undefined;
  onEdit: (edit: CellEdit) => void;
  actions: SheetActions;
  onApi?: (api: GridApi<KadRow> | null) => void;
}

// Rules, not getRowClass: rules are re-evaluated when a row's data changes (an undo can flip inUse).
const rowClassRules: RowClassRules<KadRow> = {
  'kad-row--group': (p) => p.data?.kind === 'group',
  'kad-row--line': (p) => p.data?.kind === 'line',
  'kad-row--care': (p) => p.data?.kind === 'care_contributions',
  'kad-row--subtotal': (p) => p.data?.kind === 'subtotal',
  'kad-row--total': (p) => p.data?.kind === 'total',
  'kad-row--unused': (p) => p.data?.inUse === false,
};

const getRowId = (p: GetRowIdParams<KadRow>) => p.data.key;

// One object for the grid's life: a new one on each render would make AG Grid rebuild its columns.
const DEFAULT_COL_DEF: ColDef<KadRow> = { cellDataType: false, sortable: false, resizable: false, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true, suppressKeyboardEvent: suppressSheetKeys };

// Registered for this grid only: the run-rate header explains its formula as a browser tooltip.
const GRID_MODULES = [TooltipModule];

export function KadGrid({ table, lockedReason, invalid, styleNonce, onEdit, actions, onApi }: Props) {
  const locked = lockedReason !== null;
  const hostRef = useRef<HTMLDivElement>(null);
  const invalidRef = useRef<InvalidCell | null>(invalid);
  invalidRef.current = invalid;

  const rowData = useMemo(() => bodyRows(table), [table]);
  const pinnedBottomRowData = useMemo(() => footRows(table), [table]);
  const sheet = useMemo(() => ({ body: rowData, foot: pinnedBottomRowData, columns: SHEET_COLUMNS, locked }), [rowData, pinnedBottomRowData, locked]);
  const editing = useSheetEditing(sheet, lockedReason, hostRef, actions);
  const { apiRef, context: sheetContext } = editing;

  const dots = dotSource(table);
  const dotsKey = dots.kind === 'computed' ? dots.against : '';
  const columnDefs = useMemo(
    () =>
      kadColumns({
        serviceName: table.service.name,
        periodLabel: table.periodLabel,
        financialYearLabel: financialYearOf(table.period).replace('-', '/'),
        locked,
        dots: dotsKey ? { kind: 'computed', against: dotsKey } : { kind: 'reported' },
        invalidRef,
        isSelected: sheetContext.isSelected,
      }),
    [table.service.name, table.periodLabel, table.period, locked, dotsKey, sheetContext],
  );
  const context = useMemo<KadGridContext>(() => ({ invalidRef, isSelected: sheetContext.isSelected }), [sheetContext]);

  // The invalid marker is read through a ref, so the cells' classes need a nudge when it moves.
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [invalid, apiRef]);

  const onCellEditRequest = (e: CellEditRequestEvent<KadRow>) => {
    const field = e.column.getColId();
    if (!isEditableCell(e.data, field, locked)) return;
    const raw: unknown = e.newValue;
    onEdit({ row: e.data, field, text: raw === null || raw === undefined ? '' : String(raw) });
  };

  return (
    <div ref={hostRef} className="kad-sheet" style={{ minWidth: minGridWidth(columnDefs) }}>
      <AgGridReact<KadRow>
        modules={GRID_MODULES}
        theme={gridTheme}
        styleNonce={styleNonce}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        rowData={rowData}
        pinnedBottomRowData={pinnedBottomRowData}
        getRowId={getRowId}
        context={context}
        rowClassRules={rowClassRules}
        domLayout="autoHeight"
        suppressColumnVirtualisation
        enableBrowserTooltips
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={editing.onCellFocused}
        onCellClicked={editing.onCellClicked}
        onCellEditingStarted={editing.onCellEditingStarted}
        // Enter on a cell starts editing (as the brief asks, like F2); Enter in the editor commits and moves down.
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressDragLeaveHidesColumns
        onGridReady={(e) => {
          apiRef.current = e.api;
          onApi?.(e.api);
        }}
        onGridPreDestroyed={() => {
          apiRef.current = null;
          onApi?.(null);
        }}
      />
    </div>
  );
}
