import { UserError } from '../../shared/api/errors';
import type { Target } from '../../shared/area';
import type { HistoryState } from '../../shared/api/contract';
import { AUDIT_CELLS } from './audit-cells';
import { applyRowChange, type AuditRow } from './undo';
import type { Workspace } from './workspace';

/**
 * Server-side undo. Every operation's audit rows hold old and new values, so undo re-applies the old
 * values (and redo the new ones) as a new, audited operation that names the one it reverts. Nothing is
 * ever updated in place: whether a step is done or undone is read from the undo and redo operations
 * that followed it, so the history is append-only and survives a reload and a restart.
 */
export interface OpRow {
  id: number;
  label: string;
  period: string | null;
  target: Target | null;
}

interface RawOp {
  id: number;
  label: string;
  period: string | null;
  target: string | null;
}

const toOp = (r: RawOp | undefined): OpRow | undefined => (r ? { id: r.id, label: r.label, period: r.period, target: r.target ? (JSON.parse(r.target) as Target) : null } : undefined);

/** For each undoable step: the latest undo or redo of it, if any. */
const STEPS = `
  WITH last AS (
    SELECT o.id, o.label, o.period, o.target,
           (SELECT r.id FROM operations r WHERE r.reverts_op = o.id ORDER BY r.id DESC LIMIT 1) AS last_id,
           (SELECT r.channel FROM operations r WHERE r.reverts_op = o.id ORDER BY r.id DESC LIMIT 1) AS last_channel
    FROM operations o WHERE o.undoable = 1 AND o.channel NOT IN ('undo', 'redo')
  )`;

/** The step Undo reverts: the one most recently done or redone. */
function lastDone(ws: Workspace): OpRow | undefined {
  return toOp(ws.db.prepare(`${STEPS} SELECT id, label, period, target FROM last WHERE last_channel IS NULL OR last_channel = 'redo' ORDER BY COALESCE(last_id, id) DESC LIMIT 1`).get() as RawOp | undefined);
}

/** The step Redo re-applies: the one most recently undone, unless a new step was taken since. */
function lastUndone(ws: Workspace): OpRow | undefined {
  return toOp(
    ws.db
      .prepare(`${STEPS} SELECT id, label, period, target FROM last WHERE last_channel = 'undo' AND last_id > (SELECT COALESCE(MAX(id), 0) FROM last) ORDER BY last_id DESC LIMIT 1`)
      .get() as RawOp | undefined,
  );
}

export function historyState(ws: Workspace): HistoryState {
  const undo = lastDone(ws);
  const redo = lastUndone(ws);
  return { canUndo: !!undo && !ws.readOnly, undoLabel: undo?.label ?? null, canRedo: !!redo && !ws.readOnly, redoLabel: redo?.label ?? null };
}

/**
 * Records of what happened, not figures: an event stays recorded, and a month an edit returned to open
 * (store/ready.ts) is not made ready again by undoing the edit; the undo is itself an edit of the month.
 */
const notUndone = (r: AuditRow) => r.entity === 'workspace_event' || (r.entity === 'period' && (r.field === 'ready_by' || r.field === 'ready_at'));

/** An operation's audit rows, grouped by row and action, in the order they must be applied. */
function changesOf(ws: Workspace, opId: number, direction: 'undo' | 'redo'): AuditRow[][] {
  const rows = (ws.db
    .prepare(`SELECT entity, entity_key, field, old_value, new_value, action FROM ${AUDIT_CELLS} a WHERE op_id = ? ORDER BY id, cell`)
    .all(opId) as AuditRow[]).filter((r) => !notUndone(r));
  const groups: AuditRow[][] = [];
  for (const r of rows) {
    const last = groups.at(-1)?.[0];
    if (last && last.entity === r.entity && last.entity_key === r.entity_key && last.action === r.action) groups.at(-1)!.push(r);
    else groups.push([r]);
  }
  return direction === 'undo' ? groups.reverse() : groups;
}

function replay(ws: Workspace, op: OpRow, direction: 'undo' | 'redo'): void {
  const groups = changesOf(ws, op.id, direction);
  ws.write({ channel: direction, label: `${direction === 'undo' ? 'Undo' : 'Redo'}: ${op.label}`, period: op.period, target: op.target, revertsOp: op.id }, () => {
    for (const g of groups) applyRowChange(ws.db, g, direction);
  });
}

export function undo(ws: Workspace): OpRow {
  const op = lastDone(ws);
  if (!op) throw new UserError('nothing_to_undo', 'There is nothing to undo.');
  replay(ws, op, 'undo');
  return op;
}

export function redo(ws: Workspace): OpRow {
  const op = lastUndone(ws);
  if (!op) throw new UserError('nothing_to_redo', 'There is nothing to redo.');
  replay(ws, op, 'redo');
  return op;
}
