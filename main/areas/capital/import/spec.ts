import { FUNDING_FIELDS, SCHEME_FIELDS } from '../../../../shared/areas/capital/model';
import { financialYearOf } from '../../../../shared/periods';
import type { ImportColumn, ReadableSpec, RowKind } from '../../../import/spec';
import { findMonth } from '../../../import/read/names';
import type { Workspace } from '../../../store/workspace';

/**
 * Appendix 3 as files show it: the committee layout ("4.1 Capital Expenditure" and "4.2 Capital Funding",
 * the published columns, the TOTAL rows) and Outturn's template (a Key column). Each table is one subject,
 * named as its reported totals are kept ("4.1", "4.2"). The schemes' and sources' figures are imported;
 * the totals and 4.2's variance are reported values, checked; the Capital variations line's forecast variance
 * is the rule's, never imported.
 */
export interface CapitalLayout {
  id: string;
  subject: { id: string; name: string };
  table: 'capital_schemes' | 'capital_funding';
  keyColumn: 'scheme_key' | 'source_key';
  rowNoun: string;
  labelHeader: string;
  fields: readonly { key: string; column: string; header: (fy: string) => string }[];
}

export const SCHEMES: CapitalLayout = {
  id: 'capital.schemes',
  subject: { id: '4.1', name: 'Capital Expenditure' },
  table: 'capital_schemes',
  keyColumn: 'scheme_key',
  rowNoun: 'scheme',
  labelHeader: 'Scheme',
  fields: SCHEME_FIELDS.map((f) => ({ key: f.key, column: f.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), header: f.header })),
};

export const FUNDING: CapitalLayout = {
  id: 'capital.funding',
  subject: { id: '4.2', name: 'Capital Funding' },
  table: 'capital_funding',
  keyColumn: 'source_key',
  rowNoun: 'source of funding',
  labelHeader: 'Source of Funding',
  fields: FUNDING_FIELDS.map((f) => ({ key: f.key, column: f.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), header: f.header })),
};

export const TOTAL_ROW = 'total';

/** The headers name the financial year mid-text ("Original 2023/24 Budget as per BP"): one alias per year held. */
function columnsOf(layout: CapitalLayout, years: readonly string[]): ImportColumn[] {
  const example = years.at(-1) ?? '2023/24';
  return [
    { key: 'key', role: 'key', header: 'Key', aliases: ['key'], required: false },
    { key: 'label', role: 'label', header: layout.labelHeader, aliases: [layout.labelHeader.toLowerCase()], required: false },
    ...(layout === SCHEMES ? [{ key: 'committee', role: 'info' as const, header: 'Committee', aliases: ['committee'], required: false }] : []),
    ...layout.fields.map((f) => ({ key: f.key, role: 'input' as const, header: f.header(example), aliases: years.map((fy) => f.header(fy)), unit: 'gbp_000' as const, required: true })),
    ...(layout === FUNDING ? [{ key: 'variance', role: 'reported' as const, header: 'Variance £000', aliases: ['variance'], unit: 'gbp_000' as const, required: false }] : []),
  ];
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function readableCapital(layout: CapitalLayout) {
  return (ws: Workspace): ReadableSpec => {
    const years = [...new Set((ws.db.prepare('SELECT id FROM periods ORDER BY id').pluck().all() as string[]).map((p) => financialYearOf(p).replace('-', '/')))];
    const rows = ws.db.prepare(`SELECT DISTINCT ${layout.keyColumn} AS key, name FROM ${layout.table}`).all() as { key: string; name: string }[];
    const byName = new Map(rows.map((r) => [flat(r.name), r.key]));
    const keys = new Set(rows.map((r) => r.key));
    const held = rows.length > 0;
    const title = new RegExp(`^\\s*${layout.subject.id.replace('.', '\\.')}\\.?\\s+${layout.subject.name}\\b(.*)$`, 'i');
    return {
      id: layout.id,
      name: `${layout.subject.id} ${layout.subject.name}`,
      exampleTitle: `${layout.subject.id} ${layout.subject.name}`,
      // A workspace without a capital programme has nowhere to put one: the layout is not offered.
      columns: held ? columnsOf(layout, years) : [],
      dotAfter: {},
      rowNoun: layout.rowNoun,
      labelHeader: layout.labelHeader,
      titledOnly: true,
      titleAloneIsMention: true,
      isTitle: (text) => held && title.test(text.replace(/\s+/g, ' ')),
      parseTitle: (text) => {
        const m = title.exec(text.replace(/\s+/g, ' '));
        return m ? { subject: layout.subject.name, month: findMonth(m[1]!) } : null;
      },
      isBandText: () => false,
      bandMonth: () => null,
      subjects: { noun: 'table', list: [layout.subject], allowNew: false, idFor: () => '' },
      rowByLabel(label): RowKind | null {
        if (/^\s*total\b/i.test(label)) return { kind: 'reported', key: TOTAL_ROW, closesTable: true };
        const key = byName.get(flat(label));
        return key ? { kind: 'line', key, label } : null;
      },
      rowByKey: (key) => (keys.has(key.trim()) ? { kind: 'line', key: key.trim() } : null),
    };
  };
}
