import { monthsOfFinancialYear, monthLabel } from '../../../../shared/periods';
import type { ImportColumn, ReadableSpec, RowKind } from '../../../import/spec';
import { findMonth } from '../../../import/read/names';
import type { Workspace } from '../../../store/workspace';
import { listDirectorates, listReserves } from '../repository';

/**
 * The earmarked reserve schedules (5.3.1, 5.3.2…) as files show them: the committee layout (the
 * "5.3.1 … Earmarked Reserve Schedule" title, the published columns with the month in the movements
 * header, category headings, the reserves by name, the TOTAL row) and Outturn's template (a Key column
 * naming each reserve). A schedule states each reserve's position cumulatively; the import turns it into
 * ledger entries by difference (shared/areas/reserves/difference.ts). Totals are reported values, checked.
 */
export const SCHEDULE_IMPORT_ID = 'reserves.schedule';
export const SCHEDULE_SUBJECT = 'schedule:';
export const TOTAL_ROW = 'total';

const MONTH_NAMES = monthsOfFinancialYear('2023-24').map((m) => monthLabel(m).split(' ')[0]!.toLowerCase());

export const SCHEDULE_COLUMNS: readonly ImportColumn[] = [
  { key: 'key', role: 'key', header: 'Key', aliases: ['key', 'reserve key'], required: false },
  { key: 'label', role: 'label', header: 'Budget Heading', aliases: ['budget heading', 'reserve', 'earmarked reserve'], required: false },
  { key: 'opening', role: 'input', header: "Opening Balance £'000", aliases: ['opening balance'], unit: 'gbp_000q', required: true },
  {
    key: 'movements',
    role: 'input',
    header: "Net Movements to <month> £'000",
    aliases: ['net movements to date', 'net movements', ...MONTH_NAMES.map((m) => `net movements to ${m}`)],
    unit: 'gbp_000q',
    namesMonth: true,
    required: true,
  },
  { key: 'forecast', role: 'input', header: "Forecast Year End Balance £'000", aliases: ['forecast year end balance', 'forecast year-end balance', 'forecast balance'], unit: 'gbp_000q', required: true },
  { key: 'description', role: 'info', header: 'Reserve Description', aliases: ['reserve description', 'description'], required: false },
];

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const heading = (text: string) => flat(text).replace(/\s*:\s*$/, '');

/** "5.3.1 Adults, Health and Commissioning Earmarked Reserve Schedule": the directorate's words, and a month if named. */
export function parseScheduleTitle(text: string) {
  const m = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(.*?)\s*earmarked\s+reserves?\s+schedule\b(.*)$/i.exec(text.replace(/\s+/g, ' '));
  if (!m || !m[1]) return null;
  return { subject: m[1].replace(/[–—-]\s*$/, '').trim(), month: findMonth(m[2]!) };
}

/** The schedule layout with this workspace's directorates and register looked up. */
export function readableSchedules(ws: Workspace): ReadableSpec {
  const directorates = listDirectorates(ws).map((d) => ({ id: `${SCHEDULE_SUBJECT}${d.id}`, name: d.name }));
  const register = listReserves(ws);
  const byName = new Map<string, Map<string, string>>();
  const headings = new Map<string, Set<string>>();
  for (const r of register) {
    const subject = `${SCHEDULE_SUBJECT}${r.directorateId}`;
    if (!byName.has(subject)) byName.set(subject, new Map());
    if (!headings.has(subject)) headings.set(subject, new Set());
    byName.get(subject)!.set(flat(r.name), r.id);
    if (r.category) headings.get(subject)!.add(heading(r.category));
  }
  const ids = new Map(register.map((r) => [r.id, `${SCHEDULE_SUBJECT}${r.directorateId}`]));
  return {
    id: SCHEDULE_IMPORT_ID,
    name: 'Earmarked Reserve Schedule',
    exampleTitle: '5.3.1 Adults, Health and Commissioning Earmarked Reserve Schedule',
    // A workspace without reserve directorates has nowhere to put a schedule: the layout is not offered.
    columns: directorates.length ? SCHEDULE_COLUMNS : [],
    dotAfter: {},
    rowNoun: 'reserve',
    labelHeader: 'Budget Heading',
    titledOnly: true,
    // The pack's contents lists "5.3.1 … Earmarked Reserve Schedule" word for word, with no table under it.
    titleAloneIsMention: true,
    isTitle: (text) => directorates.length > 0 && /earmarked\s+reserves?\s+schedule/i.test(text),
    parseTitle: parseScheduleTitle,
    isBandText: () => false,
    bandMonth: () => null,
    subjects: { noun: 'directorate', list: directorates, allowNew: false, idFor: () => '' },
    rowByLabel(label, subjectId): RowKind | null {
      if (!subjectId) return null;
      if (/^\s*total\b/i.test(label)) return { kind: 'reported', key: TOTAL_ROW, closesTable: true };
      const id = byName.get(subjectId)?.get(flat(label));
      const isHeading = headings.get(subjectId)?.has(heading(label)) ?? false;
      // "Traveller Health:" heads the reserve "Traveller Health": the colon, or a row without figures, tells them apart.
      if (id && !/:\s*$/.test(label)) return { kind: 'line', key: id, label, ...(isHeading ? { blankIsHeading: true } : {}) };
      return isHeading ? { kind: 'skip' } : null;
    },
    rowByKey: (key, subjectId) => (key === TOTAL_ROW ? null : ids.get(key) === subjectId ? { kind: 'line', key } : null),
  };
}
