import type { KadTable } from '../../../shared/api/contract';
import { CARE_CONTRIBUTION_FIELDS, KAD_GROUPS, type Dot, type KadField, type KadLine } from '../../../shared/kad/model';
import { computeKadTotals, variance } from '../../../shared/kad/totals';
import type { Hundredths } from '../../../shared/money';

export const DOT_COLUMNS = ['packagesDot', 'unitCostDot', 'outturnDot'] as const;
export type DotColumn = (typeof DOT_COLUMNS)[number];

export type RowKind = 'group' | 'line' | 'care_contributions' | 'subtotal' | 'total';

/** One grid row: a group header, a line, a computed subtotal/total, or Care Contributions. */
export interface KadRow extends Record<KadField, Hundredths | null> {
  key: string;
  label: string;
  kind: RowKind;
  inUse: boolean;
  varianceK: Hundredths | null;
  /** Only reported arrows exist until the previous month is held (CONVENTIONS: reported versus computed). */
  packagesDot: Dot | null;
  unitCostDot: Dot | null;
  outturnDot: Dot | null;
}

const EMPTY_VALUES: Record<KadField, null> = {
  expectedPackages: null,
  budgetUnitCost: null,
  annualBudgetK: null,
  currentPackages: null,
  currentUnitCost: null,
  totalSpendK: null,
};

function asDot(text: string | null | undefined): Dot | null {
  return text === 'up' || text === 'down' || text === 'flat' ? text : null;
}

function reportedDots(table: KadTable, rowKey: string): Pick<KadRow, DotColumn> {
  const find = (column: DotColumn) => asDot(table.reported.find((r) => r.rowKey === rowKey && r.column === column)?.text);
  return { packagesDot: find('packagesDot'), unitCostDot: find('unitCostDot'), outturnDot: find('outturnDot') };
}

function lineRow(table: KadTable, line: KadLine): KadRow {
  return {
    key: line.key,
    label: line.label,
    kind: line.kind,
    inUse: line.inUse,
    expectedPackages: line.expectedPackages,
    budgetUnitCost: line.budgetUnitCost,
    annualBudgetK: line.annualBudgetK,
    currentPackages: line.currentPackages,
    currentUnitCost: line.currentUnitCost,
    totalSpendK: line.totalSpendK,
    varianceK: variance(line.totalSpendK, line.annualBudgetK),
    ...reportedDots(table, line.key),
  };
}

/** The scrolling body: each group's header row followed by its service types, in the published order. */
export function bodyRows(table: KadTable): KadRow[] {
  const rows: KadRow[] = [];
  for (const group of KAD_GROUPS) {
    rows.push({ key: `group_${group.id}`, label: group.label, kind: 'group', inUse: true, ...EMPTY_VALUES, varianceK: null, packagesDot: null, unitCostDot: null, outturnDot: null });
    for (const line of table.lines) if (line.kind === 'line' && line.group === group.id) rows.push(lineRow(table, line));
  }
  return rows;
}

/**
 * The pinned foot: subtotals and the total are recomputed from the lines on every render (never stored,
 * never the server's reported figures), then Care Contributions, which is a real line.
 */
export function footRows(table: KadTable): KadRow[] {
  const totals: KadRow[] = computeKadTotals(table.lines, table.averagingRule).map((t) => ({
    key: t.key,
    label: t.label,
    kind: t.kind,
    inUse: true,
    expectedPackages: t.expectedPackages,
    budgetUnitCost: t.budgetUnitCost,
    annualBudgetK: t.annualBudgetK,
    currentPackages: t.currentPackages,
    currentUnitCost: t.currentUnitCost,
    totalSpendK: t.totalSpendK,
    varianceK: t.varianceK,
    ...reportedDots(table, t.key),
  }));
  const care = table.lines.filter((l) => l.kind === 'care_contributions').map((l) => lineRow(table, l));
  return [...totals, ...care];
}

export function isEditableCell(row: KadRow | undefined, field: string, locked: boolean): field is KadField {
  if (locked || !row || !row.inUse) return false;
  if (row.kind === 'line') return field in EMPTY_VALUES;
  if (row.kind === 'care_contributions') return (CARE_CONTRIBUTION_FIELDS as readonly string[]).includes(field);
  return false;
}

/** The table with one figure changed, shown at once while the server confirms the edit. */
export function withCellValue(table: KadTable, lineKey: string, field: KadField, value: Hundredths | null): KadTable {
  return { ...table, lines: table.lines.map((l) => (l.key === lineKey ? { ...l, [field]: value } : l)) };
}
