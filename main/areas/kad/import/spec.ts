import { KAD_FIELDS, CARE_CONTRIBUTION_FIELDS, CARE_CONTRIBUTIONS_KEY, serviceIdFromName, type KadField } from '../../../../shared/areas/kad/model';
import { DOT_COLUMNS } from '../../../../shared/areas/kad/dot';
import { KAD_AREA_ID, KAD_AREA_NAME } from '../../../../shared/areas/kad/ids';
import type { ImportColumn, Named, ReadableSpec, RowKind } from '../../../import/spec';
import { findMonth, LabelIndex, titleParts, type FoundMonth } from '../../../import/read/names';
import type { Workspace } from '../../../store/workspace';
import { listServices, listServiceTypes } from '../repository';

/**
 * The Key Activity Data table as files show it, declaratively: which header texts name which column,
 * in what unit, and what each row is. Aliases are compared after normaliseHeader, so case, spacing,
 * line breaks, "2023/24" and "(£k)" suffixes need no alias of their own.
 */
const INPUT_ALIASES: Record<KadField, readonly string[]> = {
  expectedPackages: [
    'expected no of care packages',
    'expected number of care packages',
    'expected care packages',
    'budgeted no of care packages',
    'budgeted number of care packages',
    'budgeted number of care services',
  ],
  budgetUnitCost: [
    'budgeted average unit cost (per week)',
    'budgeted average unit cost per week',
    'budgeted average unit cost',
    'budgeted unit cost (per week)',
    'budgeted unit cost',
  ],
  annualBudgetK: ['annual budget'],
  currentPackages: ['current care packages', 'current no of care packages', 'current number of care packages', 'actual care packages'],
  currentUnitCost: [
    'current average unit cost (per week)',
    'current average unit cost per week',
    'current average unit cost',
    'current unit cost (per week)',
    'current unit cost',
  ],
  totalSpendK: ['total spend/income', 'total spend and income', 'total spend', 'forecast spend/income', 'forecast outturn'],
};

export const KAD_COLUMNS: readonly ImportColumn[] = [
  { key: 'key', role: 'key', header: 'Key', aliases: ['key', 'line key'], required: false },
  { key: 'label', role: 'label', header: 'Service Type', aliases: ['service type', 'service types', 'care type'], required: false },
  ...KAD_FIELDS.map((f) => ({ key: f.key, role: 'input' as const, header: f.header, aliases: INPUT_ALIASES[f.key], unit: f.unit, ...('noun' in f ? { noun: f.noun } : {}), required: true })),
  { key: 'varianceK', role: 'reported', header: 'Variance', aliases: ['variance', 'forecast variance'], unit: 'gbp_k', required: false },
  { key: 'dot', role: 'dot', header: 'DoT', aliases: ['dot', 'direction of travel'], required: false },
];

/** Row keys of the derived rows a committee table states. */
export const SUBTOTAL_KEYS = { accommodation: 'subtotal_accommodation', community: 'subtotal_community' } as const;
export const TOTAL_KEY = 'total_expenditure';

const GROUPS = [/^accommodation( based)?$/, /^community( based)?$/];
const TITLE = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?key activity data\b(.*)$/i;
const TITLE_WORDS = /key\s+activity\s+data/i;

const CARE_ROW: RowKind = {
  kind: 'line',
  key: CARE_CONTRIBUTIONS_KEY,
  label: 'Care Contributions',
  only: { fields: CARE_CONTRIBUTION_FIELDS, reason: 'is not used on the Care Contributions row, which carries only Annual Budget and Total spend/income' },
  // A committee table ends with its Care Contributions row.
  endsCommitteeTable: true,
};

/**
 * "5.1 Key activity data at the end of August 2023 for Learning Disability Partnership is shown below:".
 * A section heading ("5. Key Activity Data") names neither a month nor a service and is not a title.
 */
export function parseKadTitle(text: string): { subject: string; month: FoundMonth | null } | null {
  const m = TITLE.exec(text.replace(/\s+/g, ' '));
  return m ? titleParts(m[1]!) : null;
}

/** "ACTUAL (August 2023)": the month of a band heading, if any. */
export function kadBandMonth(text: string, fyStart: number | null): FoundMonth | null {
  return /^actual\b/i.test(text.trim()) ? findMonth(text, fyStart) : null;
}

export function isKadBandText(text: string): boolean {
  // Every band word has six letters or more: arrows and short labels are answered at once.
  if (text.length < 6) return false;
  const t = text.trim().toLowerCase();
  return t === 'budget' || t.startsWith('actual') || t === 'outturn' || t === 'forecast outturn' || t === 'forecast';
}

/** The KAD layout with this workspace's services and service types looked up. */
export function readableKad(ws: Workspace): ReadableSpec {
  return kadReadableSpec(listServices(ws), listServiceTypes(ws));
}

/** The KAD layout for given services and service types (a workspace's, or a test's). */
export function kadReadableSpec(services: readonly Named[], serviceTypes: readonly Named[]): ReadableSpec {
  const types = new LabelIndex(serviceTypes);
  const byLabel = new Map<string, RowKind | null>();
  return {
    id: KAD_AREA_ID,
    name: KAD_AREA_NAME,
    exampleTitle: 'Key activity data at the end of August 2023 for Autism',
    columns: KAD_COLUMNS,
    dotAfter: Object.fromEntries(DOT_COLUMNS.map((d) => [d.of, d.column])),
    rowNoun: 'service type',
    labelHeader: 'Service Type',
    isTitle: (text) => TITLE_WORDS.test(text),
    parseTitle: parseKadTitle,
    isBandText: isKadBandText,
    bandMonth: kadBandMonth,
    subjects: { noun: 'service', list: services, allowNew: true, idFor: serviceIdFromName },
    rowByLabel(label) {
      // A file repeats the same few labels on every table: each is worked out once (a few hundred kept).
      if (byLabel.has(label)) return byLabel.get(label)!;
      const kind = rowKindOf(label);
      if (byLabel.size < 500) byLabel.set(label, kind);
      return kind;
    },
    rowByKey(key) {
      if (key.toLowerCase() === CARE_CONTRIBUTIONS_KEY) return CARE_ROW;
      const type = types.byKey(key);
      return type ? { kind: 'line', key: type.id } : null;
    },
  };
  function rowKindOf(label: string): RowKind | null {
    const norm = label.replace(/^\s*~/, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (GROUPS.some((g) => g.test(norm))) return { kind: 'skip' };
    if (/\bsub[\s-]?total\b/.test(norm)) {
      if (norm.includes('accommodation')) return { kind: 'reported', key: SUBTOTAL_KEYS.accommodation };
      if (norm.includes('community')) return { kind: 'reported', key: SUBTOTAL_KEYS.community };
      return null;
    }
    if (/^(grand )?total\b/.test(norm)) return { kind: 'reported', key: TOTAL_KEY, closesTable: true };
    if (/^(care|client) contributions?$/.test(norm)) return CARE_ROW;
    const type = types.byLabel(label);
    return type ? { kind: 'line', key: type.id } : null;
  }
}
