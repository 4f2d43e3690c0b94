import type { Database } from 'better-sqlite3';
import { GROUP_FIELD, rowRecordValue } from './audit-cells';
import { registeredTable } from './schema';
import type { TableSpec } from './tables';
import { CLOSED_PERIOD_IDS, tableTriggers } from './triggers';
import { UserError } from '../../shared/api/errors';
import type { Workspace } from './workspace';

/**
 * Set-based writes to a registered table that audit themselves: one INSERT, UPDATE or DELETE for any
 * number of rows, run with the write context saying the statement audits itself (so the generated audit
 * triggers skip it), and one INSERT … SELECT writing the audit those triggers would have written, cell
 * for cell as AUDIT_CELLS reads it back: the same write context (operation, time, user, machine, channel,
 * file name and SHA-256, on whose behalf), the same period, entity, key, field, old and new value and
 * action. One record per changed column of an update, one per inserted or deleted row, or one per group
 * of inserted rows for a table registered with auditGroupKey (main/store/audit-cells.ts), each row's
 * records together, so undo and redo (main/store/undo.ts) treat them like any others. Values are audited as stored,
 * after the write (column affinity and defaults applied), as the triggers see NEW and OLD.
 *
 * The other triggers still run for every row of an update or delete: no write without a write context,
 * none to a closed month. An insert makes those checks once for the whole set instead (see
 * insertChecked). Call inside Workspace.write. Registered tables are rowid tables; sources must not
 * repeat a key.
 */
export interface RowSource {
  /** A SELECT naming its columns as the table's (see each function). */
  sql: string;
  params?: readonly unknown[];
}

const AUDIT_COLUMNS = 'op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256, action, on_behalf_of';
const WORK = 'temp.outturn_set_write';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checked(t: TableSpec, columns: readonly string[]): string[] {
  for (const c of columns) {
    if (!IDENTIFIER.test(c) || !t.columns.some((x) => x.name === c)) throw new Error(`${t.name} has no audited column ${c}`);
  }
  if (new Set(columns).size !== columns.length) throw new Error(`a column of ${t.name} is named twice`);
  return [...columns];
}

/** SQL: the values of `columns` of a row, by alias, joined by "|" as the audit's entity_key joins them. */
const joinedKey = (columns: readonly string[], alias: string) => columns.map((k) => `${alias}.${k}`).join(` || '|' || `);
const keyOf = (t: TableSpec, alias: string) => joinedKey(t.key, alias);
const periodOf = (t: TableSpec, alias: string) => {
  const column = t.auditPeriod ?? t.period;
  return column ? `${alias}.${column}` : 'NULL';
};
const keysMatch = (t: TableSpec, a: string, b: string) => t.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');

/** The value of column number c.i of a row, by alias: the column itself, or with a prefix its numbered copy. */
function columnAt(t: TableSpec, alias: string, prefix = ''): string {
  return `CASE c.i ${t.columns.map((c, i) => `WHEN ${i + 1} THEN ${alias}.${prefix ? `${prefix}${i + 1}` : c.name}`).join(' ')} END`;
}

/** Inserts and deletes are one record per row, its columns as JSON (main/store/audit-cells.ts). */
function rowRecords(t: TableSpec, db: Database, action: 'insert' | 'delete', from: string, where: string, order: string, ...params: unknown[]): void {
  const value = rowRecordValue(t, 'r');
  db.prepare(
    `INSERT INTO audit_log (${AUDIT_COLUMNS})
     SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, ${periodOf(t, 'r')}, '${t.entity}', ${keyOf(t, 'r')}, NULL,
            ${action === 'insert' ? 'NULL' : value}, ${action === 'insert' ? value : 'NULL'}, w.file_name, w.file_sha256, '${action}', w.on_behalf_of
     FROM write_context w CROSS JOIN ${from} r
     WHERE w.id = 1 AND ${where}
     ORDER BY ${order}`,
  ).run(...params);
}

/**
 * The rows of an insert past rowid `before`, for a table registered with `auditGroupKey`: one record per
 * set of rows sharing the first N key columns (main/store/audit-cells.ts), those values its key, each
 * member row's value as its row record's, keyed by its other key values. The records come in the order
 * their first row was inserted; members in the order SQLite groups them (the key's, when it reads the
 * table's key index to group), each member's cells together whatever it is.
 */
function groupRecords(t: TableSpec, db: Database, before: number): void {
  // The registry has checked the split (schema.ts): the period in the group, some of the key left to its members.
  const group = t.key.slice(0, t.auditGroupKey);
  const member = t.key.slice(t.auditGroupKey);
  // A member's value nests as an object: json_object's result stays JSON through the CASE (set-write.test.ts
  // checks the stored text), so it is not parsed again with json(), which cost about a sixth of the statement.
  db.prepare(
    `INSERT INTO audit_log (${AUDIT_COLUMNS})
     SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, ${periodOf(t, 'r')}, '${t.entity}', ${joinedKey(group, 'r')}, '${GROUP_FIELD}',
            NULL, json_group_object(${joinedKey(member, 'r')}, ${rowRecordValue(t, 'r')}), w.file_name, w.file_sha256, 'insert', w.on_behalf_of
     FROM write_context w CROSS JOIN ${t.name} r
     WHERE w.id = 1 AND r.rowid > ?
     GROUP BY ${group.map((k) => `r.${k}`).join(', ')}
     ORDER BY MIN(r.rowid)`,
  ).run(before);
}

/**
 * The order insertRows inserts (and audits) rows in. 'key', the audited key's: the table's key index
 * and the audit's cell index (entity, entity_key, field) then grow mostly at one end instead of at
 * random places (in one bench run this took about a tenth off the CPU time of writing a 200,000-row
 * import). 'source', the source's own, for a source whose rows already come in key order or at least
 * grouped by it (an import's rows, table by table), which is as good for the indexes: sorting the
 * 409,050 reported figures of the 200,000-row bench import took about 0.4 s of CPU.
 */
export type InsertOrder = 'key' | 'source';

/**
 * Inserts the rows `source` selects (naming the table's key columns and `columns`; the others take
 * their defaults) and audits each as its insert trigger would, in the order of their audited key
 * (entity_key), not the source's, unless `order` is 'source'. Returns the number of rows inserted.
 */
export function insertRows(ws: Workspace, table: string, columns: readonly string[], source: RowSource, order: InsertOrder = 'key'): number {
  const t = registeredTable(table);
  const names = [...t.key, ...checked(t, columns)].join(', ');
  const db = ws.db;
  const before = db.prepare(`SELECT COALESCE(MAX(rowid), 0) FROM ${t.name}`).pluck().get() as number;
  const sorted = order === 'key' ? ` ORDER BY ${keyOf(t, 's')}` : '';
  const inserted = ws.auditsItself(() =>
    insertChecked(ws, t, before, () => db.prepare(`INSERT INTO ${t.name} (${names}) SELECT ${names} FROM (${source.sql}) s${sorted}`).run(...(source.params ?? [])).changes),
  );
  if (!inserted) return 0;
  // New rows take the rowids after the largest one: they are exactly the rows past it.
  const found = db.prepare(`SELECT COUNT(*) FROM ${t.name} WHERE rowid > ?`).pluck().get(before) as number;
  if (found !== inserted) throw new Error(`${t.name}: ${inserted} rows inserted but ${found} found after rowid ${before}`);
  if (t.auditGroupKey) groupRecords(t, db, before);
  else rowRecords(t, db, 'insert', t.name, 'r.rowid > ?', 'r.rowid', before);
  return inserted;
}

/**
 * Runs `insert` (one INSERT … SELECT into t, its new rows those past rowid `before`) with t's insert
 * triggers set aside and their checks made once for the whole set: a write context is open, and no new
 * row falls in a closed month. Per row, the three triggers' look-ups (write context, the month's status,
 * "does this statement audit itself?") cost about 0.8 s of CPU on the 409,050 reported figures of the
 * 200,000-row bench import, about a third of inserting them. The triggers are dropped and created again
 * from the same generated SQL inside a savepoint of the write's transaction, so no other connection,
 * and no crash, ever sees the table without them, and a refusal undoes the rows and the dropping
 * together. The table of periods (closed rows) keeps its own.
 */
function insertChecked(ws: Workspace, t: TableSpec, before: number, insert: () => number): number {
  if (t.closedRows) return insert();
  const db = ws.db;
  const triggers = tableTriggers(t).filter(([, sql]) => / (BEFORE|AFTER) INSERT ON /.test(sql));
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM write_context').get()) throw new Error('outturn:no_write_context');
    for (const [name] of triggers) db.exec(`DROP TRIGGER ${name}`);
    const inserted = insert();
    for (const [, sql] of triggers) db.exec(sql);
    if (t.period && db.prepare(`${CLOSED_PERIOD_IDS} LIMIT 1`).get()) {
      const closed = db
        .prepare(`SELECT ${t.period} FROM ${t.name} WHERE rowid > ? AND ${t.period} IN (${CLOSED_PERIOD_IDS}) ORDER BY ${t.period} LIMIT 1`)
        .pluck()
        .get(before) as string | undefined;
      if (closed !== undefined) throw new UserError('period_closed', `${ws.closedReason(closed)}. Reopen it before changing its figures.`, { period: closed });
    }
    return inserted;
  })();
}

/**
 * Sets `columns` of existing rows to the values `source` selects (naming the table's key columns and
 * `columns`; a row it does not select, or whose values are already those, is left alone) and audits
 * each changed cell with its old and new value, as the update trigger would. Returns the rows changed.
 */
export function updateRows(ws: Workspace, table: string, columns: readonly string[], source: RowSource): number {
  const t = registeredTable(table);
  const cols = checked(t, columns);
  if (!cols.length) return 0;
  const db = ws.db;
  db.exec(`DROP TABLE IF EXISTS ${WORK}`);
  try {
    db.prepare(
      `CREATE TABLE ${WORK} AS
       SELECT r.rowid AS rid, ${cols.map((c, i) => `r.${c} AS o${i + 1}, s.${c} AS n${i + 1}`).join(', ')}
       FROM (${source.sql}) s JOIN ${t.name} r ON ${keysMatch(t, 'r', 's')}
       WHERE ${cols.map((c) => `r.${c} IS NOT s.${c}`).join(' OR ')}`,
    ).run(...(source.params ?? []));
    const changed = ws.auditsItself(
      () => db.prepare(`UPDATE ${t.name} SET ${cols.map((c, i) => `${c} = s.n${i + 1}`).join(', ')} FROM ${WORK} s WHERE ${t.name}.rowid = s.rid`).run().changes,
    );
    if (!changed) return 0;
    const spec: TableSpec = { ...t, columns: cols.map((c) => t.columns.find((x) => x.name === c)!) };
    const oldValue = columnAt(spec, 's', 'o');
    const newValue = columnAt(spec, 'r');
    db.prepare(
      `INSERT INTO audit_log (${AUDIT_COLUMNS})
       WITH c(i, field) AS (VALUES ${cols.map((c, i) => `(${i + 1}, '${c}')`).join(', ')})
       SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, ${periodOf(t, 'r')}, '${t.entity}', ${keyOf(t, 'r')}, c.field,
              ${oldValue}, ${newValue}, w.file_name, w.file_sha256, 'update', w.on_behalf_of
       FROM write_context w CROSS JOIN ${WORK} s CROSS JOIN ${t.name} r CROSS JOIN c
       WHERE w.id = 1 AND r.rowid = s.rid AND ${oldValue} IS NOT ${newValue}
       ORDER BY s.rowid`,
    ).run();
    return changed;
  } finally {
    db.exec(`DROP TABLE IF EXISTS ${WORK}`);
  }
}

/** Deletes the rows whose keys `source` selects and audits each as its delete trigger would. Returns the rows deleted. */
export function deleteRows(ws: Workspace, table: string, source: RowSource): number {
  const t = registeredTable(table);
  const db = ws.db;
  db.exec(`DROP TABLE IF EXISTS ${WORK}`);
  try {
    db.prepare(
      `CREATE TABLE ${WORK} AS
       SELECT r.rowid AS rid, ${[...t.key, ...t.columns.map((c) => c.name)].map((c) => `r.${c}`).join(', ')}
       FROM ${t.name} r JOIN (${source.sql}) s ON ${keysMatch(t, 'r', 's')} ORDER BY r.rowid`,
    ).run(...(source.params ?? []));
    rowRecords(t, db, 'delete', WORK, '1', 'r.rowid');
    return ws.auditsItself(() => db.prepare(`DELETE FROM ${t.name} WHERE rowid IN (SELECT rid FROM ${WORK})`).run().changes);
  } finally {
    db.exec(`DROP TABLE IF EXISTS ${WORK}`);
  }
}
