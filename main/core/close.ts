import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import { areas } from '../areas';
import { recordEvent } from '../store/events';
import type { Channel, Workspace } from '../store/workspace';

/**
 * A plain close by one officer ("closed without sign-off"): nothing in the month can change until it is
 * reopened, with a reason. The settings that shape the month's figures are frozen with it, so changing a
 * setting afterwards changes no closed month's totals, checks or pack. Both steps are audited.
 */
function requireMonth(ws: Workspace, period: string): { status: 'open' | 'closed' } {
  const row = ws.db.prepare('SELECT status FROM periods WHERE id = ?').get(period) as { status: 'open' | 'closed' } | undefined;
  if (!row) throw new UserError('not_found', `${monthLabel(period)} is not a period of this workspace.`);
  return row;
}

export function closePeriod(ws: Workspace, period: string, channel: Channel = 'close/reopen'): { label: string } {
  if (requireMonth(ws, period).status === 'closed') throw new UserError('invalid_input', `${ws.closedReason(period)}: it is closed already.`);
  const label = `Close ${monthLabel(period)} (without sign-off)`;
  ws.write({ channel, label, period }, () => {
    // Frozen first: once the month is closed, its guard refuses every write to it, these included.
    const insert = ws.db.prepare('INSERT OR REPLACE INTO period_settings (period, key, value) VALUES (?, ?, ?)');
    for (const a of areas()) for (const [key, value] of Object.entries(a.freeze?.(ws, period) ?? {})) insert.run(period, key, value);
    for (const a of areas()) a.closing?.(ws, period);
    recordEvent(ws, 'close', { signedOff: false }, period);
    ws.db.prepare(`UPDATE periods SET status = 'closed', closed_by = ?, closed_at = ? WHERE id = ?`).run(ws.identity.osUser, new Date().toISOString(), period);
  });
  return { label };
}

export function reopenPeriod(ws: Workspace, period: string, reason: string, channel: Channel = 'close/reopen'): { label: string } {
  const why = reason.trim();
  if (!why) throw new UserError('invalid_input', `Give a reason for reopening ${monthLabel(period)}: it is recorded in the audit trail.`);
  if (why.length > 500) throw new UserError('invalid_input', 'The reason is longer than 500 characters.');
  if (requireMonth(ws, period).status !== 'closed') throw new UserError('invalid_input', `${monthLabel(period)} is open already.`);
  const label = `Reopen ${monthLabel(period)}: ${why}`;
  ws.write({ channel, label }, () => {
    ws.db.prepare(`UPDATE periods SET status = 'open', closed_by = NULL, closed_at = NULL WHERE id = ?`).run(period);
    ws.db.prepare('DELETE FROM period_settings WHERE period = ?').run(period);
    for (const a of areas()) a.reopened?.(ws, period);
    recordEvent(ws, 'reopen', { reason: why }, period);
  });
  return { label };
}
