import { financialYearOf, monthLabel, monthsOfFinancialYear, type MonthId } from '../../periods';
import type { Hundredths } from '../../units';
import { positionAt, type Movement } from './ledger';

/**
 * A published or imported schedule states each reserve's position cumulatively: the opening balance,
 * the net movements from April to the month and the forecast year-end balance. The ledger holds
 * entries, so the schedule becomes the entries that bring the ledger to it, by difference:
 * - opening: the schedule's opening − the ledger's opening;
 * - the month's net movement: the schedule's movements to the month − the ledger's movements to it;
 * - planned: (forecast − opening − movements to date) − the planned movements the ledger already
 *   expects after the month, as one planned entry expected at the year end.
 * Importing the same schedule twice therefore adds nothing.
 */
export interface SchedulePosition {
  opening: Hundredths | null;
  /** A blank is no movement. */
  movements: Hundredths | null;
  forecast: Hundredths | null;
}

export type DifferenceEntry = Movement & { reference: string };

export function entriesByDifference(entries: readonly Movement[], month: MonthId, target: SchedulePosition, source: string): { entries: DifferenceEntry[]; problem: string | null } {
  const held = positionAt(entries, month);
  const out: DifferenceEntry[] = [];
  const opening = target.opening ?? held.opening ?? 0;
  if (target.opening !== null && (held.opening === null || target.opening !== held.opening)) {
    out.push({ period: month, kind: 'opening', amount: target.opening - (held.opening ?? 0), planned: false, expectedPeriod: null, reference: `${source}: opening balance` });
  }
  const movements = target.movements ?? 0;
  const movementDelta = movements - (held.movements ?? 0);
  if (movementDelta !== 0) out.push({ period: month, kind: 'net', amount: movementDelta, planned: false, expectedPeriod: null, reference: `${source}: net movements to ${monthLabel(month)}` });
  if (target.forecast === null) return { entries: out, problem: null };
  const stillToCome = target.forecast - opening - movements;
  const plannedDelta = stillToCome - held.planned;
  if (plannedDelta === 0) return { entries: out, problem: null };
  const yearEnd = monthsOfFinancialYear(financialYearOf(month)).at(-1)!;
  if (month >= yearEnd) return { entries: out, problem: `at the year end the forecast balance is the balance itself (opening + movements), so it cannot differ from it` };
  out.push({ period: month, kind: 'net', amount: plannedDelta, planned: true, expectedPeriod: yearEnd, reference: `${source}: forecast movements to the year end` });
  return { entries: out, problem: null };
}
