import { ENTERED_FIELDS, lineKeyFor, type Directorate, type EnteredField } from '../../../../shared/areas/revenue/model';
import { REVENUE_AREA_ID } from '../../../../shared/areas/revenue/ids';
import { appendixRows, planAppendix } from '../../../../shared/areas/revenue/totals';
import type { ImportColumn, ReadableSpec, RowKind } from '../../../import/spec';
import { findMonth, type FoundMonth } from '../../../import/read/names';
import type { Workspace } from '../../../store/workspace';
import { getLines, listDirectorates, listSections } from '../repository';

/**
 * Appendix 1 (1a, 1b…) as files show it: the committee layout (title, the published columns, headings,
 * lines, heading totals, the directorate's totals and mitigations) and Outturn's template (a Key column,
 * lines only). Lines' gross, income, actual and forecast variance are imported; the previous month's
 * variance, net budget and % of a line, and every total, are kept as reported values and checked.
 */
export const REVENUE_IMPORT_ID = REVENUE_AREA_ID;

const INPUT: Record<EnteredField, { header: string; aliases: readonly string[] }> = {
  grossBudget: { header: 'Gross Budget', aliases: ['gross budget', 'gross'] },
  incomeBudget: { header: 'Income Budget', aliases: ['income budget', 'income'] },
  actual: { header: 'Actual', aliases: ['actual', 'actuals', 'actual to date'] },
  forecastVariance: { header: 'Forecast Outturn Variance', aliases: ['forecast outturn variance', 'forecast variance'] },
};

export const REVENUE_COLUMNS: readonly ImportColumn[] = [
  { key: 'key', role: 'key', header: 'Key', aliases: ['key', 'line key'], required: false },
  { key: 'previousVariance', role: 'reported', header: 'Forecast Outturn Variance (Previous)', aliases: ['forecast outturn variance (previous)', 'previous forecast outturn variance', 'previous variance'], unit: 'gbp_000', required: false },
  { key: 'committee', role: 'info', header: 'Committee', aliases: ['committee'], required: false },
  { key: 'label', role: 'label', header: 'Budget Line', aliases: ['budget line', 'budget lines', 'service'], required: false },
  ...ENTERED_FIELDS.map((f) => ({ key: f, role: 'input' as const, header: INPUT[f].header, aliases: INPUT[f].aliases, unit: 'gbp_000' as const, required: true })),
  { key: 'netBudget', role: 'reported', header: 'Net Budget', aliases: ['net budget', 'net'], unit: 'gbp_000', required: false },
  { key: 'variancePct', role: 'reported', header: 'Forecast Outturn Variance %', aliases: ['forecast outturn variance %', 'forecast outturn variance (%)', 'forecast variance %', '%'], unit: 'percent', required: false },
];

const TITLE = /^\s*appendix\s+(\d+[a-z]?)\s*[–—-]\s*detailed financial information\s*[–—-]\s*(.+)$/i;

/** "Appendix 1a – Detailed Financial Information - Adults, Health and Commissioning" (a month after a comma, if any). */
export function parseRevenueTitle(text: string): { subject: string; month: FoundMonth | null } | null {
  const m = TITLE.exec(text.replace(/\s+/g, ' '));
  if (!m) return null;
  const rest = m[2]!.trim();
  const month = findMonth(rest);
  return { subject: month ? rest.replace(/,[^,]*$/, '').trim() : rest, month };
}

const flat = (label: string) => label.replace(/\s+/g, ' ').trim().toLowerCase();

type Named = Exclude<RowKind, { kind: 'skip' }>;

/**
 * Per directorate: each label the committee table shows, and the rows it names in table order (the
 * published Appendix 1b has "General Prevention Activities" as heading, line and the heading's total).
 */
function rowIndex(ws: Workspace, directorates: readonly Directorate[]): Map<string, Map<string, RowKind[]>> {
  const sections = listSections(ws);
  const latest = ws.db.prepare('SELECT MAX(period) FROM revenue_lines WHERE directorate_id = ?').pluck();
  const labels = ws.db.prepare('SELECT DISTINCT label FROM revenue_lines WHERE directorate_id = ?').pluck();
  const index = new Map<string, Map<string, RowKind[]>>();
  for (const d of directorates) {
    const rows = new Map<string, RowKind[]>();
    const add = (label: string, kind: RowKind) => rows.set(flat(label), [...(rows.get(flat(label)) ?? []), kind]);
    const period = latest.get(d.id) as string | null;
    const laidOut = period ? appendixRows(planAppendix(d, sections, getLines(ws, period, d.id).lines), 'abs_net') : [];
    const headings = new Set(laidOut.filter((r) => r.kind === 'heading' || r.kind === 'subheading').map((r) => flat(r.label)));
    // Lines of any month, by their stable key, before the totals that may share their label.
    for (const label of labels.all(d.id) as string[]) add(label, { kind: 'line', key: lineKeyFor(d.id, label), label, ...(headings.has(flat(label)) ? { blankIsHeading: true } : {}) });
    for (const r of laidOut) {
      if (r.kind === 'heading' || r.kind === 'subheading') {
        if (!rows.has(flat(r.label))) add(r.label, { kind: 'skip' });
      } else if (r.kind !== 'line') add(r.label, { kind: 'reported', key: r.key, closesTable: r.kind === 'overall_total' });
    }
    index.set(d.id, rows);
  }
  return index;
}

/** The first row a label names that the table has not given yet (the last one again, to say it is twice). */
function nextRow(rows: readonly RowKind[] | undefined, seen: ReadonlyMap<string, number>): RowKind | null {
  if (!rows) return null;
  return rows.find((r) => r.kind === 'skip' || !seen.has(r.key)) ?? rows.at(-1)!;
}

/** The Appendix 1 layout with this workspace's directorates, headings, lines and totals looked up. */
export function readableRevenue(ws: Workspace): ReadableSpec {
  const directorates = listDirectorates(ws);
  const index = rowIndex(ws, directorates);
  const keys = new Map([...index].map(([d, rows]) => [d, new Map([...rows.values()].flat().filter((r): r is Named => r.kind === 'line').map((r) => [r.key, r]))]));
  return {
    id: REVENUE_IMPORT_ID,
    name: 'Appendix 1 Detailed Financial Information',
    exampleTitle: 'Appendix 1a – Detailed Financial Information - Adults, Health and Commissioning',
    // A workspace without budget lines has no structure to read Appendix 1 into: the layout is not offered
    // (no title, no header row is taken for it), so a pack or template brought into it imports the rest.
    columns: directorates.length ? REVENUE_COLUMNS : [],
    dotAfter: {},
    rowNoun: 'budget line',
    labelHeader: 'Budget Line',
    isTitle: (text) => directorates.length > 0 && /detailed\s+financial\s+information/i.test(text),
    parseTitle: parseRevenueTitle,
    isBandText: () => false,
    bandMonth: () => null,
    subjects: { noun: 'directorate', list: directorates, allowNew: false, idFor: () => '' },
    rowByLabel: (label, subjectId, seen) => (subjectId ? nextRow(index.get(subjectId)?.get(flat(label.replace(/^\s*~/, ''))), seen) : null),
    rowByKey: (key, subjectId) => (subjectId ? (keys.get(subjectId)?.get(key.trim()) ?? null) : null),
    titledOnly: true,
  };
}
