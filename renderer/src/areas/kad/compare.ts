import type { KadTable } from '../../../../shared/areas/kad/api';
import { KAD_GROUPS, fieldDef, type KadField, type KadLine, type KadUnit } from '../../../../shared/areas/kad/model';
import { computeKadTotals, type KadTotalRow } from '../../../../shared/areas/kad/totals';
import { formatValue, roundToUnit, type Hundredths } from '../../../../shared/units';

/** The figures a month-on-month comparison shows: packages, unit costs, budget and spend. */
export const COMPARE_FIELDS = ['currentPackages', 'currentUnitCost', 'annualBudgetK', 'totalSpendK'] as const satisfies readonly KadField[];
export type CompareField = (typeof COMPARE_FIELDS)[number];

export interface CompareCell {
  now: Hundredths | null;
  then: Hundredths | null;
  /** This month minus the compared month; null when either is blank. */
  change: Hundredths | null;
}

export interface CompareRow {
  key: string;
  label: string;
  kind: 'line' | 'subtotal' | 'total' | 'care_contributions';
  cells: Record<CompareField, CompareCell>;
}

type Figures = Pick<KadLine, CompareField>;

function cells(now: Figures | undefined, then: Figures | undefined): Record<CompareField, CompareCell> {
  const out = {} as Record<CompareField, CompareCell>;
  for (const f of COMPARE_FIELDS) {
    const a = now?.[f] ?? null;
    const b = then?.[f] ?? null;
    out[f] = { now: a, then: b, change: a === null || b === null ? null : a - b };
  }
  return out;
}

/**
 * Every line used in either month, each group's subtotal after its lines, the total and Care
 * Contributions, as the published table orders them. Totals of both months are computed from their lines.
 */
export function compareRows(table: KadTable): CompareRow[] {
  const other = table.comparison;
  if (!other) return [];
  const before = new Map(other.lines.map((l) => [l.key, l]));
  const nowTotals = new Map<string, KadTotalRow>(computeKadTotals(table.lines, table.averagingRule).map((t) => [t.key, t]));
  const thenTotals = new Map<string, KadTotalRow>(computeKadTotals(other.lines, table.averagingRule).map((t) => [t.key, t]));
  const nowKeys = new Set(table.lines.map((l) => l.key));
  const used = (l: KadLine | undefined) => !!l && l.inUse;
  const rows: CompareRow[] = [];
  const lineRow = (key: string): CompareRow => {
    const now = table.lines.find((l) => l.key === key);
    const then = before.get(key);
    return { key, label: (now ?? then)!.label, kind: (now ?? then)!.kind, cells: cells(now, then) };
  };
  const totalRow = (key: string): CompareRow | null => {
    const now = nowTotals.get(key);
    const then = thenTotals.get(key);
    return now ? { key, label: now.label, kind: now.kind, cells: cells(now, then) } : null;
  };
  for (const group of KAD_GROUPS) {
    const keys = [...table.lines.filter((l) => l.group === group.id && l.kind === 'line').map((l) => l.key), ...other.lines.filter((l) => l.group === group.id && l.kind === 'line' && !nowKeys.has(l.key)).map((l) => l.key)];
    for (const key of keys) if (used(table.lines.find((l) => l.key === key)) || used(before.get(key))) rows.push(lineRow(key));
    const sub = totalRow(`subtotal_${group.id}`);
    if (sub) rows.push(sub);
  }
  const total = totalRow('total_expenditure');
  if (total) rows.push(total);
  for (const l of table.lines) if (l.kind === 'care_contributions') rows.push(lineRow(l.key));
  return rows;
}

export function compareUnit(field: CompareField): KadUnit {
  return fieldDef(field).unit;
}

/** A change as displayed: signed, in the column's unit, "0" style for none (+6, -£12, +£1,204k, £0k). */
export function formatChange(change: Hundredths | null, unit: KadUnit): string {
  if (change === null) return '';
  if (roundToUnit(change) === 0) return unit === 'count' ? '0' : unit === 'gbp_week' ? '£0' : '£0k';
  const text = formatValue(change, unit);
  return change > 0 ? `+${text}` : text;
}
