import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import { areas } from '../areas';
import type { MainArea } from '../areas/types';
import { insertPeriods, requirePeriod } from '../store/periods';
import { carryPackSettings } from '../pack/settings';
import type { Channel, Workspace } from '../store/workspace';

/** The month after `id`. */
export function nextMonth(id: string): string {
  const [y, m] = id.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The areas holding figures for a month. */
export function areasWithData(ws: Workspace, period: string): string[] {
  return areas()
    .filter((a) => a.hasData(ws, period))
    .map((a) => a.shared.id);
}

/** Every month holding figures of any area, oldest first. */
export function monthsWithData(ws: Workspace): string[] {
  const ids = ws.db.prepare('SELECT id FROM periods ORDER BY id').pluck().all() as string[];
  return ids.filter((p) => areasWithData(ws, p).length > 0);
}

/**
 * Which months each area holds, asked of the area once per month, for a step that brings several months
 * into being in order (an import of many months): each month's source is then found without asking
 * again about every earlier month.
 */
export class HeldMonths {
  private readonly held = new Map<string, string[]>();
  private periods: string[] | null = null;

  constructor(private readonly ws: Workspace) {}

  /** The months the area holds, oldest first: asked of the area once per month. */
  private months(area: MainArea): string[] {
    let months = this.held.get(area.shared.id);
    if (!months) {
      this.periods ??= this.ws.db.prepare('SELECT id FROM periods ORDER BY id').pluck().all() as string[];
      months = this.periods.filter((p) => area.hasData(this.ws, p));
      this.held.set(area.shared.id, months);
    }
    return months;
  }

  has(area: MainArea, period: string): boolean {
    return this.months(area).includes(period);
  }

  /** The latest month before `to` the area holds, or null. */
  latestBefore(area: MainArea, to: string): string | null {
    const months = this.months(area);
    for (let i = months.length - 1; i >= 0; i--) if (months[i]! < to) return months[i]!;
    return null;
  }

  added(area: MainArea | null, period: string): void {
    if (this.periods) insertSorted(this.periods, period);
    const months = area ? this.held.get(area.shared.id) : undefined;
    if (months) insertSorted(months, period);
  }
}

/** Adds `value` to a sorted list in its place unless there: copying and sorting the list each time was quadratic over an import's 1,515 new months. */
function insertSorted(list: string[], value: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== value) list.splice(lo, 0, value);
}

/**
 * Brings a month into being for every area that lacks it, each from its latest earlier month with
 * figures. Call inside Workspace.write (an import creating a month does this in its own transaction);
 * a step creating several months passes one HeldMonths to every call, oldest month first.
 */
export function rollForwardInto(ws: Workspace, to: string, held: HeldMonths = new HeldMonths(ws)): string[] {
  insertPeriods(ws, [to]);
  held.added(null, to);
  const rolled: string[] = [];
  for (const a of areas()) {
    if (!a.rollForward || held.has(a, to)) continue;
    const from = held.latestBefore(a, to);
    if (!from) continue;
    a.rollForward(ws, from, to);
    held.added(a, to);
    rolled.push(a.shared.id);
    carryPackSettings(ws, from, to);
  }
  return rolled;
}

/**
 * Closing a month prepares the next: each area holding figures in the closed month rolls them into the
 * next month where that holds none of the area's yet (creating the month if need be), and where it does,
 * refreshes what the area takes from the month before (its `refreshFromPrevious` hook: previous-month
 * columns). Call inside the closing Workspace.write. A next month that is closed is left as it is (null).
 */
export function carryIntoNext(ws: Workspace, closed: string): { period: string; rolledForward: string[]; refreshed: string[] } | null {
  const next = nextMonth(closed);
  const status = ws.db.prepare('SELECT status FROM periods WHERE id = ?').pluck().get(next) as string | undefined;
  if (status === 'closed') return null;
  insertPeriods(ws, [next]);
  const rolledForward: string[] = [];
  const refreshed: string[] = [];
  for (const a of areas()) {
    if (!a.hasData(ws, closed)) continue;
    if (!a.hasData(ws, next)) {
      if (!a.rollForward) continue;
      a.rollForward(ws, closed, next);
      rolledForward.push(a.shared.id);
    } else if (a.refreshFromPrevious) {
      a.refreshFromPrevious(ws, closed, next);
      refreshed.push(a.shared.id);
    }
  }
  if (rolledForward.length) carryPackSettings(ws, closed, next);
  return { period: next, rolledForward, refreshed };
}

/**
 * The month-level roll forward (toolbar button and `outturn roll-forward`): next month is created from
 * this one in one transaction, every area holding figures carrying its own forward.
 */
export function rollForwardMonth(ws: Workspace, from: string, channel: Channel = 'grid'): { period: string; label: string; areas: string[] } {
  const to = nextMonth(from);
  // An area whose figures are not a month's (it has no roll forward) has nothing to carry.
  const source = areasWithData(ws, from).filter((id) => areas().find((a) => a.shared.id === id)!.rollForward);
  requirePeriod(ws, from);
  if (!source.length) throw new UserError('not_found', `${monthLabel(from)} holds no figures to roll forward.`);
  const pending = source.filter((id) => !areas().find((a) => a.shared.id === id)!.hasData(ws, to));
  if (!pending.length) throw new UserError('invalid_input', `${monthLabel(to)} already holds figures, so it was not rolled forward again. Open ${monthLabel(to)} to edit it.`);
  const label = `Roll forward ${monthLabel(from)} to ${monthLabel(to)}`;
  const exists = ws.db.prepare('SELECT 1 FROM periods WHERE id = ?').get(to);
  if (exists) ws.assertPeriodOpen(to);
  ws.write({ channel, label, period: exists ? to : null, undoable: false }, () => {
    insertPeriods(ws, [to]);
    carryPackSettings(ws, from, to);
    for (const a of areas()) if (pending.includes(a.shared.id)) a.rollForward?.(ws, from, to);
  });
  return { period: to, label, areas: pending };
}
