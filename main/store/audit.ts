import type { AuditEntry } from '../../shared/api/contract';
import { auditCells } from './audit-cells';
import type { Workspace } from './workspace';

export function listAudit(ws: Workspace, limit: number): AuditEntry[] {
  return ws.db
    .prepare(
      `WITH recent AS (SELECT * FROM audit_log ORDER BY id DESC LIMIT ?)
       SELECT id, at, os_user AS osUser, machine, channel, entity, entity_key AS entityKey, field,
              old_value AS oldValue, new_value AS newValue, file_name AS fileName, file_sha256 AS fileSha256, on_behalf_of AS onBehalfOf
       FROM ${auditCells('recent')} a ORDER BY id DESC, cell DESC LIMIT ?`,
    )
    .all(limit, limit)
    .map((r) => {
      const row = r as AuditEntry & { oldValue: unknown; newValue: unknown };
      return { ...row, oldValue: row.oldValue === null ? null : String(row.oldValue), newValue: row.newValue === null ? null : String(row.newValue) };
    });
}
