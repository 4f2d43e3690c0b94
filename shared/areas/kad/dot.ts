import { roundToUnit, type Hundredths } from '../../units';
import type { Dot, KadLine, ReportedValue } from './model';
import { computeKadTotals, type AveragingRule } from './totals';

/**
 * Direction of travel compares this month's figure with last month's, on the values as displayed
 * (whole units), so a change too small to see shows ↔. No arrow where either month is blank.
 */
export function directionOfTravel(current: Hundredths | null, previous: Hundredths | null): Dot | null {
  if (current === null || previous === null) return null;
  const a = roundToUnit(current);
  const b = roundToUnit(previous);
  return a > b ? 'up' : a < b ? 'down' : 'flat';
}

export const DOT_COLUMNS = [
  { column: 'packagesDot', of: 'currentPackages' },
  { column: 'unitCostDot', of: 'currentUnitCost' },
  { column: 'outturnDot', of: 'totalSpendK' },
] as const;
export type DotColumn = (typeof DOT_COLUMNS)[number]['column'];

export type DotMap = Record<string, Partial<Record<DotColumn, Dot | null>>>;

/**
 * Arrows for every line, plus the outturn arrow on the Total for expenditure (the published tables put
 * arrows there and on Care Contributions, not on subtotals). Lines absent last month get no arrow.
 */
export function computeDots(lines: readonly KadLine[], previous: readonly KadLine[], rule: AveragingRule): DotMap {
  const before = new Map(previous.map((l) => [l.key, l]));
  const dots: DotMap = {};
  for (const line of lines) {
    const prev = before.get(line.key);
    if (!prev) continue;
    dots[line.key] = Object.fromEntries(DOT_COLUMNS.map((d) => [d.column, directionOfTravel(line[d.of], prev[d.of])]));
  }
  const total = computeKadTotals(lines, rule).find((t) => t.key === 'total_expenditure');
  const prevTotal = computeKadTotals(previous, rule).find((t) => t.key === 'total_expenditure');
  if (total && prevTotal && previous.length) dots[total.key] = { outturnDot: directionOfTravel(total.totalSpendK, prevTotal.totalSpendK) };
  return dots;
}

function asDot(text: string | null | undefined): Dot | null {
  return text === 'up' || text === 'down' || text === 'flat' ? text : null;
}

/**
 * The one rule for the arrows a table shows (grid, pack, print): computed against last month when it is
 * held, else the published (reported) arrows.
 */
export function tableDots(table: {
  lines: readonly KadLine[];
  previous: { lines: readonly KadLine[] } | null;
  reported: readonly ReportedValue[];
  averagingRule: AveragingRule;
}): (rowKey: string) => Record<DotColumn, Dot | null> {
  if (table.previous) {
    const dots = computeDots(table.lines, table.previous.lines, table.averagingRule);
    return (key) => ({ packagesDot: dots[key]?.packagesDot ?? null, unitCostDot: dots[key]?.unitCostDot ?? null, outturnDot: dots[key]?.outturnDot ?? null });
  }
  const find = (key: string, column: DotColumn) => asDot(table.reported.find((r) => r.rowKey === key && r.column === column)?.text);
  return (key) => ({ packagesDot: find(key, 'packagesDot'), unitCostDot: find(key, 'unitCostDot'), outturnDot: find(key, 'outturnDot') });
}
