import { z } from 'zod';
import type { Hundredths } from '../../units';

export const KAD_GROUPS = [
  { id: 'accommodation', label: 'Accommodation based' },
  { id: 'community', label: 'Community based' },
] as const;
export type KadGroupId = (typeof KAD_GROUPS)[number]['id'];

/** The editable figures of a KAD line, with the unit the published table shows them in. */
export const KAD_FIELDS = [
  { key: 'expectedPackages', band: 'budget', header: 'Expected No. of Care Packages', unit: 'count', noun: 'care packages' },
  { key: 'budgetUnitCost', band: 'budget', header: 'Budgeted Average Unit Cost (per week)', unit: 'gbp_week' },
  { key: 'annualBudgetK', band: 'budget', header: 'Annual Budget', unit: 'gbp_k' },
  { key: 'currentPackages', band: 'actual', header: 'Current Care Packages', unit: 'count', noun: 'care packages' },
  { key: 'currentUnitCost', band: 'actual', header: 'Current Average Unit Cost (per week)', unit: 'gbp_week' },
  { key: 'totalSpendK', band: 'outturn', header: 'Total spend/ income', unit: 'gbp_k' },
] as const;
export type KadField = (typeof KAD_FIELDS)[number]['key'];
export type KadUnit = (typeof KAD_FIELDS)[number]['unit'];
export const KadFieldSchema = z.enum(KAD_FIELDS.map((f) => f.key) as [KadField, ...KadField[]]);

/** The column of kad_lines holding each figure: how the audit trail addresses a cell (the grid's cell history). */
export const KAD_LINE_TABLE = 'kad_lines';
export const KAD_LINE_COLUMNS: Record<KadField, string> = {
  expectedPackages: 'expected_packages',
  budgetUnitCost: 'budget_unit_cost',
  annualBudgetK: 'annual_budget_k',
  currentPackages: 'current_packages',
  currentUnitCost: 'current_unit_cost',
  totalSpendK: 'total_spend_k',
};

export function fieldDef(key: KadField) {
  const def = KAD_FIELDS.find((f) => f.key === key);
  if (!def) throw new Error(`unknown KAD field ${key}`);
  return def;
}

/** Care Contributions carry only money: budget and outturn income. */
/** The ACTUAL and Outturn figures, copied forward as a starting point and marked until edited. */
export const ACTUAL_FIELDS = ['currentPackages', 'currentUnitCost', 'totalSpendK'] as const satisfies readonly KadField[];
export type ActualField = (typeof ACTUAL_FIELDS)[number];
export const isActualField = (f: KadField): f is ActualField => (ACTUAL_FIELDS as readonly KadField[]).includes(f);

export const CARE_CONTRIBUTION_FIELDS: readonly KadField[] = ['annualBudgetK', 'totalSpendK'];
export const CARE_CONTRIBUTIONS_KEY = 'care_contributions';

export type Dot = 'up' | 'down' | 'flat';
export const DotSchema = z.enum(['up', 'down', 'flat']);

export type KadValues = Record<KadField, Hundredths | null>;

export interface KadLine extends KadValues {
  key: string;
  label: string;
  kind: 'line' | 'care_contributions';
  group: KadGroupId | null;
  isRespite: boolean;
  inUse: boolean;
  /** The ACTUAL and Outturn figures still as a roll forward carried them: each until it is updated. */
  carried: ActualField[];
}

export const HundredthsSchema = z.number().int().refine(Number.isSafeInteger, 'too large');

export const KadLineSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['line', 'care_contributions']),
  group: z.enum(['accommodation', 'community']).nullable(),
  isRespite: z.boolean(),
  inUse: z.boolean(),
  carried: z.array(z.enum(ACTUAL_FIELDS)),
  expectedPackages: HundredthsSchema.nullable(),
  budgetUnitCost: HundredthsSchema.nullable(),
  annualBudgetK: HundredthsSchema.nullable(),
  currentPackages: HundredthsSchema.nullable(),
  currentUnitCost: HundredthsSchema.nullable(),
  totalSpendK: HundredthsSchema.nullable(),
});

/** A figure the published table (or an imported file) states for a derived cell: kept, never trusted. */
export const ReportedValueSchema = z.object({
  rowKey: z.string(),
  column: z.string(),
  value: z.number().nullable(),
  text: z.string().nullable(),
});
export type ReportedValue = z.infer<typeof ReportedValueSchema>;

/** A service's stable id from its name: "Learning Disability Partnership" → "learning-disability-partnership". */
export function serviceIdFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
