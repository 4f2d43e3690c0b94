import { KAD_FIELDS, type KadField, type KadUnit } from '../../../shared/kad/model';
import { DOT_COLUMNS } from '../../../shared/kad/dot';

/**
 * The Key Activity Data table as files show it, declaratively: which header texts name which column,
 * in what unit, and what the reader does with it. Aliases are compared after normaliseHeader, so case,
 * spacing, line breaks, "2023/24" and "(£k)" suffixes need no alias of their own.
 */
export type ColumnRole = 'key' | 'label' | 'input' | 'reported' | 'dot';

export interface ColumnSpec {
  key: string;
  role: ColumnRole;
  /** The header as published, for messages. */
  header: string;
  aliases: readonly string[];
  unit?: KadUnit;
  required: boolean;
}

export interface TableSpec {
  title: string;
  columns: readonly ColumnSpec[];
  /** A DoT column belongs to the figure column immediately before it. */
  dotAfter: Readonly<Record<string, string>>;
  /** Row labels that are not lines. */
  groups: readonly RegExp[];
}

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

export const KAD_SPEC: TableSpec = {
  title: 'Key Activity Data',
  columns: [
    { key: 'key', role: 'key', header: 'Key', aliases: ['key', 'line key'], required: false },
    { key: 'label', role: 'label', header: 'Service Type', aliases: ['service type', 'service types', 'care type'], required: false },
    ...KAD_FIELDS.map((f) => ({ key: f.key, role: 'input' as const, header: f.header, aliases: INPUT_ALIASES[f.key], unit: f.unit, required: true })),
    { key: 'varianceK', role: 'reported', header: 'Variance', aliases: ['variance', 'forecast variance'], unit: 'gbp_k', required: false },
    { key: 'dot', role: 'dot', header: 'DoT', aliases: ['dot', 'direction of travel'], required: false },
  ],
  dotAfter: Object.fromEntries(DOT_COLUMNS.map((d) => [d.of, d.column])),
  groups: [/^accommodation( based)?$/, /^community( based)?$/],
};

/** Row keys of the derived rows a committee table states. */
export const SUBTOTAL_KEYS = { accommodation: 'subtotal_accommodation', community: 'subtotal_community' } as const;
export const TOTAL_KEY = 'total_expenditure';
