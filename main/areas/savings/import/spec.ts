import { SAVINGS_AREA_ID, SAVINGS_AREA_NAME } from '../../../../shared/areas/savings/ids';
import { TOTAL_ROW } from '../../../../shared/areas/savings/checks';
import type { ImportColumn, ReadableSpec, RowKind } from '../../../import/spec';
import type { Workspace } from '../../../store/workspace';
import { listDirectorates } from '../repository';

/**
 * Appendix 4 as files show it: the committee layout (a "4.1 … Savings Tracker Quarter 1" title, the
 * RAG column first, the savings by title, a Total row) and Outturn's template (a Key column). The RAG,
 * the variances and the totals are what the publication states: kept as reported values and checked,
 * never imported, so a RAG in a file never changes the one Outturn shows.
 */
export const SAVINGS_COLUMNS: readonly ImportColumn[] = [
  { key: 'key', role: 'key', header: 'Key', aliases: ['key', 'line key'], required: false },
  { key: 'rag', role: 'reported', header: 'RAG', aliases: ['rag', 'rag rating', 'rag status'], text: { max: 20 }, required: false },
  { key: 'bpRef', role: 'input', header: 'BP Ref', aliases: ['bp ref', 'bp reference', 'business plan ref', 'business plan reference'], text: { max: 80 }, required: true },
  { key: 'label', role: 'label', header: 'Title', aliases: ['title', 'saving'], required: false },
  { key: 'originalSaving', role: 'input', header: 'Original Saving £000', aliases: ['original saving'], unit: 'gbp_000', required: true },
  { key: 'forecastSaving', role: 'input', header: 'Forecast Saving £000', aliases: ['forecast saving'], unit: 'gbp_000', required: true },
  { key: 'variance', role: 'reported', header: 'Variance from Plan £000', aliases: ['variance from plan', 'variance'], unit: 'gbp_000', required: false },
  { key: 'pctVariance', role: 'reported', header: '% Variance', aliases: ['% variance', 'percentage variance', 'variance %'], unit: 'percent', required: false },
  { key: 'commentary', role: 'input', header: 'Commentary for publication', aliases: ['commentary for publication', 'commentary'], text: { max: 4000 }, required: false },
];

/** A committee row is named by its title: "title:" and the title as compared, until settleKeys finds its saving. */
export const TITLE_KEY = 'title:';
export const titleKey = (title: string): string => `${TITLE_KEY}${title.replace(/\s+/g, ' ').trim().toLowerCase()}`;

const TITLE = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(.*?)\s*savings\s+tracker\b(.*)$/i;

/** "4.1 Adults, Health and Commissioning Savings Tracker Quarter 1": the directorate; the appendix heading names none. */
export function parseSavingsTitle(text: string): { subject: string; month: null } | null {
  const m = TITLE.exec(text.replace(/\s+/g, ' '));
  if (!m) return null;
  const subject = m[1]!.replace(/[–—-]\s*$/, '').trim();
  return subject && !/^appendix\b/i.test(subject) ? { subject, month: null } : null;
}

export function readableSavings(ws: Workspace): ReadableSpec {
  const directorates = listDirectorates(ws);
  const ids = new Set(ws.db.prepare('SELECT id FROM savings_lines').pluck().all() as string[]);
  return {
    id: SAVINGS_AREA_ID,
    name: SAVINGS_AREA_NAME,
    exampleTitle: 'Adults, Health and Commissioning Savings Tracker Quarter 1',
    columns: SAVINGS_COLUMNS,
    dotAfter: {},
    rowNoun: 'saving',
    labelHeader: 'Title',
    isTitle: (text) => /savings\s+tracker/i.test(text),
    parseTitle: parseSavingsTitle,
    isBandText: () => false,
    bandMonth: () => null,
    subjects: { noun: 'directorate', list: directorates, allowNew: false, idFor: (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-') },
    rowByLabel(label): RowKind | null {
      if (/^\s*(grand\s+)?total\b/i.test(label)) return { kind: 'reported', key: TOTAL_ROW, closesTable: true };
      return { kind: 'line', key: titleKey(label) };
    },
    // The published tracker's Total row has no label: its figures alone.
    unlabelledRow: { kind: 'reported', key: TOTAL_ROW, closesTable: true },
    rowByKey: (key) => (ids.has(key) ? { kind: 'line', key } : null),
  };
}
