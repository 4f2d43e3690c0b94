import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import { areas } from '../areas';
import { insertPeriods } from '../store/periods';
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
 * Brings a month into being for every area that lacks it, each from its latest earlier month with
 * figures. Call inside Workspace.write (an import creating a month does this in its own transaction).
 */
export function rollForwardInto(ws: Workspace, to: string): string[] {
  insertPeriods(ws, [to]);
  const rolled: string[] = [];
  const held = ws.db.prepare('SELECT id FROM periods WHERE id < ? ORDER BY id DESC').pluck().all(to) as string[];
  for (const a of areas()) {
    if (!a.rollForward || a.hasData(ws, to)) continue;
    const from = held.find((p) => a.hasData(ws, p));
    if (!from) continue;
    a.rollForward(ws, from, to);
    rolled.push(a.shared.id);
    carryPackSettings(ws, from, to);
  }
  return rolled;
}

/**
 * The month-level roll forward (toolbar button and `outturn roll-forward`): next month is created from
 * this one in one transaction, every area holding figures carrying its own forward.
 */
export function rollForwardMonth(ws: Workspace, from: string, channel: Channel = 'grid'): { period: string; label: string; areas: string[] } {
  const to = nextMonth(from);
  // An area whose figures are not a month's (it has no roll forward) has nothing to carry.
  const source = areasWithData(ws, from).filter((id) => areas().find((a) => a.shared.id === id)!.rollForward);
  if (!ws.db.prepare('SELECT 1 FROM periods WHERE id = ?').get(from)) throw new UserError('not_found', `${monthLabel(from)} is not a period of this workspace.`);
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
