import { useMemo } from 'react';
import type { TrackerGroup } from '../../../../shared/areas/savings/api';
import { SheetGrid } from '../../grid/SheetGrid';
import type { CellRef } from '../../grid/types';
import type { SheetActions } from '../../grid/useSheetEditing';
import { bodyRows, footRows, trackerBands, trackerColumns } from './rows';

interface Props {
  group: TrackerGroup;
  movementSince: string | null;
  lockedReason: string | null;
  invalid: CellRef | null;
  styleNonce: string | undefined;
  actions: SheetActions;
}

/** One directorate's tracker in the generic grid: original and forecast take input, the rest is worked out. */
export function TrackerGrid({ group, movementSince, lockedReason, invalid, styleNonce, actions }: Props) {
  const locked = lockedReason !== null;
  const anyReported = group.rows.some((r) => r.reportedRag !== null);
  const columns = useMemo(() => trackerColumns({ movementSince, anyReported }), [movementSince, anyReported]);
  const bands = useMemo(() => trackerBands(group), [group]);
  const body = useMemo(() => bodyRows(group, locked), [group, locked]);
  const foot = useMemo(() => footRows(group), [group]);
  return <SheetGrid columns={columns} bands={bands} body={body} foot={foot} lockedReason={lockedReason} invalid={invalid} styleNonce={styleNonce} actions={actions} />;
}
