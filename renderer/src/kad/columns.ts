import type { CellClassParams, ColDef, ColGroupDef, EditableCallbackParams, ValueFormatterParams } from 'ag-grid-community';
import { fieldDef, type KadField } from '../../../shared/kad/model';
import { formatForEdit, type Hundredths } from '../../../shared/money';
import { KadCell, type KadCellParams } from './KadCell';
import { isEditableCell, type KadRow } from './rows';

export interface InvalidCell {
  rowKey: string;
  colId: string;
}

export interface ColumnOptions {
  serviceName: string;
  periodLabel: string;
  /** As the published header writes it: 2023/24. */
  financialYearLabel: string;
  locked: boolean;
  /** Read at render time so marking a cell invalid does not rebuild the columns. */
  invalidRef: { current: InvalidCell | null };
}

type Col = ColDef<KadRow>;

function figure(field: KadField, opts: ColumnOptions): Col {
  const def = fieldDef(field);
  const params: KadCellParams = { spokenHeader: def.header, unit: def.unit };
  return {
    colId: field,
    field,
    // The published header names the budget year on the package count only.
    headerName: field === 'expectedPackages' ? `${def.header} ${opts.financialYearLabel}` : def.header,
    // Figures share the spare width so the table fills the page; below these minimums it scrolls sideways.
    minWidth: def.unit === 'count' ? 112 : 124,
    flex: 1,
    type: 'rightAligned',
    cellRenderer: KadCell,
    cellRendererParams: params,
    editable: (p: EditableCallbackParams<KadRow>) => isEditableCell(p.data, field, opts.locked),
    cellEditor: 'agTextCellEditor',
    // The editor starts from the exact stored figure (2271.5), not the rounded display (£2,272).
    cellEditorParams: { useFormatter: true },
    valueFormatter: (p: ValueFormatterParams<KadRow>) => formatForEdit((p.value as Hundredths | null | undefined) ?? null),
    cellClassRules: {
      'kad-cell--editable': (p: CellClassParams<KadRow>) => isEditableCell(p.data, field, opts.locked),
      'kad-cell--invalid': (p: CellClassParams<KadRow>) => opts.invalidRef.current?.rowKey === p.data?.key && opts.invalidRef.current?.colId === field,
    },
  };
}

function dot(colId: 'packagesDot' | 'unitCostDot' | 'outturnDot', of: string): Col {
  const params: KadCellParams = { spokenHeader: `DoT of ${of}`, dot: true };
  return { colId, field: colId, headerName: 'DoT', width: 58, headerClass: 'kad-head--center', cellClass: 'kad-cell--dot', cellRenderer: KadCell, cellRendererParams: params };
}

/** The published table's layout: service type, then BUDGET | ACTUAL (Month Year) | Outturn bands. */
export function kadColumns(opts: ColumnOptions): (Col | ColGroupDef<KadRow>)[] {
  return [
    {
      headerName: opts.serviceName,
      groupId: 'service',
      headerClass: 'kad-band kad-band--service',
      children: [
        {
          colId: 'label',
          field: 'label',
          headerName: 'Service Type',
          pinned: 'left',
          minWidth: 230,
          flex: 1.6,
          cellAriaRole: 'rowheader',
          cellRenderer: KadCell,
          cellRendererParams: { spokenHeader: 'Service Type' } satisfies KadCellParams,
        },
      ],
    },
    {
      headerName: 'BUDGET',
      groupId: 'budget',
      headerClass: 'kad-band',
      children: [figure('expectedPackages', opts), figure('budgetUnitCost', opts), figure('annualBudgetK', opts)],
    },
    {
      headerName: `ACTUAL (${opts.periodLabel})`,
      groupId: 'actual',
      headerClass: 'kad-band',
      children: [
        figure('currentPackages', opts),
        dot('packagesDot', 'Current Care Packages'),
        figure('currentUnitCost', opts),
        dot('unitCostDot', 'Current Average Unit Cost'),
      ],
    },
    {
      headerName: 'Outturn',
      groupId: 'outturn',
      headerClass: 'kad-band',
      children: [
        figure('totalSpendK', opts),
        dot('outturnDot', 'Total spend/ income'),
        {
          colId: 'varianceK',
          field: 'varianceK',
          headerName: 'Variance',
          minWidth: 112,
          flex: 1,
          type: 'rightAligned',
          cellRenderer: KadCell,
          cellRendererParams: { spokenHeader: 'Variance', unit: 'gbp_k' } satisfies KadCellParams,
        },
      ],
    },
  ];
}
