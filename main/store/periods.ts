import { monthLabel, publishesFmr } from '../../shared/periods';
import type { PeriodInfo } from '../../shared/api/contract';
import { areasWithData } from '../core/months';
import type { Workspace } from './workspace';

interface PeriodRow {
  id: string;
  status: 'open' | 'closed';
  closed_by: string | null;
  closed_at: string | null;
}

export function listPeriods(ws: Workspace): PeriodInfo[] {
  const rows = ws.db.prepare(`SELECT id, status, closed_by, closed_at FROM periods ORDER BY id`).all() as PeriodRow[];
  return rows.map((r) => ({
    id: r.id,
    label: monthLabel(r.id),
    status: r.status,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
    areas: areasWithData(ws, r.id),
    publishesFmr: publishesFmr(r.id),
  }));
}

/** Inserts missing periods; call inside Workspace.write. */
export function insertPeriods(ws: Workspace, ids: readonly string[]): void {
  const insert = ws.db.prepare(`INSERT OR IGNORE INTO periods (id, status) VALUES (?, 'open')`);
  for (const id of ids) insert.run(id);
}
