import type { ReturnValue } from './spec';
import type { Workspace } from '../store/workspace';

/** The returns tables' SQL lives here and nowhere else. */
export interface ReturnRecord {
  id: string;
  area: string;
  period: string;
  owner: string;
  file_name: string;
  issued_at: string;
  issued_by: string;
  due_date: string;
  status: 'issued' | 'returned' | 'applied' | 'superseded';
  returned_at: string | null;
  returned_sha256: string | null;
  applied_at: string | null;
  applied_by: string | null;
}

export interface IssuedRow {
  rowKey: string;
  seq: number;
  label: string;
  issued: Record<string, ReturnValue>;
}

export function getReturn(ws: Workspace, id: string): ReturnRecord | undefined {
  return ws.db.prepare('SELECT * FROM returns WHERE id = ?').get(id) as ReturnRecord | undefined;
}

export function listReturns(ws: Workspace, period?: string): (ReturnRecord & { rows: number })[] {
  return ws.db
    .prepare(`SELECT r.*, (SELECT COUNT(*) FROM return_rows x WHERE x.return_id = r.id) AS rows FROM returns r ${period ? 'WHERE r.period = ?' : ''} ORDER BY r.period, r.area, r.owner, r.issued_at`)
    .all(...(period ? [period] : [])) as (ReturnRecord & { rows: number })[];
}

export function issuedRows(ws: Workspace, returnId: string): IssuedRow[] {
  return (ws.db.prepare('SELECT row_key, seq, label, issued FROM return_rows WHERE return_id = ? ORDER BY seq').all(returnId) as { row_key: string; seq: number; label: string; issued: string }[]).map((r) => ({
    rowKey: r.row_key,
    seq: r.seq,
    label: r.label,
    issued: JSON.parse(r.issued) as Record<string, ReturnValue>,
  }));
}

/** The live (not superseded) return of an owner for an area and period, if there is one. */
export function liveReturn(ws: Workspace, area: string, period: string, owner: string): ReturnRecord | undefined {
  return ws.db.prepare(`SELECT * FROM returns WHERE area = ? AND period = ? AND owner = ? AND status <> 'superseded' ORDER BY issued_at DESC LIMIT 1`).get(area, period, owner) as ReturnRecord | undefined;
}

/** Call inside Workspace.write. */
export function insertReturn(ws: Workspace, r: Pick<ReturnRecord, 'id' | 'area' | 'period' | 'owner' | 'file_name' | 'issued_at' | 'issued_by' | 'due_date'>, rows: readonly IssuedRow[]): void {
  ws.db
    .prepare('INSERT INTO returns (id, area, period, owner, file_name, issued_at, issued_by, due_date) VALUES (@id, @area, @period, @owner, @file_name, @issued_at, @issued_by, @due_date)')
    .run(r);
  const row = ws.db.prepare('INSERT INTO return_rows (return_id, row_key, seq, label, issued) VALUES (?, ?, ?, ?, ?)');
  for (const x of rows) row.run(r.id, x.rowKey, x.seq, x.label, JSON.stringify(x.issued));
}

/** Call inside Workspace.write. */
export function setStatus(ws: Workspace, id: string, status: ReturnRecord['status'], extra: Partial<Pick<ReturnRecord, 'returned_at' | 'returned_sha256' | 'applied_at' | 'applied_by'>> = {}): void {
  const sets = ['status = @status', ...Object.keys(extra).map((k) => `${k} = @${k}`)];
  ws.db.prepare(`UPDATE returns SET ${sets.join(', ')} WHERE id = @id`).run({ id, status, ...extra });
}

/** Call inside Workspace.write. */
export function setDueDate(ws: Workspace, id: string, dueDate: string): void {
  ws.db.prepare('UPDATE returns SET due_date = ? WHERE id = ?').run(dueDate, id);
}
