import { UserError } from '../../shared/api/errors';
import type { HistoryState } from '../../shared/api/contract';
import type { Workspace } from './workspace';

/**
 * Server-side undo: every undoable operation's audit rows hold old and new values, so undo re-applies
 * the old values (and redo the new ones) as a new, audited operation. The stack lives in the workspace,
 * so it survives a reload and a restart.
 */
type Applier = (ws: Workspace, entityKey: string, field: string, value: string | null) => void;

const appliers = new Map<string, Applier>();

export function registerUndoApplier(entity: string, applier: Applier): void {
  appliers.set(entity, applier);
}

interface OpRow {
  id: number;
  label: string;
  period: string | null;
  service_id: string | null;
}

function lastDone(ws: Workspace): OpRow | undefined {
  return ws.db.prepare(`SELECT id, label, period, service_id FROM operations WHERE undoable = 1 AND state = 'done' ORDER BY id DESC LIMIT 1`).get() as OpRow | undefined;
}

function lastUndone(ws: Workspace): OpRow | undefined {
  return ws.db.prepare(`SELECT id, label, period, service_id FROM operations WHERE undoable = 1 AND state = 'undone' ORDER BY undone_order DESC LIMIT 1`).get() as OpRow | undefined;
}

export function historyState(ws: Workspace): HistoryState {
  const undo = lastDone(ws);
  const redo = lastUndone(ws);
  return { canUndo: !!undo && !ws.readOnly, undoLabel: undo?.label ?? null, canRedo: !!redo && !ws.readOnly, redoLabel: redo?.label ?? null };
}

function replay(ws: Workspace, op: OpRow, direction: 'undo' | 'redo'): void {
  const rows = ws.db
    .prepare(`SELECT entity, entity_key, field, old_value, new_value FROM audit_log WHERE op_id = ? ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`)
    .all(op.id) as { entity: string; entity_key: string; field: string | null; old_value: string | null; new_value: string | null }[];
  ws.write({ channel: direction, label: `${direction === 'undo' ? 'Undo' : 'Redo'}: ${op.label}`, period: op.period, serviceId: op.service_id, revertsOp: op.id }, () => {
    for (const r of rows) {
      const apply = appliers.get(r.entity);
      if (!apply || r.field === null) throw new Error(`no undo for ${r.entity}`);
      apply(ws, r.entity_key, r.field, direction === 'undo' ? r.old_value : r.new_value);
    }
    if (direction === 'undo') {
      ws.db.prepare(`UPDATE operations SET state = 'undone', undone_order = (SELECT COALESCE(MAX(undone_order), 0) + 1 FROM operations) WHERE id = ?`).run(op.id);
    } else {
      ws.db.prepare(`UPDATE operations SET state = 'done', undone_order = NULL WHERE id = ?`).run(op.id);
    }
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
