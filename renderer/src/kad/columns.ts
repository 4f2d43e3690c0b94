import type { CellClassParams, CellClassRules, ColDef, ColGroupDef, EditableCallbackParams, ValueFormatterParams } from 'ag-grid-community';
import { fieldDef, type KadField } from '../../../shared/areas/kad/model';
import { formatForEdit, type Hundredths } from '../../../shared/units';
import { KadCell, type KadCellParams } from './KadCell';
import { isCarriedCell, isEditableCell, type DotSource, type KadRow } from './rows';
import { sheetColumn } from './sheet';

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
  dots: DotSource;
  /** Read at render time so marking a cell invalid does not rebuild the columns. */
  invalidRef: { current: InvalidCell | null };
  /** Read at render time for the same reason: the selection moves with every Shift+arrow. */
  isSelected: (rowKey: string | undefined, colId: string) => boolean;
}

type Col = ColDef<KadRow>;

export const RUN_RATE_DESCRIPTION = 'Current packages × current weekly unit cost × 52.14 weeks ÷ 1,000; information only — it never changes your figures.';

function classRules(colId: string, opts: ColumnOptions, extra: CellClassRules<KadRow> = {}): CellClassRules<KadRow> {
  return {
    'kad-cell--selected': (p: CellClassParams<KadRow>) => opts.isSelected(p.data?.key, colId),
    ...extra,
  };
}

function spoken(colId: string): string {
  return sheetColumn(colId)?.header ?? colId;
}

function figure(field: KadField, opts: ColumnOptions): Col {
  const def = fieldDef(field);
  const params: KadCellParams = { spokenHeader: def.header, unit: def.unit };
  return {
    colId: field,
    field,
    // The published header names the budget year on the package count only.
    headerName: field === 'expectedPackages' ? `${def.header} ${opts.financialYearLabel}` : def.header,
    // Figures share the spare width so the table fills the page; below these minimums it scrolls sideways.
    minWidth: def.unit === 'count' ? 82 : 96,
    flex: 1,
    type: 'rightAligned',
    cellRenderer: KadCell,
    cellRendererParams: params,
    editable: (p: EditableCallbackParams<KadRow>) => isEditableCell(p.data, field, opts.locked),
    cellEditor: 'agTextCellEditor',
    // The editor starts from the exact stored figure (2271.5), not the rounded display (£2,272).
    cellEditorParams: { useFormatter: true },
    valueFormatter: (p: ValueFormatterParams<KadRow>) => formatForEdit((p.value as Hundredths | null | undefined) ?? null),
    cellClassRules: classRules(field, opts, {
      'kad-cell--editable': (p: CellClassParams<KadRow>) => isEditableCell(p.data, field, opts.locked),
      'kad-cell--carried': (p: CellClassParams<KadRow>) => isCarriedCell(p.data, field),
      'kad-cell--invalid': (p: CellClassParams<KadRow>) => opts.invalidRef.current?.rowKey === p.data?.key && opts.invalidRef.current?.colId === field,
    }),
  };
}

function dot(colId: 'packagesDot' | 'unitCostDot' | 'outturnDot', opts: ColumnOptions): Col {
  const params: KadCellParams = { spokenHeader: spoken(colId), dot: opts.dots };
  return { colId, field: colId, headerName: 'DoT', width: 44, headerClass: 'kad-head--center', cellClass: 'kad-cell--dot', cellRenderer: KadCell, cellRendererParams: params, cellClassRules: classRules(colId, opts) };
}

function computed(colId: 'varianceK' | 'runRateK' | 'runRateVsBudgetK' | 'runRateVsOutturnK', headerName: string, opts: ColumnOptions, cellClass?: string): Col {
  const params: KadCellParams = { spokenHeader: spoken(colId), unit: 'gbp_k' };
  return { colId, field: colId, headerName, headerTooltip: colId === 'varianceK' ? undefined : RUN_RATE_DESCRIPTION, minWidth: colId === 'varianceK' ? 86 : 90, flex: 1, type: 'rightAligned', cellClass: ['ag-right-aligned-cell', ...(cellClass ? [cellClass] : [])], cellRenderer: KadCell, cellRendererParams: params, cellClassRules: classRules(colId, opts) };
}

/**
 * The narrowest the grid can be. The page scrolls sideways below it rather than the grid: AG Grid's own
 * horizontal scrollbar, under autoHeight, covers the last body row.
 */
export function minGridWidth(defs: readonly (Col | ColGroupDef<KadRow>)[]): number {
  let total = 2; // the grid's outer borders
  for (const d of defs) {
    if ('children' in d) total += minGridWidth(d.children) - 2;
    else total += d.minWidth ?? d.width ?? 0;
  }
  return total;
}

/** The published table's layout: service type, then BUDGET | ACTUAL (Month Year) | Outturn bands, then the run rate. */
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
          minWidth: 216,
          flex: 1.6,
          cellAriaRole: 'rowheader',
          cellRenderer: KadCell,
          cellRendererParams: { spokenHeader: 'Service Type' } satisfies KadCellParams,
          cellClassRules: classRules('label', opts),
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
      children: [figure('currentPackages', opts), dot('packagesDot', opts), figure('currentUnitCost', opts), dot('unitCostDot', opts)],
    },
    {
      headerName: 'Outturn',
      groupId: 'outturn',
      headerClass: 'kad-band',
      children: [figure('totalSpendK', opts), dot('outturnDot', opts), computed('varianceK', 'Variance', opts)],
    },
    {
      headerName: 'Run rate',
      groupId: 'runRate',
      headerClass: 'kad-band kad-band--runrate',
      headerTooltip: RUN_RATE_DESCRIPTION,
      children: [
        computed('runRateK', 'Full year at run rate', opts, 'kad-cell--runrate'),
        computed('runRateVsBudgetK', 'vs Annual Budget', opts, 'kad-cell--runrate'),
        computed('runRateVsOutturnK', 'vs Total spend', opts, 'kad-cell--runrate'),
      ],
    },
  ];
}
