import type { Workspace } from './workspace';

/**
 * Kinds of whole-workspace steps recorded in workspace_events (and, through its triggers, the audit
 * trail). The month-end ones: `ready` (marked ready for review), `returned-to-open` (an edit to a ready
 * month), `close` (detail.signedOff says whether by a sign-off), `reopen` (with the reason, and the
 * sign-off it voided); `year-end` (the financial year rolled over into the next).
 */
export type EventKind = 'restore' | 'reset' | 'close' | 'reopen' | 'ready' | 'returned-to-open' | 'year-end';

/** Records a whole-workspace step; call inside Workspace.write. */
export function recordEvent(ws: Workspace, kind: EventKind, detail: Record<string, unknown>, period: string | null = null): void {
  ws.db.prepare('INSERT INTO workspace_events (at, kind, period, detail) VALUES (?, ?, ?, ?)').run(new Date().toISOString(), kind, period, JSON.stringify(detail));
}

export interface WorkspaceEvent {
  id: number;
  at: string;
  kind: EventKind;
  period: string | null;
  detail: Record<string, unknown>;
}

export function listEvents(ws: Workspace, kind?: EventKind): WorkspaceEvent[] {
  const rows = ws.db
    .prepare(`SELECT id, at, kind, period, detail FROM workspace_events ${kind ? 'WHERE kind = ?' : ''} ORDER BY id`)
    .all(...(kind ? [kind] : [])) as { id: number; at: string; kind: EventKind; period: string | null; detail: string }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
