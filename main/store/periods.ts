import { monthLabel, publishesFmr } from '../../shared/periods';
import type { PeriodInfo } from '../../shared/api/contract';
import { areasWithData } from '../core/months';
import { CLOSED_BY_COLUMNS, type ClosedBy, type Workspace } from './workspace';

type PeriodRow = ClosedBy & { id: string; status: 'open' | 'closed'; ready_by: string | null };

export function listPeriods(ws: Workspace): PeriodInfo[] {
  const rows = ws.db.prepare(`SELECT p.id, p.status, p.ready_by, ${CLOSED_BY_COLUMNS('p')} FROM periods p ORDER BY p.id`).all() as PeriodRow[];
  return rows.map((r) => ({
    id: r.id,
    label: monthLabel(r.id),
    // A month marked ready for review is still open (an edit returns it to open); the workflow shows it apart.
    status: r.status === 'closed' ? 'closed' : r.ready_by ? 'ready' : 'open',
    closedBy: r.closed_by,
    closedAt: r.closed_at,
    readyBy: r.ready_by,
    signedOffBy: r.signed_off_by,
    signedOffAt: r.signed_off_at,
    areas: areasWithData(ws, r.id),
    publishesFmr: publishesFmr(r.id),
  }));
}

/** Inserts missing periods; call inside Workspace.write. */
export function insertPeriods(ws: Workspace, ids: readonly string[]): void {
  const insert = ws.db.prepare(`INSERT OR IGNORE INTO periods (id, status) VALUES (?, 'open')`);
  for (const id of ids) insert.run(id);
}
