import { BUSINESS_PLAN_ROW } from '../../../../shared/areas/reserves/virements';
import type { ImportColumn, ReadableSpec, RowKind } from '../../../import/spec';
import { findMonth } from '../../../import/read/names';
import type { Workspace } from '../../../store/workspace';
import { listDirectorates } from '../repository';

/**
 * Virements and budget reconciliation (5.2.1, 5.2.2…) as files show them: the committee layout (the
 * "5.2.1 Virements and Budget Reconciliation (…)" title, labels under a blank header, Eff. Period, £'000,
 * Notes; "Budget as per Business Plan", each virement, the "Budget 23/24" total) and Outturn's template (a
 * Key column: business-plan, v1, v2…). A committee row is the n-th virement of its table; a template row
 * names its virement by key, and a row without a key is a new one. The total is a reported value, checked.
 */
export const VIREMENTS_IMPORT_ID = 'reserves.virements';
export const VIREMENTS_SUBJECT = 'virements:';
export const VIREMENTS_TOTAL_ROW = 'budget';
/** A committee row's key until it is matched: its place among the table's virements. */
export const POSITION_KEY = 'at:';

export const VIREMENTS_COLUMNS: readonly ImportColumn[] = [
  { key: 'key', role: 'key', header: 'Key', aliases: ['key', 'virement key'], required: false },
  { key: 'label', role: 'label', header: 'Budget Line', aliases: ['budget line', 'budget lines'], required: false },
  { key: 'effective', role: 'input', header: 'Eff. Period', aliases: ['eff period', 'effective period', 'effective month'], text: { max: 20 }, required: true },
  // The published header is "£'000" alone, which reads as nothing once the unit is set aside.
  { key: 'amount', role: 'input', header: "£'000", aliases: ['', 'amount'], unit: 'gbp_000q', required: true },
  { key: 'notes', role: 'input', header: 'Notes', aliases: ['notes', 'note'], text: { max: 1000 }, required: false },
];

const TITLE = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?virements\s+and\s+budget\s+reconciliation\s*\(([^)]*)\)(.*)$/i;

/** "5.2.1 Virements and Budget Reconciliation (Adults, Health and Commissioning)". */
export function parseVirementsTitle(text: string) {
  const m = TITLE.exec(text.replace(/\s+/g, ' '));
  if (!m || !m[1]) return null;
  return { subject: m[1].trim(), month: findMonth(m[2]!) };
}

export function readableVirements(ws: Workspace): ReadableSpec {
  const directorates = listDirectorates(ws).map((d) => ({ id: `${VIREMENTS_SUBJECT}${d.id}`, name: d.name }));
  return {
    id: VIREMENTS_IMPORT_ID,
    name: 'Virements and Budget Reconciliation',
    exampleTitle: '5.2.1 Virements and Budget Reconciliation (Adults, Health and Commissioning)',
    columns: directorates.length ? VIREMENTS_COLUMNS : [],
    dotAfter: {},
    rowNoun: 'virement',
    labelHeader: 'Budget Line',
    titledOnly: true,
    titleAloneIsMention: true,
    labelUnheaded: true,
    isTitle: (text) => directorates.length > 0 && /virements\s+and\s+budget\s+reconciliation\s*\(/i.test(text),
    parseTitle: parseVirementsTitle,
    isBandText: () => false,
    bandMonth: () => null,
    subjects: { noun: 'directorate', list: directorates, allowNew: false, idFor: () => '' },
    rowByLabel(label, _subjectId, seen): RowKind | null {
      if (/^\s*budget\s+as\s+per\s+business\s+plan\b/i.test(label)) return { kind: 'line', key: BUSINESS_PLAN_ROW, label, only: { fields: ['amount'], reason: 'is beside the Business Plan budget, which has an amount only' } };
      if (/^\s*(?:current\s+)?budget\s+\d{2,4}\s*[/-]\s*\d{2}\s*$/i.test(label) || /^\s*total\b/i.test(label)) return { kind: 'reported', key: VIREMENTS_TOTAL_ROW, closesTable: true };
      // What follows the total (the reconciliation sentence) is not a virement: the table has ended.
      if (seen.has(VIREMENTS_TOTAL_ROW)) return null;
      const virements = [...seen.keys()].filter((k) => k.startsWith(POSITION_KEY)).length;
      return { kind: 'line', key: `${POSITION_KEY}${virements + 1}`, label };
    },
    rowByKey(key): RowKind | null {
      const k = key.trim();
      if (k === BUSINESS_PLAN_ROW) return { kind: 'line', key: k, only: { fields: ['amount'], reason: 'is beside the Business Plan budget, which has an amount only' } };
      return /^v[1-9]\d{0,5}$/.test(k) ? { kind: 'line', key: k } : null;
    },
  };
}
