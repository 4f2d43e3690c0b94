import { UserError } from '../../shared/api/errors';
import type { CloseResult } from '../../shared/monthend';
import { monthLabel } from '../../shared/periods';
import { areas } from '../areas';
import type { PackApproval } from '../pack/approval';
import { packFile } from '../pack/download';
import { backupWorkspace } from '../store/backup';
import { recordEvent } from '../store/events';
import type { Channel, Workspace } from '../store/workspace';
import { archivePack, sha256 } from './archive';
import { carryIntoNext } from './months';
import { monthEndSettings } from './monthend-settings';

/**
 * Closing a month, by a reviewer's sign-off (main/core/signoff.ts) or plainly by one officer ("closed
 * without sign-off"): nothing in the month can change until it is reopened, with a reason. Closing is
 * the month-end: the settings that shape the month's figures are frozen with it, its committee pack is
 * archived inside the workspace, the next month is rolled forward (or refreshed from it), and a backup
 * is taken that the rotation never removes. Every step is audited.
 */
export interface MonthRow {
  status: 'open' | 'closed';
  ready_by: string | null;
  ready_at: string | null;
}

export function requireMonth(ws: Workspace, period: string): MonthRow {
  const row = ws.db.prepare('SELECT status, ready_by, ready_at FROM periods WHERE id = ?').get(period) as MonthRow | undefined;
  if (!row) throw new UserError('not_found', `${monthLabel(period)} is not a period of this workspace.`);
  return row;
}

export function assertWritable(ws: Workspace): void {
  if (ws.readOnly) throw new UserError('read_only', ws.readOnlyReason ?? 'This workspace is read-only.');
}

/** Why a plain close cannot be made now, in plain words; null when it can. */
export function whyNotClose(ws: Workspace, period: string): string | null {
  const month = requireMonth(ws, period);
  if (month.status === 'closed') return `${ws.closedReason(period)}: it is closed already.`;
  if (monthEndSettings(ws).closeRequiresSignOff) {
    return `${monthLabel(period)} can only be closed by a reviewer's sign-off: the setting "close requires sign-off" is on. Mark it ready for review; a reviewer then signs it off, which closes it.`;
  }
  return null;
}

/** Why the month cannot be reopened now; null when it can. */
export function whyNotReopen(ws: Workspace, period: string): string | null {
  return requireMonth(ws, period).status === 'closed' ? null : `${monthLabel(period)} is open already.`;
}

export interface SignOffFacts {
  preparedBy: string | null;
  preparedAt: string | null;
  figuresSha256: string;
}

const lastOperation = (ws: Workspace) => (ws.db.prepare('SELECT COALESCE(MAX(id), 0) FROM operations').pluck().get() as number) ?? 0;

/**
 * The close itself, for a sign-off and a plain close alike. The pack is built first (it says who approved
 * the month), outside the transaction; the transaction then refuses if anything was written meanwhile,
 * so the pack archived is the pack of the figures closed.
 */
export async function closeMonth(ws: Workspace, period: string, approval: PackApproval, channel: Channel, signOff: SignOffFacts | null): Promise<CloseResult> {
  const label = signOff
    ? `Sign off ${monthLabel(period)}${signOff.preparedBy ? ` (prepared by ${signOff.preparedBy})` : ''}`
    : `Close ${monthLabel(period)} (without sign-off)`;
  const before = lastOperation(ws);
  const pack = await packFile(ws, period, undefined, approval);
  const packSha256 = sha256(pack.data);
  let next: CloseResult['next'] = null;
  ws.write({ channel, label, period }, (opId) => {
    if (opId !== before + 1) throw new UserError('invalid_input', `${monthLabel(period)} changed while its committee pack was being prepared, so it was not closed. Try again.`);
    const archived = archivePack(ws, period, opId, approval.kind, pack.fileName, pack.data);
    let signOffId: number | null = null;
    if (signOff) {
      signOffId = Number(
        ws.db
          .prepare(
            `INSERT INTO period_signoffs (period, prepared_by, prepared_at, signed_off_by, signed_off_at, figures_sha256, pack_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(period, signOff.preparedBy, signOff.preparedAt, approval.by, approval.at, signOff.figuresSha256, packSha256).lastInsertRowid,
      );
    }
    // Frozen first: once the month is closed, its guard refuses every write to it, these included.
    const insert = ws.db.prepare('INSERT OR REPLACE INTO period_settings (period, key, value) VALUES (?, ?, ?)');
    for (const a of areas()) for (const [key, value] of Object.entries(a.freeze?.(ws, period) ?? {})) insert.run(period, key, value);
    for (const a of areas()) a.closing?.(ws, period);
    next = carryIntoNext(ws, period);
    recordEvent(
      ws,
      'close',
      {
        signedOff: !!signOff,
        by: approval.by,
        packSha256,
        archivedPack: archived.id,
        ...(signOff ? { signOff: signOffId, preparedBy: signOff.preparedBy, figuresSha256: signOff.figuresSha256 } : {}),
        ...(next ? { next } : {}),
      },
      period,
    );
    ws.db.prepare(`UPDATE periods SET status = 'closed', closed_by = ?, closed_at = ?, ready_by = NULL, ready_at = NULL WHERE id = ?`).run(approval.by, approval.at, period);
  });
  const reason = `month-end: ${monthLabel(period)} ${signOff ? `signed off by ${approval.by}` : `closed without sign-off by ${approval.by}`}`;
  let backup: string | null = null;
  let backupProblem: string | null = null;
  try {
    backup = (await backupWorkspace(ws, reason, { keep: true })).name;
  } catch (err) {
    backupProblem = `${monthLabel(period)} is closed, but its month-end backup could not be taken: ${err instanceof Error ? err.message : String(err)}`;
  }
  return { label, packSha256, figuresSha256: signOff?.figuresSha256 ?? null, backup, backupProblem, next };
}

/** A plain close by one officer ("closed without sign-off"), unless the workspace requires a sign-off. */
export async function closePeriod(ws: Workspace, period: string, channel: Channel = 'close/reopen'): Promise<CloseResult> {
  assertWritable(ws);
  const why = whyNotClose(ws, period);
  if (why) throw new UserError('invalid_input', why);
  return closeMonth(ws, period, { kind: 'closed', by: ws.identity.osUser, at: new Date().toISOString() }, channel, null);
}

/** Reopens a closed month, with a reason; a sign-off in force is voided, and the sign-off record says so. */
export function reopenPeriod(ws: Workspace, period: string, reason: string, channel: Channel = 'close/reopen'): { label: string; voidedSignOff: { by: string; at: string } | null } {
  const why = reason.trim();
  if (!why) throw new UserError('invalid_input', `Give a reason for reopening ${monthLabel(period)}: it is recorded in the audit trail.`);
  if (why.length > 500) throw new UserError('invalid_input', 'The reason is longer than 500 characters.');
  const refused = whyNotReopen(ws, period);
  if (refused) throw new UserError('invalid_input', refused);
  const signOff = ws.db
    .prepare('SELECT id, signed_off_by AS by, signed_off_at AS at FROM period_signoffs WHERE period = ? AND voided_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(period) as { id: number; by: string; at: string } | undefined;
  const label = `Reopen ${monthLabel(period)}: ${why}${signOff ? ` (voids the sign-off by ${signOff.by} on ${signOff.at.slice(0, 10)})` : ''}`;
  ws.write({ channel, label }, () => {
    ws.db.prepare(`UPDATE periods SET status = 'open', closed_by = NULL, closed_at = NULL WHERE id = ?`).run(period);
    ws.db.prepare('DELETE FROM period_settings WHERE period = ?').run(period);
    if (signOff) {
      ws.db.prepare('UPDATE period_signoffs SET voided_by = ?, voided_at = ?, void_reason = ? WHERE id = ?').run(ws.identity.osUser, new Date().toISOString(), why, signOff.id);
    }
    for (const a of areas()) a.reopened?.(ws, period);
    recordEvent(ws, 'reopen', { reason: why, by: ws.identity.osUser, ...(signOff ? { voidedSignOff: { id: signOff.id, signedOffBy: signOff.by, signedOffAt: signOff.at } } : {}) }, period);
  });
  return { label, voidedSignOff: signOff ? { by: signOff.by, at: signOff.at } : null };
}
