import { runKadChecks, type Finding } from '../../shared/kad/checks';
import { monthLabel, previousMonth } from '../../shared/periods';
import { UserError } from '../../shared/api/errors';
import type { Workspace } from '../store/workspace';
import { getLines, getReported, hasKad, listServices, periodsWithKad } from './repository';
import { nextMonth } from './rollforward';
import { kadSettings } from './settings';

/** Gathers one month's KAD from the store and runs the pure check engine on it. */
export function kadChecks(ws: Workspace, period: string): Finding[] {
  if (!ws.db.prepare('SELECT 1 FROM periods WHERE id = ?').get(period)) throw new UserError('not_found', `${monthLabel(period)} is not a period of this workspace.`);
  const held = periodsWithKad(ws);
  const missingMonths: string[] = [];
  if (held.length && held[0]! < period) {
    for (let m = held[0]!; m < period; m = nextMonth(m)) if (!held.includes(m)) missingMonths.push(m);
  }
  const prev = previousMonth(period);
  const prevHeld = hasKad(ws, prev);
  const services = listServices(ws).map((s) => ({
    id: s.id,
    name: s.name,
    lines: getLines(ws, period, s.id),
    reported: getReported(ws, period, s.id),
    previous: prevHeld ? getLines(ws, prev, s.id) : null,
  }));
  return runKadChecks({ period, services, settings: kadSettings(ws), missingMonths });
}

/** Every month holding data, or the one asked for. */
export function kadChecksFor(ws: Workspace, period?: string): Finding[] {
  const periods = period ? [period] : periodsWithKad(ws);
  return periods.flatMap((p) => kadChecks(ws, p));
}
