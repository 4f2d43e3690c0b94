import { toHundredths, type Hundredths } from '../../shared/units';
import type { KadField } from '../../shared/areas/kad/model';
import { SERVICE_TYPES, serviceTypeByName } from '../../main/areas/kad/catalog';
import { publishedKadTables } from '../helpers/reference';

/** The six published August 2023 KAD tables, as the fixtures give them. */
type Num = number | null;
type Arrow = 'up' | 'down' | 'flat' | null;
export interface PublishedRow {
  label: string;
  kind?: 'subtotal' | 'total' | 'care_contributions';
  group?: string | null;
  budget: { expected_packages: Num; avg_unit_cost_per_week: Num; annual_budget_k: Num };
  actual: { current_packages: Num; packages_dot: Arrow; avg_unit_cost_per_week: Num; unit_cost_dot: Arrow };
  outturn: { total_spend_k: Num; dot: Arrow; variance_k: Num };
  raw: string[];
}
export interface PublishedTable {
  table_id: string;
  title: string;
  caption: string;
  column_bands_published: string[];
  columns: { key: string; published_header: string; band: string | null }[];
  rows: PublishedRow[];
  published_totals: PublishedRow[];
}

/** In the order of section 5 (5.1 … 5.6), as the report prints them. */
export function publishedTables(): PublishedTable[] {
  const tables = publishedKadTables() as unknown as PublishedTable[];
  return tables.sort((a, b) => a.caption.localeCompare(b.caption, 'en', { numeric: true }));
}

export const serviceIdOf = (t: PublishedTable) => t.table_id.replace(/^kad-/, '');

export function servicesOf(tables: readonly PublishedTable[]) {
  return tables.map((t) => ({ id: serviceIdOf(t), name: t.title }));
}

export const SERVICE_TYPE_OPTIONS = SERVICE_TYPES.map((t) => ({ id: t.id, name: t.name }));

const h = (v: Num): Hundredths | null => (v === null ? null : toHundredths(v));

export function lineValues(r: PublishedRow): Record<KadField, Hundredths | null> {
  return {
    expectedPackages: h(r.budget.expected_packages),
    budgetUnitCost: h(r.budget.avg_unit_cost_per_week),
    annualBudgetK: h(r.budget.annual_budget_k),
    currentPackages: h(r.actual.current_packages),
    currentUnitCost: h(r.actual.avg_unit_cost_per_week),
    totalSpendK: h(r.outturn.total_spend_k),
  };
}

export function lineKeyOf(r: PublishedRow): string {
  if (r.kind === 'care_contributions') return 'care_contributions';
  if (r.kind === 'total') return 'total_expenditure';
  if (r.kind === 'subtotal') return r.group?.toLowerCase().startsWith('accommodation') ? 'subtotal_accommodation' : 'subtotal_community';
  const type = serviceTypeByName(r.label);
  if (!type) throw new Error(`unknown service type ${r.label}`);
  return type.id;
}

/** Every reported value a published row states: variance, arrows and (for subtotals and totals) the figures. */
export function reportedOf(r: PublishedRow): Record<string, { value: Hundredths | null; text: string | null }> {
  const out: Record<string, { value: Hundredths | null; text: string | null }> = {};
  const put = (column: string, value: Hundredths | null, text: string | null) => {
    if (value !== null || text !== null) out[column] = { value, text };
  };
  if (r.kind === 'subtotal' || r.kind === 'total') for (const [k, v] of Object.entries(lineValues(r))) put(k, v, null);
  put('varianceK', h(r.outturn.variance_k), null);
  put('packagesDot', null, r.actual.packages_dot);
  put('unitCostDot', null, r.actual.unit_cost_dot);
  put('outturnDot', null, r.outturn.dot);
  return out;
}
