import type { Database } from 'better-sqlite3';
import { tableSpec } from './schema';
import type { ColumnType, TableSpec } from './tables';

/**
 * Puts back any audited change to a registered table: an update's columns, an inserted row removed, a
 * deleted row inserted again. Because every user-data table is registered, every step can be undone;
 * the audit rows of an operation are all the history needs.
 */
export interface AuditRow {
  entity: string;
  entity_key: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  action: 'insert' | 'update' | 'delete' | null;
}

export function canUndoEntities(entities: readonly string[]): boolean {
  return entities.every((e) => tableSpec(e) !== undefined);
}

function typed(value: string | null, type: ColumnType): string | number | null {
  if (value === null) return null;
  if (type === 'integer') return Number.parseInt(value, 10);
  if (type === 'real') return Number(value);
  return value;
}

function keyValues(t: TableSpec, entityKey: string): (string | number | null)[] {
  const parts = entityKey.split('|');
  // A key value holding "|" can only be the last one: the rest of the string is its.
  const values = t.key.map((_, i) => (i === t.key.length - 1 ? parts.slice(i).join('|') : parts[i]!));
  return values.map((v, i) => typed(v, t.keyTypes?.[t.key[i]!] ?? 'text'));
}

function columnType(t: TableSpec, column: string): ColumnType {
  const c = t.columns.find((x) => x.name === column);
  if (!c) throw new Error(`${t.name} has no audited column ${column}`);
  return c.type;
}

const where = (t: TableSpec) => t.key.map((k) => `${k} = ?`).join(' AND ');

/**
 * Applies one row's worth of audit records in the given direction. `rows` are the records of one entity
 * key and one action, in audit order. Call inside Workspace.write.
 */
export function applyRowChange(db: Database, rows: readonly AuditRow[], direction: 'undo' | 'redo'): void {
  const first = rows[0]!;
  const t = tableSpec(first.entity);
  if (!t) throw new Error(`no table is registered for ${first.entity}`);
  const key = keyValues(t, first.entity_key);
  const action = first.action ?? 'update'; // rows written before actions were recorded were all updates
  const remove = (action === 'insert' && direction === 'undo') || (action === 'delete' && direction === 'redo');
  const add = (action === 'delete' && direction === 'undo') || (action === 'insert' && direction === 'redo');
  if (remove) {
    db.prepare(`DELETE FROM ${t.name} WHERE ${where(t)}`).run(...key);
    return;
  }
  const value = (r: AuditRow) => typed(direction === 'undo' ? r.old_value : r.new_value, columnType(t, r.field!));
  const fields = rows.filter((r) => r.field !== null);
  if (add) {
    const columns = [...t.key, ...fields.map((r) => r.field!)];
    db.prepare(`INSERT INTO ${t.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...key, ...fields.map(value));
    return;
  }
  for (const r of fields) db.prepare(`UPDATE ${t.name} SET ${r.field} = ? WHERE ${where(t)}`).run(value(r), ...key);
}
