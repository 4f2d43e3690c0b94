import type { Finding } from '../../shared/checks';
import { areas } from '../areas';
import type { Workspace } from '../store/workspace';
import { monthsWithData } from './months';
import { withReviews } from './reviews';
import { requirePeriod } from '../store/periods';

/** Every area's findings for a month, in the registry's order, with the officers' reviews. */
export function monthFindings(ws: Workspace, period: string): Finding[] {
  requirePeriod(ws, period);
  return withReviews(ws, period, areas().flatMap((a) => a.checks?.(ws, period) ?? []));
}

/** The month asked for, or every month holding figures. */
export function findingsFor(ws: Workspace, period?: string): Finding[] {
  return (period ? [period] : monthsWithData(ws)).flatMap((p) => monthFindings(ws, p));
}
