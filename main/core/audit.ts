import { UserError } from '../../shared/api/errors';
import { sharedArea } from '../../shared/areas';
import { actionWords, auditValueText, channelWords, type AuditChange, type CellAddress, type CellHistory } from '../../shared/audit';
import { AUDIT_CELLS, auditCells } from '../store/audit-cells';
import { ownedTables } from '../store/schema';
import type { TableSpec } from '../store/tables';
import type { Workspace } from '../store/workspace';

/**
 * The audit trail read back for people: the history of one cell of any registered table, and every
 * audited change of a month (the audit report). Generic: tables, keys and units come from the registry.
 */
interface AuditRow {
  id: number;
  at: string;
  os_user: string;
  machine: string;
  channel: string;
  period: string | null;
  entity: string;
  entity_key: string;
  field: string | null;
  old_value: string | number | null;
  new_value: string | number | null;
  action: string | null;
  file_name: string | null;
  file_sha256: string | null;
  label: string | null;
}

const selectFrom = (cells: string) => `SELECT a.id, a.at, a.os_user, a.machine, a.channel, a.period, a.entity, a.entity_key, a.field, a.old_value, a.new_value, a.action,
                       a.file_name, a.file_sha256, o.label FROM ${cells} a LEFT JOIN operations o ON o.id = a.op_id`;
const SELECT = selectFrom(AUDIT_CELLS);
/**
 * One row's records: those keyed by it, and the group records its inserts may be in (whose cells are
 * keyed by it once expanded), found through the audit's cell index before any is expanded.
 */
const ROW_CELLS = auditCells(`(SELECT * FROM audit_log WHERE entity = @entity AND entity_key IN (@key, @group))`);

export const areaNameOf = (owner: string): string => (owner === 'core' ? 'Outturn' : (sharedArea(owner)?.name ?? owner));

const text = (v: string | number | null) => (v === null ? null : String(v));

export function toChange(r: AuditRow, spec: TableSpec | undefined): AuditChange {
  const unit = spec?.columns.find((c) => c.name === r.field)?.unit ?? null;
  return {
    id: r.id,
    at: r.at,
    osUser: r.os_user,
    machine: r.machine,
    channel: r.channel,
    how: channelWords(r.channel),
    step: r.label,
    action: actionWords(r.action),
    from: r.action === 'insert' ? 'blank' : auditValueText(text(r.old_value), unit),
    to: r.action === 'delete' ? 'blank' : auditValueText(text(r.new_value), unit),
    fileName: r.file_name,
    fileSha256: r.file_sha256,
  };
}

/** Every change of one cell, oldest first: the row's creation and removal count, as they set or clear the cell. */
export function cellHistory(ws: Workspace, cell: CellAddress): CellHistory {
  const owned = ownedTables().find((t) => t.spec.name === cell.table);
  if (!owned) throw new UserError('not_found', `Outturn keeps no table called "${cell.table}".`);
  const { spec, owner } = owned;
  if (!spec.columns.some((c) => c.name === cell.field)) throw new UserError('invalid_input', `${cell.table} has no column "${cell.field}".`);
  const missing = spec.key.filter((k) => cell.key[k] === undefined);
  const extra = Object.keys(cell.key).filter((k) => !spec.key.includes(k));
  if (missing.length || extra.length) throw new UserError('invalid_input', `A row of ${cell.table} is named by ${spec.key.join(', ')}${missing.length ? `; ${missing.join(', ')} missing` : ''}${extra.length ? `; ${extra.join(', ')} not part of it` : ''}.`);
  const values = spec.key.map((k) => String(cell.key[k]));
  const entityKey = values.join('|');
  const group = values.slice(0, spec.auditGroupKey ?? values.length).join('|');
  const rows = ws.db
    .prepare(`${selectFrom(ROW_CELLS)} WHERE a.entity_key = @key AND (a.field = @field OR a.field IS NULL) ORDER BY a.id, a.cell`)
    .all({ entity: spec.entity, key: entityKey, group, field: cell.field }) as AuditRow[];
  return { table: spec.name, field: cell.field, entityKey, areaName: areaNameOf(owner), changes: rows.map((r) => toChange(r, spec)) };
}

export interface PeriodAuditRow extends AuditChange {
  operation: number;
  area: string;
  table: string;
  row: string;
  column: string;
}

/** Every audited change filed under the month, oldest first. */
export function periodAudit(ws: Workspace, period: string): PeriodAuditRow[] {
  const byEntity = new Map(ownedTables().map((t) => [t.spec.entity, t]));
  const rows = ws.db.prepare(`${SELECT.replace('SELECT a.id,', 'SELECT a.op_id, a.id,')} WHERE a.period = ? ORDER BY a.id, a.cell`).all(period) as (AuditRow & { op_id: number })[];
  return rows.map((r) => {
    const owned = byEntity.get(r.entity);
    return { ...toChange(r, owned?.spec), operation: r.op_id, area: owned ? areaNameOf(owned.owner) : '', table: owned?.spec.name ?? r.entity, row: r.entity_key, column: r.field ?? '(the row)' };
  });
}
