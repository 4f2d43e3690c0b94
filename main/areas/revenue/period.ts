import { areasMissingCommentary, serviceAreas } from '../../../shared/areas/revenue/commentary';
import type { Workspace } from '../../store/workspace';
import { getCommentaries, getLines, getNarratives, hasRevenue, listSections } from './repository';
import { revenueSettings } from './settings';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What of the month's revenue is not ready for the pack, in the officer's words. */
export function revenueNotReady(ws: Workspace, period: string): string[] {
  if (!hasRevenue(ws, period)) return [];
  const settings = revenueSettings(ws, period);
  const commentaries = getCommentaries(ws, period);
  const written = new Set(commentaries.filter((c) => c.body.trim()).map((c) => c.subjectKey));
  const missing = areasMissingCommentary(serviceAreas(listSections(ws), getLines(ws, period).lines, settings.pctBaseCommentary), written, settings);
  const drafts = commentaries.filter((c) => c.carried).length;
  const narrativeDrafts = [...getNarratives(ws, period).values()].filter((n) => n.carried).length;
  return [
    ...(missing.length ? [`${plural(missing.length, 'service area needs', 'service areas need')} a commentary (${missing.map((a) => a.label).join(', ')}).`] : []),
    ...(drafts ? [`${plural(drafts, 'commentary is', 'commentaries are')} still last month's text, carried forward as a draft.`] : []),
    ...(narrativeDrafts ? [`${plural(narrativeDrafts, 'narrative section is', 'narrative sections are')} still last month's text, carried forward as a draft.`] : []),
  ];
}
