import { quarterParts, quarterPublishedIn } from '../../../shared/periods';
import { quarterPublishing } from '../../core/quarters';
import type { Workspace } from '../../store/workspace';
import { dropSnapshot, hasYear, snapshotQuarter, takeSnapshot } from './repository';

/**
 * A quarter's tracker is the register frozen when the month publishing it closes (the core's close
 * calls this inside its transaction), and is void again when that month is reopened.
 */
export function snapshotOnClose(ws: Workspace, period: string): void {
  const quarter = quarterPublishedIn(period, quarterPublishing(ws));
  if (!quarter || snapshotQuarter(ws, period)) return;
  const { financialYear } = quarterParts(quarter);
  if (hasYear(ws, financialYear)) takeSnapshot(ws, period, quarter, financialYear);
}

export function voidSnapshotOnReopen(ws: Workspace, period: string): void {
  dropSnapshot(ws, period);
}
