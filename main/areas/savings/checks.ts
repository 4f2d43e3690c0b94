import { runSavingsChecks } from '../../../shared/areas/savings/checks';
import type { RawFinding } from '../../../shared/checks';
import type { Workspace } from '../../store/workspace';
import { reportedFigures } from './repository';
import { savingsTracker } from './service';

/** Gathers a month's tracker from the store and runs the pure check engine on it. */
export function savingsChecks(ws: Workspace, period: string): RawFinding[] {
  const tracker = savingsTracker(ws, period);
  return runSavingsChecks(
    period,
    tracker.groups.map((g) => ({ table: g.title, rows: g.rows, totals: g.totals, reported: reportedFigures(ws, period, g.directorate.id) })),
  );
}
