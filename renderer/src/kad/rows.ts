import type { KadTable } from '../../../shared/areas/kad/api';
import { tableDots } from '../../../shared/areas/kad/dot';
import { ACTUAL_FIELDS, CARE_CONTRIBUTION_FIELDS, KAD_GROUPS, type Dot, type KadField, type KadLine } from '../../../shared/areas/kad/model';
import { runRate } from '../../../shared/areas/kad/runrate';
import { computeKadTotals, variance } from '../../../shared/areas/kad/totals';
import type { Hundredths } from '../../../shared/units';

export const DOT_COLUMNS = ['packagesDot', 'unitCostDot', 'outturnDot'] as const;
export type DotColumn = (typeof DOT_COLUMNS)[number];

export const RUN_RATE_COLUMNS = ['runRateK', 'runRateVsBudgetK', 'runRateVsOutturnK'] as const;
export type RunRateColumn = (typeof RUN_RATE_COLUMNS)[number];

export type RowKind = 'group' | 'line' | 'care_contributions' | 'subtotal' | 'total';

/** One grid row: a group header, a line, a computed subtotal/total, or Care Contributions. */
export interface KadRow extends Record<KadField, Hundredths | null>, Record<RunRateColumn, Hundredths | null> {
  key: string;
  label: string;
  kind: RowKind;
  inUse: boolean;
  /** The ACTUAL and Outturn figures are last month's, copied by a roll forward and not yet edited. */
  carried: boolean;
  varianceK: Hundredths | null;
  /** Computed from last month when it is held, else the published (reported) arrows. */
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

const NO_EXTRAS = { varianceK: null, packagesDot: null, unitCostDot: null, outturnDot: null, runRateK: null, runRateVsBudgetK: null, runRateVsOutturnK: null } as const;

/** Where this table's arrows come from: computed against last month, or the published ones as reported. */
export type DotSource = { kind: 'computed'; against: string } | { kind: 'reported' };

export function dotSource(table: KadTable): DotSource {
  return table.previous ? { kind: 'computed', against: table.previous.periodLabel } : { kind: 'reported' };
}

type DotLookup = (rowKey: string) => Pick<KadRow, DotColumn>;

function dotLookup(table: KadTable): DotLookup {
  return tableDots(table);
}

function runRateOf(lines: readonly KadLine[], weeks: number): Pick<KadRow, RunRateColumn> {
  const rr = runRate(lines, weeks);
  return { runRateK: rr.runRateK, runRateVsBudgetK: rr.vsBudgetK, runRateVsOutturnK: rr.vsOutturnK };
}

function lineRow(table: KadTable, line: KadLine, dots: DotLookup): KadRow {
  return {
    key: line.key,
    label: line.label,
    kind: line.kind,
    inUse: line.inUse,
    carried: line.inUse && !line.actualsUpdated,
    expectedPackages: line.expectedPackages,
    budgetUnitCost: line.budgetUnitCost,
    annualBudgetK: line.annualBudgetK,
    currentPackages: line.currentPackages,
    currentUnitCost: line.currentUnitCost,
    totalSpendK: line.totalSpendK,
    varianceK: variance(line.totalSpendK, line.annualBudgetK),
    ...dots(line.key),
    ...runRateOf([line], table.runRateWeeks),
  };
}

/** The scrolling body: each group's header row followed by its service types, in the published order. */
export function bodyRows(table: KadTable): KadRow[] {
  const dots = dotLookup(table);
  const rows: KadRow[] = [];
  for (const group of KAD_GROUPS) {
    rows.push({ key: `group_${group.id}`, label: group.label, kind: 'group', inUse: true, carried: false, ...EMPTY_VALUES, ...NO_EXTRAS });
    for (const line of table.lines) if (line.kind === 'line' && line.group === group.id) rows.push(lineRow(table, line, dots));
  }
  return rows;
}

/**
 * The pinned foot: subtotals and the total are recomputed from the lines on every render (never stored,
 * never the server's reported figures), then Care Contributions, which is a real line.
 */
export function footRows(table: KadTable): KadRow[] {
  const dots = dotLookup(table);
  const expenditure = table.lines.filter((l) => l.kind === 'line');
  const totals: KadRow[] = computeKadTotals(table.lines, table.averagingRule).map((t) => ({
    key: t.key,
    label: t.label,
    kind: t.kind,
    inUse: true,
    carried: false,
    expectedPackages: t.expectedPackages,
    budgetUnitCost: t.budgetUnitCost,
    annualBudgetK: t.annualBudgetK,
    currentPackages: t.currentPackages,
    currentUnitCost: t.currentUnitCost,
    totalSpendK: t.totalSpendK,
    varianceK: t.varianceK,
    ...dots(t.key),
    ...runRateOf(t.group ? expenditure.filter((l) => l.group === t.group) : expenditure, table.runRateWeeks),
  }));
  const care = table.lines.filter((l) => l.kind === 'care_contributions').map((l) => lineRow(table, l, dots));
  return [...totals, ...care];
}

export function isEditableCell(row: KadRow | undefined, field: string, locked: boolean): field is KadField {
  if (locked || !row || !row.inUse) return false;
  if (row.kind === 'line') return field in EMPTY_VALUES;
  if (row.kind === 'care_contributions') return (CARE_CONTRIBUTION_FIELDS as readonly string[]).includes(field);
  return false;
}

/** True for a figure shown in the carried-forward style: an ACTUAL/Outturn cell of a line not yet updated. */
export function isCarriedCell(row: KadRow | undefined, field: string): boolean {
  return !!row?.carried && (ACTUAL_FIELDS as readonly string[]).includes(field);
}

/** Lines still holding last month's actuals, for the note above the grid. */
export function carriedLineCount(table: KadTable): number {
  return table.lines.filter((l) => l.inUse && !l.actualsUpdated).length;
}

export interface CellValue {
  lineKey: string;
  field: KadField;
  value: Hundredths | null;
}

/**
 * The table with figures changed, shown at once while the server confirms. An edited actual clears the
 * carried-forward mark, as the server will.
 */
export function withCellValues(table: KadTable, cells: readonly CellValue[]): KadTable {
  const byLine = new Map<string, CellValue[]>();
  for (const c of cells) byLine.set(c.lineKey, [...(byLine.get(c.lineKey) ?? []), c]);
  return {
    ...table,
    lines: table.lines.map((l) => {
      const changes = byLine.get(l.key);
      if (!changes) return l;
      const next: KadLine = { ...l };
      for (const c of changes) {
        if (next[c.field] !== c.value && (ACTUAL_FIELDS as readonly string[]).includes(c.field)) next.actualsUpdated = true;
        next[c.field] = c.value;
      }
      return next;
    }),
  };
}

export function withCellValue(table: KadTable, lineKey: string, field: KadField, value: Hundredths | null): KadTable {
  return withCellValues(table, [{ lineKey, field, value }]);
}
