import type { CellAddress } from '../../../../shared/audit';
import type { RevenueTable } from '../../../../shared/areas/revenue/api';
import { isEnteredField, REVENUE_LINE_COLUMNS, REVENUE_LINE_TABLE } from '../../../../shared/areas/revenue/model';
import type { CellRef } from '../../grid/types';

/** Where an Appendix 1 cell's figure is kept (a line's entered figure), for its history; null for labels, totals and worked-out columns. */
export function revenueCellAddress(table: RevenueTable, cell: CellRef): CellAddress | null {
  if (!isEnteredField(cell.colId) || !table.lines.some((l) => l.key === cell.rowKey)) return null;
  return { table: REVENUE_LINE_TABLE, key: { period: table.period, line_key: cell.rowKey }, field: REVENUE_LINE_COLUMNS[cell.colId] };
}
