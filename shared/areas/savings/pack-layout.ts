import { formatValue } from '../../units';
import type { SavingsTracker, TrackerRowOut } from './api';
import { ragText } from './model';
import { APPENDIX_NUMBER } from './tracker';

/**
 * Appendix 4 as the FMR prints it, for both the workbook (main) and the print view (renderer): the same
 * heading, columns, cells and notes, so the two never differ.
 */
export const APPENDIX_TITLE = 'Savings Tracker';
export const APPENDIX_HEADING = `Appendix ${APPENDIX_NUMBER} – ${APPENDIX_TITLE}`;
export const KEY_TITLE = 'Key to RAG Ratings:';

export const PACK_COLUMNS = [
  { key: 'rag', header: 'RAG', width: 17 },
  { key: 'bpRef', header: 'BP Ref', width: 20 },
  { key: 'title', header: 'Title', width: 38 },
  { key: 'originalSaving', header: 'Original Saving £000', width: 11 },
  { key: 'forecastSaving', header: 'Forecast Saving £000', width: 11 },
  { key: 'variance', header: 'Variance from Plan £000', width: 11 },
  { key: 'pctVariance', header: '% Variance', width: 9 },
  { key: 'commentary', header: 'Commentary for publication', width: 62 },
] as const;
export type PackColumnKey = (typeof PACK_COLUMNS)[number]['key'];

/** "4.1 Adults, Health and Commissioning Savings Tracker Quarter 1". */
export function trackerCaption(group: SavingsTracker['groups'][number]): string {
  return `${group.number} ${group.title}`;
}

/** The RAG cell's words: the rating, marked when an officer set it. */
export function packRag(row: Pick<TrackerRowOut, 'rag' | 'overridden'>): string {
  return ragText(row.rag, row.overridden);
}

/** One line under the trackers for each officer's RAG: which saving, what the key gives, who, when and why. */
export function overrideNotes(tracker: SavingsTracker): string[] {
  return tracker.groups.flatMap((g) =>
    g.rows
      .filter((r) => r.overridden && r.ragOverride)
      .map((r) => `${g.number} ${r.title}: ${r.ragOverride!.rag} (override) set by an officer in place of the key's ${r.ruleRag ?? 'no RAG'}. Reason: ${r.ragOverride!.reason}`),
  );
}

export const OVERRIDE_HEADING = 'RAG marked (override): set by an officer in place of the Key to RAG Ratings.';

/** Said instead of the trackers in a month that publishes none. */
export function notPublishedNote(tracker: SavingsTracker): string {
  return `The savings trackers are produced quarterly; ${tracker.periodLabel} publishes none.`;
}

/** The % as printed: a whole percent ("96%"). */
export const pctShown = (v: number | null) => formatValue(v, 'percent');
