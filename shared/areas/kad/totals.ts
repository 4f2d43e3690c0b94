import { sumHundredths, type Hundredths } from '../../units';
import { KAD_GROUPS, type KadGroupId, type KadLine } from './model';

/**
 * How a subtotal's average weekly unit cost is weighted.
 * - `published` (default): Σ(packages × unit cost) over every line except Respite, divided by Σ packages
 *   over every line including Respite. This is the rule that reproduces the published FMR tables
 *   (CHECKS.md 0.3); it treats Respite packages as costing £0 a week.
 * - `package_weighted`: the plain package-weighted mean over every line.
 */
export const AVERAGING_RULES = {
  published: 'As published: Respite packages count in the denominator but not in the cost',
  package_weighted: 'Package-weighted mean over every line, Respite included',
} as const;
export type AveragingRule = keyof typeof AVERAGING_RULES;

export interface KadTotalRow {
  key: string;
  label: string;
  kind: 'subtotal' | 'total';
  group: KadGroupId | null;
  expectedPackages: Hundredths | null;
  budgetUnitCost: Hundredths | null;
  annualBudgetK: Hundredths | null;
  currentPackages: Hundredths | null;
  currentUnitCost: Hundredths | null;
  totalSpendK: Hundredths | null;
  varianceK: Hundredths | null;
}

/** Divides exactly with BigInt and rounds half away from zero to a whole hundredth. */
function divideRounded(numerator: bigint, denominator: bigint): Hundredths {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return Number(negative ? -q : q);
}

export function weightedUnitCost(
  lines: readonly KadLine[],
  packages: 'expectedPackages' | 'currentPackages',
  cost: 'budgetUnitCost' | 'currentUnitCost',
  rule: AveragingRule,
): Hundredths | null {
  let numerator = 0n; // hundredths of a package × hundredths of £ a week
  let denominator = 0n;
  for (const line of lines) {
    const pk = line[packages];
    if (pk === null || pk === 0) continue;
    denominator += BigInt(pk);
    if (rule === 'published' && line.isRespite) continue;
    numerator += BigInt(pk) * BigInt(line[cost] ?? 0);
  }
  if (denominator === 0n) return null;
  return divideRounded(numerator, denominator);
}

export function variance(spend: Hundredths | null, budget: Hundredths | null): Hundredths | null {
  if (spend === null && budget === null) return null;
  return (spend ?? 0) - (budget ?? 0);
}

function totalRow(key: string, label: string, kind: KadTotalRow['kind'], group: KadGroupId | null, lines: readonly KadLine[], rule: AveragingRule): KadTotalRow {
  const annualBudgetK = sumHundredths(lines.map((l) => l.annualBudgetK));
  const totalSpendK = sumHundredths(lines.map((l) => l.totalSpendK));
  return {
    key,
    label,
    kind,
    group,
    expectedPackages: sumHundredths(lines.map((l) => l.expectedPackages)),
    budgetUnitCost: weightedUnitCost(lines, 'expectedPackages', 'budgetUnitCost', rule),
    annualBudgetK,
    currentPackages: sumHundredths(lines.map((l) => l.currentPackages)),
    currentUnitCost: weightedUnitCost(lines, 'currentPackages', 'currentUnitCost', rule),
    totalSpendK,
    varianceK: variance(totalSpendK, annualBudgetK),
  };
}

/** Group subtotals and the total for expenditure, computed from the lines; Care Contributions excluded. */
export function computeKadTotals(lines: readonly KadLine[], rule: AveragingRule = 'published'): KadTotalRow[] {
  const expenditure = lines.filter((l) => l.kind === 'line');
  const rows = KAD_GROUPS.map((g) =>
    totalRow(`subtotal_${g.id}`, `${g.label} subtotal`, 'subtotal', g.id, expenditure.filter((l) => l.group === g.id), rule),
  );
  rows.push(totalRow('total_expenditure', 'Total for expenditure', 'total', null, expenditure, rule));
  return rows;
}
