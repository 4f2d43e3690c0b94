import { carryForwardRef } from '../../../shared/areas/savings/model';
import { formatValue } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import type { YearEndOffer } from '../types';
import { carryForwardInto, unachievedLines } from './carry';
import { listDirectorates } from './repository';

/**
 * The Savings Tracker at the year-end rollover (main/core/year-end.ts): every saving of the closing year
 * not achieved in full, and not yet carried forward, is offered; those the officer accepts become
 * "C/F yy-yy Saving" lines of the new year's tracker, as the tracker's own carry-forward makes them.
 */
const years = (fy: string) => fy.replace('-', '/');
const money = (v: number) => formatValue(v, 'gbp_000');

export function savingsYearEndOffers(ws: Workspace, fromYear: string): YearEndOffer[] {
  const names = new Map(listDirectorates(ws).map((d) => [d.id, d.name]));
  return unachievedLines(ws, fromYear).map((l) => ({ id: l.id, label: `${names.get(l.directorateId) ?? l.directorateId}: ${l.title}, ${money(l.unachieved)} unachieved` }));
}

export function savingsYearEndPreview(ws: Workspace, fromYear: string, toYear: string): string[] {
  const list = unachievedLines(ws, fromYear);
  if (!list.length) return [];
  const n = list.length;
  return [`${n} saving${n === 1 ? ' is' : 's are'} not achieved in full in ${years(fromYear)} (${money(list.reduce((s, l) => s + l.unachieved, 0))} in all); each chosen is carried into ${years(toYear)}'s tracker as a "${carryForwardRef(fromYear)}" line.`];
}

export function savingsYearEnd(ws: Workspace, fromYear: string, toYear: string, accepted: readonly string[]): string[] {
  const list = unachievedLines(ws, fromYear);
  const lines: string[] = [];
  if (accepted.length) {
    const chosen = list.filter((l) => accepted.includes(l.id));
    carryForwardInto(ws, accepted);
    lines.push(`${chosen.length} saving${chosen.length === 1 ? '' : 's'} carried into ${years(toYear)}'s tracker as "${carryForwardRef(fromYear)}" lines, ${money(chosen.reduce((s, l) => s + l.unachieved, 0))} in all.`);
  }
  const left = list.length - accepted.length;
  if (left > 0) lines.push(`${left} saving${left === 1 ? '' : 's'} not achieved in full ${left === 1 ? 'was' : 'were'} not carried forward; each can still be carried from the tracker.`);
  return lines;
}
