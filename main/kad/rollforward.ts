import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import { insertPeriods } from '../store/periods';
import type { Channel, Workspace } from '../store/workspace';
import { copyLinesForward, hasKad } from './repository';

export function nextMonth(id: string): string {
  const [y, m] = id.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Creates the next month's Key Activity Data from this month's, in one transaction: budget columns
 * carried, actual columns copied as the starting point and marked as not yet updated.
 */
export function rollForward(ws: Workspace, from: string, channel: Channel = 'grid'): { period: string; label: string } {
  const to = nextMonth(from);
  if (!hasKad(ws, from)) throw new UserError('not_found', `${monthLabel(from)} has no Key Activity Data to roll forward.`);
  if (hasKad(ws, to)) throw new UserError('invalid_input', `${monthLabel(to)} already has Key Activity Data, so it was not rolled forward again. Open ${monthLabel(to)} to edit it.`);
  const label = `Roll forward Key Activity Data from ${monthLabel(from)} to ${monthLabel(to)}`;
  const exists = ws.db.prepare('SELECT 1 FROM periods WHERE id = ?').get(to);
  if (exists) ws.assertPeriodOpen(to);
  ws.write({ channel, label, period: exists ? to : null, undoable: false }, () => {
    insertPeriods(ws, [to]);
    copyLinesForward(ws, from, to);
  });
  return { period: to, label };
}
