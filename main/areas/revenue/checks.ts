import { runRevenueChecks } from '../../../shared/areas/revenue/checks';
import type { RawFinding } from '../../../shared/checks';
import type { Workspace } from '../../store/workspace';
import { getCommentaries, getLines, getReported, hasRevenue, listDirectorates, listSections } from './repository';
import { revenueSettings } from './settings';

/** Gathers one month's revenue from the store and runs the pure check engine on it. */
export function revenueChecks(ws: Workspace, period: string): RawFinding[] {
  if (!hasRevenue(ws, period)) return [];
  const { lines, previous } = getLines(ws, period);
  return runRevenueChecks({
    period,
    directorates: listDirectorates(ws),
    sections: listSections(ws),
    lines,
    reported: getReported(ws, period),
    commentaries: new Set(getCommentaries(ws, period).filter((c) => c.body.trim() !== '').map((c) => c.subjectKey)),
    previousHeld: previous.source === 'computed',
    settings: revenueSettings(ws, period),
  });
}
