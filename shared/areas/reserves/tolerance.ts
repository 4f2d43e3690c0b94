import { roundToUnit, type Hundredths } from '../../units';

/**
 * CONVENTIONS.md tolerance for money compared with published figures built from rounded cells: ±2 in
 * the last unit shown (£'000 here, £000 in capital); anything larger is a finding.
 */
export const MONEY_TOLERANCE = 2;

export function moneyAgrees(a: Hundredths | null, b: Hundredths | null): boolean {
  if (a === null || b === null) return (a ?? 0) === (b ?? 0);
  return Math.abs(roundToUnit(a) - roundToUnit(b)) <= MONEY_TOLERANCE;
}
