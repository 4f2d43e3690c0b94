import type { Hundredths } from '../../units';
import type { KadLine } from './model';

/**
 * Full-year cost at the current run rate, in £k: current packages × current weekly unit cost × weeks
 * in a year (52.14 by default: 365 / 7 ≈ 52.14), ÷ 1,000. Information for the officer beside the annual
 * budget and their own outturn figure; it never overwrites either.
 */
export const DEFAULT_RUN_RATE_WEEKS = 52.14;

export interface RunRate {
  runRateK: Hundredths | null;
  /** Run rate − Annual Budget: positive means the current run rate would overspend. */
  vsBudgetK: Hundredths | null;
  /** Run rate − the officer's Total spend forecast. */
  vsOutturnK: Hundredths | null;
}

/** Packages and cost are in hundredths, weeks in hundredths of a week: the product is exact in BigInt. */
export function runRateK(lines: readonly Pick<KadLine, 'currentPackages' | 'currentUnitCost'>[], weeks = DEFAULT_RUN_RATE_WEEKS): Hundredths | null {
  const weeksH = BigInt(Math.round(weeks * 100));
  let sum = 0n; // hundredths(pk) × hundredths(£) × hundredths(weeks) = 1e-6 £
  let any = false;
  for (const l of lines) {
    if (l.currentPackages === null || l.currentUnitCost === null) continue;
    sum += BigInt(l.currentPackages) * BigInt(l.currentUnitCost) * weeksH;
    any = true;
  }
  if (!any) return null;
  // to hundredths of £k: divide by 1e6 (to £), by 1000 (to £k), times 100 → ÷ 1e7, rounded half away from zero
  const d = 10_000_000n;
  const neg = sum < 0n;
  const abs = neg ? -sum : sum;
  const q = (abs * 2n + d) / (2n * d);
  return Number(neg ? -q : q);
}

export function runRate(lines: readonly KadLine[], weeks = DEFAULT_RUN_RATE_WEEKS): RunRate {
  const rr = runRateK(lines, weeks);
  const budget = lines.some((l) => l.annualBudgetK !== null) ? lines.reduce((s, l) => s + (l.annualBudgetK ?? 0), 0) : null;
  const spend = lines.some((l) => l.totalSpendK !== null) ? lines.reduce((s, l) => s + (l.totalSpendK ?? 0), 0) : null;
  return {
    runRateK: rr,
    vsBudgetK: rr === null || budget === null ? null : rr - budget,
    vsOutturnK: rr === null || spend === null ? null : rr - spend,
  };
}
