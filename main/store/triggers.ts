import type { Database } from 'better-sqlite3';
import { rowRecordValue } from './audit-cells';
import type { AppendOnlySpec, TableSpec } from './tables';

/**
 * Every trigger of a workspace is generated here from the table registry, never written by hand. On
 * each writable open the workspace's triggers are made to match exactly: missing ones are created,
 * changed or unknown ones dropped and recreated, so a table registered later cannot slip through.
 */
export const TRIGGER_PREFIX = 'outturn_';

const NO_CONTEXT = `RAISE(ABORT, 'outturn:no_write_context')`;
const CLOSED = `RAISE(ABORT, 'outturn:period_closed')`;
const APPEND_ONLY = `RAISE(ABORT, 'outturn:append_only')`;

type Row = 'NEW' | 'OLD';
type Action = 'insert' | 'update' | 'delete';

/**
 * What makes a month closed, for the guard triggers (one row at a time) and for set-based inserts
 * (set-write.ts: one check for the whole set): the two must never disagree.
 */
const CLOSED_STATUS = `'closed'`;
export const CLOSED_PERIOD_IDS = `SELECT id FROM periods WHERE status = ${CLOSED_STATUS}`;
const closedExpr = (row: Row, column: string) => `(SELECT status FROM periods WHERE id = ${row}.${column}) = ${CLOSED_STATUS}`;

function keyExpr(t: TableSpec, row: Row): string {
  return t.key.map((k) => `${row}.${k}`).join(` || '|' || `);
}

function auditInsert(t: TableSpec, row: Row, action: Action, field: string | null, oldValue: string, newValue: string, when: string): string {
  const periodColumn = t.auditPeriod ?? t.period;
  const period = periodColumn ? `${row}.${periodColumn}` : 'NULL';
  return `  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256, action, on_behalf_of)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, ${period}, '${t.entity}', ${keyExpr(t, row)}, ${field === null ? 'NULL' : `'${field}'`}, ${oldValue}, ${newValue}, w.file_name, w.file_sha256, '${action}', w.on_behalf_of FROM write_context w
  WHERE w.self_audit = 0${when ? ` AND ${when}` : ''};`;
}

/** An insert or delete is one record for the row, its columns as JSON (main/store/audit-cells.ts). */
function rowAudit(t: TableSpec, action: 'insert' | 'delete'): string {
  const row: Row = action === 'insert' ? 'NEW' : 'OLD';
  const value = rowRecordValue(t, row);
  return auditInsert(t, row, action, null, action === 'insert' ? 'NULL' : value, action === 'insert' ? value : 'NULL', '');
}

function updateAudit(t: TableSpec): string {
  return t.columns.map((c) => auditInsert(t, 'NEW', 'update', c.name, `OLD.${c.name}`, `NEW.${c.name}`, `OLD.${c.name} IS NOT NEW.${c.name}`)).join('\n');
}

function trigger(name: string, timing: 'BEFORE' | 'AFTER', event: 'INSERT' | 'UPDATE' | 'DELETE', table: string, when: string | null, body: string): [string, string] {
  return [name, `CREATE TRIGGER ${name} ${timing} ${event} ON ${table}${when ? `\nWHEN ${when}` : ''}\nBEGIN\n${body}\nEND`];
}

export function tableTriggers(t: TableSpec): [string, string][] {
  const n = `${TRIGGER_PREFIX}${t.name}`;
  const noContext = `NOT EXISTS (SELECT 1 FROM write_context)`;
  const out: [string, string][] = [
    trigger(`${n}_ctx_insert`, 'BEFORE', 'INSERT', t.name, noContext, `  SELECT ${NO_CONTEXT};`),
    trigger(`${n}_ctx_update`, 'BEFORE', 'UPDATE', t.name, noContext, `  SELECT ${NO_CONTEXT};`),
    trigger(`${n}_ctx_delete`, 'BEFORE', 'DELETE', t.name, noContext, `  SELECT ${NO_CONTEXT};`),
  ];
  if (t.period) {
    const p = t.period;
    out.push(
      trigger(`${n}_guard_insert`, 'BEFORE', 'INSERT', t.name, closedExpr('NEW', p), `  SELECT ${CLOSED};`),
      trigger(`${n}_guard_update`, 'BEFORE', 'UPDATE', t.name, `${closedExpr('OLD', p)} OR ${closedExpr('NEW', p)}`, `  SELECT ${CLOSED};`),
      trigger(`${n}_guard_delete`, 'BEFORE', 'DELETE', t.name, closedExpr('OLD', p), `  SELECT ${CLOSED};`),
    );
  }
  if (t.closedRows) {
    const s = t.closedRows.statusColumn;
    const keyChanged = t.key.map((k) => `NEW.${k} IS NOT OLD.${k}`).join(' OR ');
    out.push(
      trigger(`${n}_closed_delete`, 'BEFORE', 'DELETE', t.name, `OLD.${s} = 'closed'`, `  SELECT ${CLOSED};`),
      trigger(`${n}_closed_update`, 'BEFORE', 'UPDATE', t.name, `OLD.${s} = 'closed' AND (${keyChanged} OR NEW.${s} = 'closed')`, `  SELECT ${CLOSED};`),
    );
  }
  // A statement that audits itself (main/store/set-write.ts) skips the audit triggers whole, not row by row.
  const audited = `NOT EXISTS (SELECT 1 FROM write_context WHERE self_audit = 1)`;
  out.push(
    trigger(`${n}_audit_insert`, 'AFTER', 'INSERT', t.name, audited, rowAudit(t, 'insert')),
    trigger(`${n}_audit_update`, 'AFTER', 'UPDATE', t.name, audited, updateAudit(t)),
    trigger(`${n}_audit_delete`, 'AFTER', 'DELETE', t.name, audited, rowAudit(t, 'delete')),
  );
  return out;
}

export function appendOnlyTriggers(t: AppendOnlySpec): [string, string][] {
  const n = `${TRIGGER_PREFIX}${t.name}`;
  return [
    trigger(`${n}_append_only_update`, 'BEFORE', 'UPDATE', t.name, null, `  SELECT ${APPEND_ONLY};`),
    trigger(`${n}_append_only_delete`, 'BEFORE', 'DELETE', t.name, null, `  SELECT ${APPEND_ONLY};`),
  ];
}

export function wantedTriggers(tables: readonly TableSpec[], appendOnly: readonly AppendOnlySpec[]): Map<string, string> {
  return new Map([...tables.flatMap(tableTriggers), ...appendOnly.flatMap(appendOnlyTriggers)]);
}

/** Makes the workspace's triggers exactly the wanted ones. Call inside a transaction. */
export function syncTriggers(db: Database, wanted: ReadonlyMap<string, string>): { created: number; dropped: number } {
  const existing = new Map((db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
  let dropped = 0;
  let created = 0;
  for (const [name, sql] of existing) {
    if (wanted.get(name) === sql) continue;
    db.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`);
    dropped++;
  }
  for (const [name, sql] of wanted) {
    if (existing.get(name) === sql) continue;
    db.exec(sql);
    created++;
  }
  return { created, dropped };
}
