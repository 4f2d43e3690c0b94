import { UserError } from '../../../shared/api/errors';
import { carryForwardRef, unachieved, type SavingLine } from '../../../shared/areas/savings/model';
import { formatValue } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import { getLine, insertLine, yearLines } from './repository';

/**
 * Carry-forward: a saving not achieved in its year becomes a "C/F yy-yy Saving" line of the next year's
 * tracker for the unachieved amount, linked to its origin, with no forecast yet.
 */
export function nextFinancialYear(fy: string): string {
  const start = Number(fy.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The savings of a year that are not achieved in full and not yet carried forward. */
export function unachievedLines(ws: Workspace, financialYear: string): (SavingLine & { unachieved: number })[] {
  const carried = new Set(ws.db.prepare('SELECT carried_from FROM savings_lines WHERE carried_from IS NOT NULL').pluck().all() as string[]);
  return yearLines(ws, financialYear)
    .map((l) => ({ ...l, unachieved: unachieved(l.originalSaving, l.forecastSaving) }))
    .filter((l) => l.unachieved < 0 && !carried.has(l.id));
}

/** Why a saving cannot be carried forward, or null. */
export function carryProblem(ws: Workspace, line: SavingLine): string | null {
  if (unachieved(line.originalSaving, line.forecastSaving) === 0) return `${line.title} is forecast to be achieved in full, so there is nothing to carry forward`;
  const already = ws.db.prepare('SELECT financial_year FROM savings_lines WHERE carried_from = ?').pluck().get(line.id) as string | undefined;
  if (already) return `${line.title} has already been carried forward to ${already}`;
  return null;
}

/**
 * Adds each saving's unachieved amount to the next year's tracker. Call inside Workspace.write (the
 * year-end rollover does, for the savings an officer chooses); returns the new lines' ids by origin.
 */
export function carryForwardInto(ws: Workspace, lineIds: readonly string[]): Map<string, string> {
  const made = new Map<string, string>();
  for (const id of lineIds) {
    const line = getLine(ws, id);
    if (!line) throw new UserError('not_found', `There is no saving with the id "${id}".`);
    const problem = carryProblem(ws, line);
    if (problem) throw new UserError('invalid_input', `${problem}. Nothing was carried forward.`);
    const amount = unachieved(line.originalSaving, line.forecastSaving);
    made.set(
      id,
      insertLine(ws, {
        financialYear: nextFinancialYear(line.financialYear),
        directorateId: line.directorateId,
        bpRef: carryForwardRef(line.financialYear),
        title: line.title,
        owner: line.owner,
        originalSaving: amount,
        forecastSaving: null,
        commentary: null,
        carriedFrom: line.id,
      }),
    );
  }
  return made;
}

export function carryLabel(line: SavingLine): string {
  return `Carry ${line.title} forward to ${nextFinancialYear(line.financialYear)}: ${formatValue(unachieved(line.originalSaving, line.forecastSaving), 'gbp_000')} unachieved`;
}
