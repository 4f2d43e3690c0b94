import { useCallback, useMemo } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { KadTable } from '../../../../shared/areas/kad/api';
import { financialYearOf } from '../../../../shared/periods';
import { SheetGrid } from '../../grid/SheetGrid';
import type { CellRef, GridRow } from '../../grid/types';
import type { SheetActions } from '../../grid/useSheetEditing';
import { kadBands, kadColumns } from './columns';
import { kadCellAddress } from './history';
import { bodyRows, dotSource, footRows } from './rows';

interface Props {
  table: KadTable;
  /** Why the table cannot be edited, or null. */
  lockedReason: string | null;
  invalid: CellRef | null;
  styleNonce: string | undefined;
  actions: SheetActions;
  onApi?: (api: GridApi<GridRow> | null) => void;
}

/** A KAD table in the generic grid: its published columns and bands, and its lines, subtotals and total as rows. */
export function KadGrid({ table, lockedReason, invalid, styleNonce, actions, onApi }: Props) {
  const body = useMemo(() => bodyRows(table), [table]);
  const foot = useMemo(() => footRows(table), [table]);
  const dots = dotSource(table);
  const against = dots.kind === 'computed' ? dots.against : '';
  const options = useMemo(
    () => ({
      serviceName: table.service.name,
      periodLabel: table.periodLabel,
      financialYearLabel: financialYearOf(table.period).replace('-', '/'),
      dots: against ? ({ kind: 'computed', against } as const) : ({ kind: 'reported' } as const),
      extract: table.extract[0]?.fileName ?? null,
    }),
    [table.service.name, table.periodLabel, table.period, against, table.extract],
  );
  const columns = useMemo(() => kadColumns(options), [options]);
  const bands = useMemo(() => kadBands(options), [options]);
  const historyOf = useCallback((cell: CellRef) => kadCellAddress(table, cell), [table]);
  return (
    <SheetGrid columns={columns} bands={bands} body={body} foot={foot} lockedReason={lockedReason} invalid={invalid} styleNonce={styleNonce} actions={actions} onApi={onApi} historyOf={historyOf} />
  );
}
