import { recordEvent } from './events';
import type { Workspace } from './workspace';

/**
 * A month marked ready for review is the month the reviewer is asked to sign off: any change to it
 * afterwards returns it to open, so nobody signs off figures they were not shown. Decided here, in the
 * store's one write path, from the audit rows the step wrote, so no route (grid, paste, import, undo,
 * command line, an area's own handler) can change a ready month and leave it ready. Only the month-end
 * workflow's own records (the period row, sign-offs, events) are not edits of the month.
 */
const WORKFLOW_ENTITIES = ['period', 'period_signoff', 'workspace_event'] as const;

/** Call inside Workspace.write, after the step ran: its audit rows (ids after `lastAuditBefore`) say which months it changed. */
export function returnEditedMonthsToOpen(ws: Workspace, lastAuditBefore: number, step: string): void {
  const edited = ws.db
    .prepare(
      `SELECT p.id, p.ready_by, p.ready_at FROM periods p
       WHERE p.status = 'open' AND p.ready_by IS NOT NULL
         AND EXISTS (SELECT 1 FROM audit_log a WHERE a.id > ? AND a.period = p.id AND a.entity NOT IN (${WORKFLOW_ENTITIES.map(() => '?').join(', ')}))`,
    )
    .all(lastAuditBefore, ...WORKFLOW_ENTITIES) as { id: string; ready_by: string; ready_at: string }[];
  for (const m of edited) {
    ws.db.prepare('UPDATE periods SET ready_by = NULL, ready_at = NULL WHERE id = ?').run(m.id);
    recordEvent(ws, 'returned-to-open', { by: ws.identity.osUser, step, preparedBy: m.ready_by, readyAt: m.ready_at }, m.id);
  }
}
