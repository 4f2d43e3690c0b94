import { runKadChecks } from '../../../shared/areas/kad/checks';
import type { RawFinding as Finding } from '../../../shared/checks';
import { previousMonth } from '../../../shared/periods';
import type { Workspace } from '../../store/workspace';
import { correctionsSinceReported, getLines, getReported, hasKad, listServices, periodsWithKad } from './repository';
import { nextMonth } from '../../core/months';
import { kadSettings } from './settings';
import { extractFigures } from './extract/figures';
import { requirePeriod } from '../../store/periods';

/** Gathers one month's KAD from the store and runs the pure check engine on it. */
export function kadChecks(ws: Workspace, period: string): Finding[] {
  requirePeriod(ws, period);
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
    corrections: correctionsSinceReported(ws, period, s.id),
    extract: extractFigures(ws, period, s.id),
  }));
  return runKadChecks({ period, services, settings: kadSettings(ws, period), missingMonths });
}
