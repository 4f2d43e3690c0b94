import { UserError } from '../../shared/api/errors';
import { isOpen } from '../../shared/checks';
import { sharedArea } from '../../shared/areas';
import type { CloseResult } from '../../shared/monthend';
import { monthLabel } from '../../shared/periods';
import { recordEvent } from '../store/events';
import type { Channel, Workspace } from '../store/workspace';
import { monthFindings } from './checks';
import { assertWritable, closeMonth, requireMonth } from './close';
import { figuresSha256 } from './figures';
import { areasWithData } from './months';
import { monthEndSettings } from './monthend-settings';

/**
 * The month-end workflow on top of the plain close: the preparer marks a month ready for review once
 * every finding of every area is resolved or acknowledged; a reviewer signs it off, which closes it.
 * The same `whyNot…` functions refuse the step and tell the Month-end page why a button is unavailable.
 */
const day = (iso: string | null) => (iso ? ` on ${iso.slice(0, 10)}` : '');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Findings neither resolved (gone, or accepted after a correction) nor acknowledged with a note, per area. */
export function openFindingsByArea(ws: Workspace, period: string): { area: string; name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of monthFindings(ws, period).filter(isOpen)) counts.set(f.area, (counts.get(f.area) ?? 0) + 1);
  return [...counts].map(([area, count]) => ({ area, name: sharedArea(area)?.name ?? area, count }));
}

function findingsRefusal(ws: Workspace, period: string, step: string): string | null {
  const open = openFindingsByArea(ws, period);
  const total = open.reduce((n, a) => n + a.count, 0);
  if (!total) return null;
  const where = open.map((a) => `${a.name}: ${a.count}`).join('; ');
  return `${monthLabel(period)} cannot be ${step}: ${plural(total, 'finding')} ${total === 1 ? 'is' : 'are'} not yet resolved or acknowledged (${where}). Correct the figures, or acknowledge each finding with a note under Checks, then try again.`;
}

/** Why the month cannot be marked ready for review now; null when it can. */
export function whyNotMarkReady(ws: Workspace, period: string): string | null {
  const month = requireMonth(ws, period);
  const label = monthLabel(period);
  if (month.status === 'closed') return `${ws.closedReason(period)}: reopen it before marking it ready for review.`;
  if (month.ready_by) return `${label} is already ready for review (marked by ${month.ready_by}${day(month.ready_at)}).`;
  if (!areasWithData(ws, period).length) return `${label} holds no figures, so there is nothing to review.`;
  return findingsRefusal(ws, period, 'marked ready for review');
}

/** Why this officer cannot sign the month off now; null when they can. */
export function whyNotSignOff(ws: Workspace, period: string): string | null {
  const month = requireMonth(ws, period);
  const label = monthLabel(period);
  const me = ws.identity.osUser;
  if (month.status === 'closed') return `${ws.closedReason(period)}: it is closed already.`;
  if (!month.ready_by) return `${label} is not ready for review: its preparer marks it ready first (Mark ready, or outturn ready).`;
  if (monthEndSettings(ws).reviewerMustDiffer && month.ready_by === me) {
    return `${label} was prepared by ${month.ready_by} (marked ready${day(month.ready_at)}), so ${me} cannot also sign it off: another officer must review it, because the setting "reviewer must differ from preparer" is on.`;
  }
  return findingsRefusal(ws, period, 'signed off');
}

export function markReady(ws: Workspace, period: string, channel: Channel = 'close/reopen'): { label: string } {
  assertWritable(ws);
  const why = whyNotMarkReady(ws, period);
  if (why) throw new UserError('invalid_input', why);
  const label = `Mark ${monthLabel(period)} ready for review`;
  ws.write({ channel, label, period }, () => {
    ws.db.prepare('UPDATE periods SET ready_by = ?, ready_at = ? WHERE id = ?').run(ws.identity.osUser, new Date().toISOString(), period);
    recordEvent(ws, 'ready', { by: ws.identity.osUser }, period);
  });
  return { label };
}

/** A reviewer's sign-off: records who, when, the SHA-256 of the month's figures and of its pack, and closes the month. */
export async function signOff(ws: Workspace, period: string, channel: Channel = 'close/reopen'): Promise<CloseResult> {
  assertWritable(ws);
  const why = whyNotSignOff(ws, period);
  if (why) throw new UserError('invalid_input', why);
  const month = requireMonth(ws, period);
  const facts = { preparedBy: month.ready_by, preparedAt: month.ready_at, figuresSha256: figuresSha256(ws, period) };
  return closeMonth(ws, period, { kind: 'signed-off', by: ws.identity.osUser, at: new Date().toISOString() }, channel, facts);
}
