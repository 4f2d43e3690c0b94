import type { Database, Statement } from 'better-sqlite3';
import { UserError } from '../../shared/api/errors';
import { monthLabel, publishesFmr } from '../../shared/periods';
import type { PeriodInfo } from '../../shared/api/contract';
import { areasWithData } from '../core/months';
import { CLOSED_BY_COLUMNS, type ClosedBy, type Workspace } from './workspace';

type PeriodRow = ClosedBy & { id: string; status: 'open' | 'closed'; ready_by: string | null };

/** Refuses a month the workspace does not hold, naming it in the officer's words. */
export function requirePeriod(ws: Workspace, period: string): void {
  if (!ws.db.prepare('SELECT 1 FROM periods WHERE id = ?').get(period)) throw new UserError('not_found', `${monthLabel(period)} is not a period of this workspace.`);
}

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

/**
 * Prepared once per connection: compiling this insert (the periods' triggers, and a look-up in every
 * table whose rows name a period, for the foreign keys the write defers) costs ten times running it,
 * and an import creating 1,515 months inserts them one by one as it rolls forward (about 0.3 s of CPU
 * in the bench). A statement stays valid through schema changes: SQLite compiles it again when needed.
 */
const periodInserts = new WeakMap<Database, Statement<[string]>>();

/** Inserts missing periods; call inside Workspace.write. */
export function insertPeriods(ws: Workspace, ids: readonly string[]): void {
  let insert = periodInserts.get(ws.db);
  if (!insert) {
    insert = ws.db.prepare<[string]>(`INSERT OR IGNORE INTO periods (id, status) VALUES (?, 'open')`);
    periodInserts.set(ws.db, insert);
  }
  for (const id of ids) insert.run(id);
}
