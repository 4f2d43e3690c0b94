import type { TableSpec } from './tables';

/**
 * The audit trail as cells. An update is audited per changed cell, but the insert or delete of a row is
 * ONE record (field NULL) whose new value (insert) or old value (delete) holds the row's columns as a
 * JSON object, `{"current_packages":24,"total_spend_k":1234,…}`: a 200,000-line import writes 200,000
 * records instead of over a million. A row whose every column is blank is recorded with no value, as
 * before. A table registered with `auditGroupKey` N has the rows of a set-based insert recorded one
 * GROUP record per set of rows sharing the first N key columns (field GROUP_FIELD, entity_key those N
 * values): its value maps each row's other key values, joined by "|", to the row's columns as above
 * (null when all are blank). The 519,651 rows the 200,000-row bench import inserts (its reported
 * figures and its tables' lines) are 19,701 records then, which took about two seconds off the write.
 * Workspaces keep the per-cell records written before, so readers see all three through AUDIT_CELLS,
 * which expands a row or group record into one record per non-blank column of each row, exactly the
 * records the triggers used to write (values as the TEXT column holds them, the row's whole key as
 * entity_key), with `cell` ordering a record's cells.
 */

/** The field of a group record: no column is named so (set-write.ts accepts identifiers only). */
export const GROUP_FIELD = '*';

/** The value of a row record for `row` (NEW, OLD or an alias): its columns as JSON, NULL when all are blank. */
export function rowRecordValue(t: TableSpec, row: string): string {
  if (!t.columns.length) return 'NULL';
  const allBlank = t.columns.map((c) => `${row}.${c.name} IS NULL`).join(' AND ');
  return `CASE WHEN ${allBlank} THEN NULL ELSE json_object(${t.columns.map((c) => `'${c.name}', ${row}.${c.name}`).join(', ')}) END`;
}

const ofA = (columns: string) => columns.split(', ').map((c) => `a.${c}`).join(', ');
const CONTEXT = ofA('op_id, at, os_user, machine, channel, period, entity, entity_key');
const AFTER = ofA('file_name, file_sha256, action, on_behalf_of');
const GROUP_CONTEXT = `${ofA('op_id, at, os_user, machine, channel, period, entity')}, a.entity_key || '|' || m.key AS entity_key`;

/** Per-cell records of `source` (a table or subquery shaped like audit_log, aliased nowhere): one per cell. */
export function auditCells(source: string): string {
  const isRow = `a.field IS NULL AND COALESCE(a.new_value, a.old_value) IS NOT NULL`;
  const oldValue = (v: string) => `CASE WHEN a.action = 'delete' THEN CAST(${v} AS TEXT) END AS old_value`;
  const newValue = (v: string) => `CASE WHEN a.action = 'delete' THEN NULL ELSE CAST(${v} AS TEXT) END AS new_value`;
  // A group's members in their order, each member's cells in theirs; a member with every column blank is one record with no field.
  const memberCell = `m.id * ${2 ** 20} + COALESCE(j.id, 0)`;
  return `(SELECT a.id, 0 AS cell, ${CONTEXT}, a.field, a.old_value, a.new_value, ${AFTER}
          FROM ${source} a WHERE NOT (${isRow}) AND a.field IS NOT '${GROUP_FIELD}'
          UNION ALL
          SELECT a.id, j.id AS cell, ${CONTEXT}, j.key AS field, ${oldValue('j.value')}, ${newValue('j.value')}, ${AFTER}
          FROM ${source} a JOIN json_each(COALESCE(a.new_value, a.old_value)) j
          WHERE ${isRow} AND j.type <> 'null'
          UNION ALL
          SELECT a.id, ${memberCell} AS cell, ${GROUP_CONTEXT}, j.key AS field, ${oldValue('j.value')}, ${newValue('j.value')}, ${AFTER}
          FROM ${source} a JOIN json_each(COALESCE(a.new_value, a.old_value)) m LEFT JOIN json_each(m.value) j
          WHERE a.field = '${GROUP_FIELD}' AND (m.type = 'null' OR j.type <> 'null'))`;
}

/** Every audit record as cells: use it as a table, `SELECT … FROM ${AUDIT_CELLS} a WHERE …`, ordering by id, cell. */
export const AUDIT_CELLS = auditCells('audit_log');
