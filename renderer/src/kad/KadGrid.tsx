import { financialYearOf } from '../../../shared/periods';
import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, GetRowIdParams, GridApi, RowClassRules } from 'ag-grid-community';
import type { KadTable } from '../../../shared/api/contract';
import type { KadField } from '../../../shared/kad/model';
import { gridTheme } from '../grid/setup';
import { kadColumns, type InvalidCell } from './columns';
import type { KadGridContext } from './KadCell';
import { bodyRows, footRows, isEditableCell, type KadRow } from './rows';

export interface CellEdit {
  row: KadRow;
  field: KadField;
  /** What the officer typed, untouched; parsing happens in the page so refusals are reported in one place. */
  text: string;
}

interface Props {
  table: KadTable;
  locked: boolean;
  invalid: InvalidCell | null;
  styleNonce: string | undefined;
  onEdit: (edit: CellEdit) => void;
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

export function KadGrid({ table, locked, invalid, styleNonce, onEdit, onApi }: Props) {
  const apiRef = useRef<GridApi<KadRow> | null>(null);
  const invalidRef = useRef<InvalidCell | null>(invalid);
  invalidRef.current = invalid;

  const columnDefs = useMemo(
    () => kadColumns({ serviceName: table.service.name, periodLabel: table.periodLabel, financialYearLabel: financialYearOf(table.period).replace('-', '/'), locked, invalidRef }),
    [table.service.name, table.periodLabel, table.period, locked],
  );
  const context = useMemo<KadGridContext>(() => ({ invalidRef }), []);
  const rowData = useMemo(() => bodyRows(table), [table]);
  const pinnedBottomRowData = useMemo(() => footRows(table), [table]);

  // The invalid marker is read through a ref, so the cells' classes need a nudge when it moves.
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [invalid]);

  const onCellEditRequest = (e: CellEditRequestEvent<KadRow>) => {
    const field = e.column.getColId();
    if (!isEditableCell(e.data, field, locked)) return;
    const raw: unknown = e.newValue;
    onEdit({ row: e.data, field, text: raw === null || raw === undefined ? '' : String(raw) });
  };

  return (
    <AgGridReact<KadRow>
      theme={gridTheme}
      styleNonce={styleNonce}
      columnDefs={columnDefs}
      defaultColDef={{ cellDataType: false, sortable: false, resizable: false, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true }}
      rowData={rowData}
      pinnedBottomRowData={pinnedBottomRowData}
      getRowId={getRowId}
      context={context}
      rowClassRules={rowClassRules}
      domLayout="autoHeight"
      suppressColumnVirtualisation
      readOnlyEdit
      onCellEditRequest={onCellEditRequest}
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
  );
}
