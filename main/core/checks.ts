import { UserError } from '../../shared/api/errors';
import type { Finding } from '../../shared/checks';
import { monthLabel } from '../../shared/periods';
import { areas } from '../areas';
import type { Workspace } from '../store/workspace';
import { monthsWithData } from './months';
import { withReviews } from './reviews';

/** Every area's findings for a month, in the registry's order, with the officers' reviews. */
export function monthFindings(ws: Workspace, period: string): Finding[] {
  if (!ws.db.prepare('SELECT 1 FROM periods WHERE id = ?').get(period)) throw new UserError('not_found', `${monthLabel(period)} is not a period of this workspace.`);
  return withReviews(ws, period, areas().flatMap((a) => a.checks?.(ws, period) ?? []));
}

/** The month asked for, or every month holding figures. */
export function findingsFor(ws: Workspace, period?: string): Finding[] {
  return (period ? [period] : monthsWithData(ws)).flatMap((p) => monthFindings(ws, p));
}
