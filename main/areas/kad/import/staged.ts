import type { Database } from 'better-sqlite3';
import { CARE_CONTRIBUTIONS_KEY, fieldDef, isActualField, type KadField } from '../../../../shared/areas/kad/model';
import { formatValue } from '../../../../shared/units';
import { monthLabel } from '../../../../shared/periods';
import { KAD_AREA_ID, kadTarget } from '../../../../shared/areas/kad/ids';
import type { ImportSpec, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import type { ImportProblem } from '../../../import/types';
import type { Workspace } from '../../../store/workspace';
import { FIELD_COLUMNS, carriedColumn, emptyLineInserter, insertService, listServiceTypes, stagedLinesInserter } from '../repository';
import { readableKad } from './spec';

/**
 * How staged Key Activity Data compares with, and is applied to, the workspace: SQL over the staging
 * tables joined to kad_lines, so a file of thousands of tables previews and applies in flat memory.
 */
/** One row per staged cell with the value the workspace holds now (NULL when the line does not exist). */
function cellsSql(where: string): string {
  const FIELD_CASE = `CASE c.field ${Object.entries(FIELD_COLUMNS)
    .map(([field, column]) => `WHEN '${field}' THEN l.${column}`)
    .join(' ')} END`;
  return `
    SELECT c.table_id, c.sheet, c.row, c.line_key, c.label, c.field, c.value AS new_value, c.cell,
           t.period, t.subject_id, l.line_key IS NOT NULL AS line_exists, ${FIELD_CASE} AS old_value
    FROM temp.import_cells c
    JOIN temp.import_tables t ON t.job = c.job AND t.table_id = c.table_id
    LEFT JOIN kad_lines l ON l.period = COALESCE(t.base_period, t.period) AND l.service_id = t.subject_id AND l.line_key = c.line_key
    WHERE c.job = ? AND t.spec = '${KAD_AREA_ID}' ${where}`;
}

function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
  // One pass over the staged cells for every table: a large file holds thousands of tables.
  const rows = db
    .prepare(
      `SELECT table_id, line_key, MAX(NOT line_exists) AS is_new, SUM(line_exists AND old_value IS NOT new_value) AS changed
       FROM (${cellsSql('')}) GROUP BY table_id, line_key`,
    )
    .all(job) as { table_id: string; line_key: string; is_new: number; changed: number }[];
  const byTable = new Map<string, typeof rows>();
  for (const s of rows) byTable.set(s.table_id, [...(byTable.get(s.table_id) ?? []), s]);
  const services = new Set(db.prepare('SELECT id FROM kad_services').pluck().all() as string[]);
  return new Map(
    tables.map((t) => {
      const lines = byTable.get(t.tableId) ?? [];
      return [
        t.tableId,
        {
          newSubject: !services.has(t.subjectId),
          newLines: lines.filter((s) => s.is_new).length,
          changedLines: lines.filter((s) => !s.is_new && s.changed > 0).length,
          unchangedLines: lines.filter((s) => !s.is_new && s.changed === 0).length,
          changedCells: lines.reduce((n, s) => n + (s.is_new ? 0 : s.changed), 0),
        },
      ];
    }),
  );
}

function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const rows = db.prepare(`${cellsSql('AND c.table_id = ?')} ORDER BY c.row, c.field`).iterate(job, table.tableId) as Iterable<{
    line_key: string; label: string; sheet: string; row: number; field: string; new_value: number | null; old_value: number | null; cell: string; line_exists: number;
  }>;
  const byLine = new Map<string, PreviewLine>();
  for (const r of rows) {
    let line = byLine.get(r.line_key);
    if (!line) {
      line = { lineKey: r.line_key, label: r.label, sheet: r.sheet, row: r.row, status: r.line_exists ? 'unchanged' : 'new', cells: [] };
      byLine.set(r.line_key, line);
    }
    const def = fieldDef(r.field as KadField);
    const changed = !r.line_exists || r.old_value !== r.new_value;
    if (r.line_exists && r.old_value !== r.new_value) line.status = 'changed';
    if (changed) line.cells.push({ field: r.field, header: def.header, cell: r.cell, old: r.line_exists ? formatValue(r.old_value, def.unit) : null, new: formatValue(r.new_value, def.unit) });
  }
  return [...byLine.values()].filter((l) => status === 'all' || l.status === status).slice(offset, offset + limit);
}

/** A figure on a line the service does not use in that month (greyed out) would be hidden: refused. */
function workspaceProblems(db: Database, job: string): ImportProblem[] {
  const unused = db
    .prepare(`SELECT c.sheet, c.cell, c.label, t.subject_name, t.period FROM temp.import_cells c
      JOIN temp.import_tables t ON t.job = c.job AND t.table_id = c.table_id
      JOIN kad_lines l ON l.period = COALESCE(t.base_period, t.period) AND l.service_id = t.subject_id AND l.line_key = c.line_key
      WHERE c.job = ? AND t.spec = '${KAD_AREA_ID}' AND l.in_use = 0 AND c.value IS NOT NULL ORDER BY c.sheet, c.row`)
    .all(job) as { sheet: string; cell: string; label: string; subject_name: string; period: string }[];
  return unused.map((u) => ({
    sheet: u.sheet,
    cell: u.cell,
    value: null,
    reason: `is a figure for ${u.label}, which ${u.subject_name} does not use in ${monthLabel(u.period)} (greyed out); bring the type back in Settings first`,
  }));
}

/** A new service keeps the title its table was published under, without the section number ("5.5 "). */
function captionFor(t: StagedTable): string {
  const written = t.caption?.replace(/^\s*\d+(\.\d+)*\.?\s+/, '').trim();
  return written || `Key activity data at the end of ${monthLabel(t.period)} for ${t.subjectName} is shown below:`;
}

/** New services and service-months first, then one set-based UPDATE per column. */
function apply(ws: Workspace, job: string, tables: readonly StagedTable[]): void {
  const db = ws.db;
  const types = listServiceTypes(ws);
  const insertLine = emptyLineInserter(ws);
  const serviceHeld = db.prepare('SELECT 1 FROM kad_services WHERE id = ?');
  const linesHeld = db.prepare('SELECT 1 FROM kad_lines WHERE period = ? AND service_id = ? LIMIT 1');
  const insertStaged = stagedLinesInserter(ws);
  for (const t of tables) {
    if (!serviceHeld.get(t.subjectId)) insertService(ws, { id: t.subjectId, name: t.subjectName, caption: captionFor(t), fromPeriod: t.period });
    if (!linesHeld.get(t.period, t.subjectId)) {
      // Lines the file gives figures for arrive whole; the types it leaves out are greyed out.
      insertStaged(t.period, t.subjectId, job, t.tableId);
      for (const type of types) insertLine(t.period, t.subjectId, type.id, false);
      insertLine(t.period, t.subjectId, CARE_CONTRIBUTIONS_KEY, true);
    }
  }
  // The audit triggers still see (and record) each changed cell.
  for (const [field, column] of Object.entries(FIELD_COLUMNS) as [KadField, string][]) {
    // A figure the file brings is this month's, even when it equals the carried one: its c/f mark goes.
    const cf = isActualField(field) ? carriedColumn(field) : null;
    const marks = cf ? `, ${cf} = 0` : '';
    db.prepare(
      `UPDATE kad_lines SET ${column} = s.value${marks}
       FROM (SELECT t.period, t.subject_id, c.line_key, c.value FROM temp.import_cells c
             JOIN temp.import_tables t ON t.job = c.job AND t.table_id = c.table_id
             WHERE c.job = ? AND t.spec = '${KAD_AREA_ID}' AND c.field = ?) AS s
       WHERE kad_lines.period = s.period AND kad_lines.service_id = s.subject_id AND kad_lines.line_key = s.line_key
         AND (kad_lines.${column} IS NOT s.value${cf ? ` OR kad_lines.${cf} = 1` : ''})`,
    ).run(job, field);
  }
}

export const KAD_IMPORT: ImportSpec = {
  id: KAD_AREA_ID,
  area: KAD_AREA_ID,
  subjectNoun: 'service',
  target: kadTarget,
  readable: readableKad,
  stats,
  lines,
  workspaceProblems: (db, job) => workspaceProblems(db, job),
  apply: (ws, job, tables) => apply(ws, job, tables),
};
