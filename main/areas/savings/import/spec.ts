import { SAVINGS_AREA_ID, SAVINGS_AREA_NAME } from '../../../../shared/areas/savings/ids';
import { TOTAL_ROW } from '../../../../shared/areas/savings/checks';
import type { ImportColumn, Named, ReadableSpec, RowKind } from '../../../import/spec';
import type { FoundMonth } from '../../../import/read/names';
import { quarterPublishing } from '../../../core/quarters';
import { monthLabel, quarterId, quarterPublishingMonth } from '../../../../shared/periods';
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

/**
 * "4.1 Adults, Health and Commissioning Savings Tracker Quarter 1": a directorate's tracker, and the month
 * that publishes its quarter (`monthOfQuarter`); the appendix heading and a contents line name no directorate.
 */
export function parseSavingsTitle(text: string, directorates: readonly Named[], monthOfQuarter: (n: number) => FoundMonth | null): { subject: string; month: FoundMonth | null } | null {
  const m = TITLE.exec(text.replace(/\s+/g, ' '));
  if (!m) return null;
  const subject = m[1]!.replace(/[–—-]\s*$/, '').trim();
  if (!subject || !directorates.some((d) => subject.toLowerCase().includes(d.name.toLowerCase()))) return null;
  const quarter = /\bquarter\s*([1-4])\b/i.exec(m[2]!);
  return { subject, month: quarter ? monthOfQuarter(Number(quarter[1])) : null };
}

/** "Appendix 4 – Savings Tracker (Quarter 1 2023/24)": the financial year the file's trackers are of. */
export function headingYear(text: string): string | null {
  const m = /savings\s+tracker\s*\(\s*quarter\s*[1-4]\s+(20\d{2})\s*[/-]\s*(\d{2})\s*\)/i.exec(text);
  return m ? `${m[1]}-${m[2]}` : null;
}

/**
 * The month publishing Quarter n of the latest year the register holds whose publishing month is a
 * month of this workspace: "Quarter 1" in the demo is August 2023.
 */
function quarterMonth(ws: Workspace, fileYear: () => string | null): (n: number) => FoundMonth | null {
  const years = ws.db.prepare('SELECT DISTINCT financial_year FROM savings_lines ORDER BY financial_year DESC').pluck().all() as string[];
  const periods = new Set(ws.db.prepare('SELECT id FROM periods').pluck().all() as string[]);
  const publishing = quarterPublishing(ws);
  const said = (n: number, fy: string, month: string) => `Quarter ${n} ${fy.replace('-', '/')} (published in ${monthLabel(month)})`;
  return (n) => {
    // The year the appendix heading names comes first: the file says it.
    const named = fileYear();
    if (named) {
      const month = quarterPublishingMonth(quarterId(named, n as 1 | 2 | 3 | 4), publishing);
      return { period: month, said: said(n, named, month) };
    }
    for (const fy of years) {
      const month = quarterPublishingMonth(quarterId(fy, n as 1 | 2 | 3 | 4), publishing);
      if (periods.has(month)) return { period: month, said: said(n, fy, month) };
    }
    return null;
  };
}

export function readableSavings(ws: Workspace): ReadableSpec {
  const directorates = listDirectorates(ws);
  const ids = new Set(ws.db.prepare('SELECT id FROM savings_lines').pluck().all() as string[]);
  // Per file (the engine asks for a readable spec per file): the year its appendix heading names.
  let year: string | null = null;
  const byQuarter = quarterMonth(ws, () => year);
  return {
    id: SAVINGS_AREA_ID,
    name: SAVINGS_AREA_NAME,
    exampleTitle: 'Adults, Health and Commissioning Savings Tracker Quarter 1',
    columns: SAVINGS_COLUMNS,
    dotAfter: {},
    rowNoun: 'saving',
    labelHeader: 'Title',
    // A tracker is found by its title (or, in the template, its Key column), never by headers alone.
    titledOnly: true,
    isTitle: (text) => /savings\s+tracker/i.test(text),
    parseTitle: (text) => {
      year = headingYear(text) ?? year;
      return parseSavingsTitle(text, directorates, byQuarter);
    },
    isBandText: () => false,
    bandMonth: () => null,
    subjects: { noun: 'directorate', list: directorates, allowNew: false, idFor: (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-') },
    rowByLabel(label): RowKind | null {
      if (/^\s*(grand\s+)?total\b/i.test(label)) return { kind: 'reported', key: TOTAL_ROW, closesTable: true };
      return { kind: 'line', key: titleKey(label) };
    },
    // The published tracker's Total row has no label: its figures alone.
    unlabelledRow: { kind: 'reported', key: TOTAL_ROW, closesTable: true },
    // A key this workspace does not hold is a saving from another workspace's template: added under that id.
    rowByKey: (key) => (ids.has(key) || /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(key) ? { kind: 'line', key } : null),
  };
}
