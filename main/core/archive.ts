import crypto from 'node:crypto';
import { UserError } from '../../shared/api/errors';
import type { ArchivedPack } from '../../shared/monthend';
import { monthLabel } from '../../shared/periods';
import type { Workspace } from '../store/workspace';

/**
 * The committee pack of a closed month, kept inside the workspace exactly as written when it closed: a
 * BLOB with its SHA-256, so the file the committee saw travels with the workspace and can be proved
 * unchanged. The table is append-only (store/tables.ts): a pack archived is never altered or removed;
 * closing the month again after a reopen archives the pack again, beside the first.
 */
export const sha256 = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

const COLUMNS = 'id, period, archived_at AS archivedAt, kind, file_name AS fileName, sha256, bytes';

/** Call inside the closing Workspace.write. */
export function archivePack(ws: Workspace, period: string, opId: number, kind: ArchivedPack['kind'], fileName: string, data: Buffer): ArchivedPack {
  const archivedAt = new Date().toISOString();
  const hash = sha256(data);
  const id = ws.db
    .prepare('INSERT INTO archived_packs (period, op_id, archived_at, kind, file_name, sha256, bytes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(period, opId, archivedAt, kind, fileName, hash, data.length, data).lastInsertRowid;
  return { id: Number(id), period, archivedAt, kind, fileName, sha256: hash, bytes: data.length };
}

export function listArchivedPacks(ws: Workspace, period: string): ArchivedPack[] {
  return ws.db.prepare(`SELECT ${COLUMNS} FROM archived_packs WHERE period = ? ORDER BY id DESC`).all(period) as ArchivedPack[];
}

/** The month's archived pack (the latest unless `id` names another), checked against its SHA-256 before it is handed out. */
export function archivedPack(ws: Workspace, period: string, id?: number): { info: ArchivedPack; data: Buffer } {
  const row = ws.db
    .prepare(`SELECT ${COLUMNS}, data FROM archived_packs WHERE period = ? ${id === undefined ? '' : 'AND id = ?'} ORDER BY id DESC LIMIT 1`)
    .get(...(id === undefined ? [period] : [period, id])) as (ArchivedPack & { data: Buffer }) | undefined;
  if (!row) throw new UserError('not_found', `There is no archived committee pack for ${monthLabel(period)}${id === undefined ? '' : ` numbered ${id}`}: a pack is archived when the month closes.`);
  const { data, ...info } = row;
  if (sha256(data) !== info.sha256) throw new UserError('invalid_input', `The archived pack of ${monthLabel(period)} no longer matches the SHA-256 recorded when it was archived: the workspace file has been damaged. Restore a backup.`);
  return { info, data };
}
