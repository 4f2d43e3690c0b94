import type { Finding } from '../../../shared/checks';
import { isOpen } from '../../../shared/checks';

/** The one identity of a finding on the page: what a review is of (core findingKey) as a string. */
export function refKey(f: Finding): string {
  return [f.period, f.area, f.table, f.rowKey ?? f.row, f.columnKey ?? f.column, f.rule].join('\u241f');
}

export type StatusFilter = 'open' | 'reviewed' | 'all';

export function matchesStatus(f: Finding, filter: StatusFilter): boolean {
  return filter === 'all' || (filter === 'open') === isOpen(f);
}

/** Only a finding an officer's own correction superseded can be accepted; anything can be acknowledged with a note. */
export function canAccept(selected: readonly Finding[]): boolean {
  return selected.length > 0 && selected.every((f) => f.supersededBy !== null && isOpen(f));
}

function day(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** What the Status column says, in words: open, superseded, accepted or acknowledged (by whom, when, why). */
export function statusText(f: Finding): string {
  if (f.review?.status === 'accepted') return `Accepted by ${f.review.by} on ${day(f.review.at)}`;
  if (f.review?.status === 'acknowledged') return `Acknowledged by ${f.review.by} on ${day(f.review.at)}: “${f.review.note}”`;
  return f.supersededBy ? `Open: ${f.supersededBy}` : 'Open';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
