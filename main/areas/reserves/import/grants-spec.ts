import type { ImportColumn, ReadableSpec, RowKind } from '../../../import/spec';
import { findMonth } from '../../../import/read/names';
import type { Workspace } from '../../../store/workspace';
import { listDirectorates } from '../repository';

/**
 * Grants not built into base budgets (5.1.1, 5.1.2…) as files show them: the committee layout (the
 * "5.1.1 … grants not built into base budgets" title or the published sentence introducing the table,
 * Grant, Awarding Body, Amount, the "Total Non-Baselined Grants" row) and Outturn's template (a Key column).
 * A grant's amount and awarding body are imported; the total is a reported value, checked. A grant the
 * directorate does not list is refused: grants are added on the Reserves page, where the change is seen.
 */
export const GRANTS_IMPORT_ID = 'reserves.grants';
export const GRANTS_SUBJECT = 'grants:';
export const GRANTS_TOTAL_ROW = 'total';

export const GRANTS_COLUMNS: readonly ImportColumn[] = [
  { key: 'key', role: 'key', header: 'Key', aliases: ['key', 'grant key'], required: false },
  { key: 'label', role: 'label', header: 'Grant', aliases: ['grant'], required: false },
  { key: 'awardingBody', role: 'input', header: 'Awarding Body', aliases: ['awarding body'], text: { max: 200 }, required: false },
  { key: 'amount', role: 'input', header: "Amount £'000", aliases: ['amount'], unit: 'gbp_000q', required: true },
];

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * "5.1.1 Adults, Health and Commissioning grants not built into base budgets", or as published "5.1.1 The
 * table below outlines the additional Adults, Health and Commissioning grant income, which is not built
 * into base budgets.": the words naming the directorate.
 */
export function parseGrantsTitle(text: string) {
  const t = text.replace(/\s+/g, ' ');
  if (!/not\s+built\s+into\s+(?:the\s+)?base\s+budgets?/i.test(t)) return null;
  const m = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the table below outlines the additional\s+)?(.*?)\s*grants?\b/i.exec(t);
  if (!m || !m[1]) return null;
  return { subject: m[1].trim(), month: findMonth(t) };
}

export function readableGrants(ws: Workspace): ReadableSpec {
  const directorates = listDirectorates(ws).map((d) => ({ id: `${GRANTS_SUBJECT}${d.id}`, name: d.name }));
  const rows = ws.db.prepare('SELECT DISTINCT directorate_id, grant_key, name FROM reserves_grants').all() as { directorate_id: string; grant_key: string; name: string }[];
  const byName = new Map<string, string>();
  const keys = new Set<string>();
  for (const r of rows) {
    byName.set(`${GRANTS_SUBJECT}${r.directorate_id}|${flat(r.name)}`, r.grant_key);
    keys.add(`${GRANTS_SUBJECT}${r.directorate_id}|${r.grant_key}`);
  }
  return {
    id: GRANTS_IMPORT_ID,
    name: 'Grants Not Built into Base Budgets',
    exampleTitle: '5.1.1 Adults, Health and Commissioning grants not built into base budgets',
    columns: directorates.length ? GRANTS_COLUMNS : [],
    dotAfter: {},
    rowNoun: 'grant',
    labelHeader: 'Grant',
    titledOnly: true,
    // The pack's contents lists each table's title word for word, with no table under it.
    titleAloneIsMention: true,
    isTitle: (text) => directorates.length > 0 && /not\s+built\s+into\s+(?:the\s+)?base\s+budgets?/i.test(text),
    parseTitle: parseGrantsTitle,
    isBandText: () => false,
    bandMonth: () => null,
    subjects: { noun: 'directorate', list: directorates, allowNew: false, idFor: () => '' },
    rowByLabel(label, subjectId): RowKind | null {
      if (!subjectId) return null;
      if (/^\s*total\b/i.test(label)) return { kind: 'reported', key: GRANTS_TOTAL_ROW, closesTable: true };
      const key = byName.get(`${subjectId}|${flat(label)}`);
      return key ? { kind: 'line', key, label } : null;
    },
    rowByKey: (key, subjectId) => (subjectId && keys.has(`${subjectId}|${key.trim()}`) ? { kind: 'line', key: key.trim() } : null),
  };
}
