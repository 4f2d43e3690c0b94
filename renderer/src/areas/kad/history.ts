import type { CellAddress } from '../../../../shared/audit';
import type { KadTable } from '../../../../shared/areas/kad/api';
import { KAD_LINE_COLUMNS, KAD_LINE_TABLE, type KadField } from '../../../../shared/areas/kad/model';
import type { CellRef } from '../../grid/types';

/** Where a KAD grid cell's figure is kept (a line's figure), for its history; null for labels, totals and worked-out columns. */
export function kadCellAddress(table: KadTable, cell: CellRef): CellAddress | null {
  const line = table.lines.find((l) => l.key === cell.rowKey);
  if (!line || !Object.prototype.hasOwnProperty.call(KAD_LINE_COLUMNS, cell.colId)) return null;
  return { table: KAD_LINE_TABLE, key: { period: table.period, service_id: table.service.id, line_key: line.key }, field: KAD_LINE_COLUMNS[cell.colId as KadField] };
}
