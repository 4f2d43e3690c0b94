import type { MonthEndState, MonthEvent, SignOff } from '../../shared/monthend';
import { monthLabel } from '../../shared/periods';
import { CLOSED_BY_COLUMNS, closedByText, type ClosedBy, type Workspace } from '../store/workspace';
import { listArchivedPacks } from './archive';
import { whyNotClose, whyNotReopen } from './close';
import { monthEndSettings } from './monthend-settings';
import { openFindingsByArea, whyNotMarkReady, whyNotSignOff } from './signoff';

/** Everything the Month-end page shows for a month: its status, what blocks each step, who did what when. */
const short = (sha: unknown) => (typeof sha === 'string' ? `${sha.slice(0, 12)}…` : '?');

function eventText(kind: string, by: string | null, d: Record<string, unknown>): string {
  const who = by ?? 'unknown';
  switch (kind) {
    case 'ready':
      return `Marked ready for review by ${who}.`;
    case 'returned-to-open':
      return `Returned to open: ${who} changed it after it was marked ready (${String(d.step ?? 'an edit')}).`;
    case 'close':
      return d.signedOff
        ? `Signed off by ${who}${d.preparedBy ? ` (prepared by ${String(d.preparedBy)})` : ''}, which closed it. Figures SHA-256 ${short(d.figuresSha256)}; committee pack SHA-256 ${short(d.packSha256)}.`
        : `Closed without sign-off by ${who}.${d.packSha256 ? ` Committee pack SHA-256 ${short(d.packSha256)}.` : ''}`;
    case 'reopen': {
      const voided = d.voidedSignOff as { signedOffBy?: string; signedOffAt?: string } | undefined;
      return `Reopened by ${who}: “${String(d.reason ?? '')}”.${voided ? ` The sign-off by ${voided.signedOffBy} on ${String(voided.signedOffAt).slice(0, 10)} is void.` : ''}`;
    }
    default:
      return `${kind} by ${who}.`;
  }
}

export function monthHistory(ws: Workspace, period: string): MonthEvent[] {
  const rows = ws.db
    .prepare(
      `SELECT e.at, e.kind, e.detail,
              (SELECT a.os_user FROM audit_log a WHERE a.entity = 'workspace_event' AND a.entity_key = CAST(e.id AS TEXT) ORDER BY a.id LIMIT 1) AS by
       FROM workspace_events e WHERE e.period = ? AND e.kind IN ('ready', 'returned-to-open', 'close', 'reopen') ORDER BY e.id`,
    )
    .all(period) as { at: string; kind: string; detail: string; by: string | null }[];
  return rows.map((r) => ({ at: r.at, kind: r.kind, by: r.by, text: eventText(r.kind, r.by, JSON.parse(r.detail) as Record<string, unknown>) }));
}

export function signOffs(ws: Workspace, period: string): SignOff[] {
  return ws.db
    .prepare(
      `SELECT id, prepared_by AS preparedBy, prepared_at AS preparedAt, signed_off_by AS signedOffBy, signed_off_at AS signedOffAt,
              figures_sha256 AS figuresSha256, pack_sha256 AS packSha256, voided_by AS voidedBy, voided_at AS voidedAt, void_reason AS voidReason
       FROM period_signoffs WHERE period = ? ORDER BY id DESC`,
    )
    .all(period) as SignOff[];
}

export function monthEndState(ws: Workspace, period: string): MonthEndState {
  const row = ws.db.prepare(`SELECT p.status, p.ready_by, p.ready_at, ${CLOSED_BY_COLUMNS('p')} FROM periods p WHERE p.id = ?`).get(period) as
    | (ClosedBy & { status: 'open' | 'closed'; ready_by: string | null; ready_at: string | null })
    | undefined;
  // The refusals below throw the plain not-found message for a month that does not exist.
  const refusals = { markReady: whyNotMarkReady(ws, period), signOff: whyNotSignOff(ws, period), close: whyNotClose(ws, period), reopen: whyNotReopen(ws, period) };
  const all = signOffs(ws, period);
  const closed = row!.status === 'closed';
  return {
    period,
    label: monthLabel(period),
    status: closed ? 'closed' : row!.ready_by ? 'ready' : 'open',
    readyBy: row!.ready_by,
    readyAt: row!.ready_at,
    closedBy: row!.closed_by,
    closedAt: row!.closed_at,
    closedText: closed ? closedByText(row!) : null,
    signOff: closed ? (all.find((s) => s.voidedAt === null) ?? null) : null,
    openFindings: closed ? [] : openFindingsByArea(ws, period),
    refusals,
    signOffs: all,
    archivedPacks: listArchivedPacks(ws, period),
    history: monthHistory(ws, period),
    settings: monthEndSettings(ws),
    user: ws.identity.osUser,
  };
}
