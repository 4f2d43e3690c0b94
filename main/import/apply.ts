import type { Database } from 'better-sqlite3';
import { monthLabel } from '../../shared/periods';
import { HeldMonths, rollForwardInto } from '../core/months';
import type { Channel, Workspace } from '../store/workspace';
import { previewTables, tablesBySpec, type ImportEngine, type PreviewTable } from './preview';
import { deleteRows, insertRows, updateRows } from '../store/set-write';
import { indexStagedReported, REPORTED_COLUMN, REPORTED_NUM, REPORTED_TEXT, stagedTables } from './stage';
import type { StagedTable } from './spec';

export interface ApplyResult {
  nothingToDo: boolean;
  label: string;
  changedCells: number;
  newMonths: string[];
  newSubjects: string[];
}

/** What applying would do, worked out once and shared by the "nothing to do?" check and the apply itself. */
export interface ImportPlan {
  tables: StagedTable[];
  changedCells: number;
  newLines: number;
  /** Tables whose reported figures in the file differ from those the workspace holds. */
  reportedChanges: StagedTable[];
  /** Per area: months it does not hold yet, created by rolling forward. */
  newMonths: { area: string; period: string }[];
  newSubjects: string[];
}

/**
 * The staged tables whose reported figures differ from those the workspace holds for their month and
 * subject (the file's set replaces the held one), worked out in SQL for every table at once: a table
 * whose month holds none differs when the file states any.
 */
function reportedChangesOf(db: Database, job: string, engine: ImportEngine, tables: StagedTable[]): StagedTable[] {
  if (!engine.specs.length) return [];
  const areas = `areas(spec, area) AS (VALUES ${engine.specs.map(() => '(?, ?)').join(', ')})`;
  const areaParams = engine.specs.flatMap((s) => [s.id, s.area]);
  const held = `h.period = t.period AND h.area = a.area AND h.table_id = t.subject_id`;
  const staged = db
    .prepare(
      `WITH ${areas} SELECT t.table_id, t.reported, EXISTS (SELECT 1 FROM reported_values h WHERE ${held}) AS held
       FROM temp.import_tables t JOIN areas a ON a.spec = t.spec WHERE t.job = ? AND t.reported > 0`,
    )
    .all(...areaParams, job) as { table_id: string; reported: number; held: number }[];
  const changed = new Set(staged.filter((s) => !s.held).map((s) => s.table_id));
  if (staged.some((s) => s.held)) {
    indexStagedReported(db);
    const differing = db
      .prepare(
        `WITH ${areas} SELECT t.table_id FROM temp.import_tables t JOIN areas a ON a.spec = t.spec
         WHERE t.job = ? AND t.reported > 0 AND EXISTS (SELECT 1 FROM reported_values h WHERE ${held})
           AND (t.reported <> (SELECT COUNT(*) FROM reported_values h WHERE ${held})
                OR EXISTS (SELECT 1 FROM temp.import_reported r, json_each(r.vals) e WHERE r.job = t.job AND r.table_id = t.table_id AND NOT EXISTS (
                  SELECT 1 FROM reported_values h WHERE ${held} AND h.row_key = r.row_key AND h.column_key = ${REPORTED_COLUMN}
                    AND h.value_num IS ${REPORTED_NUM} AND h.value_text IS ${REPORTED_TEXT})))`,
      )
      .pluck()
      .all(...areaParams, job) as string[];
    for (const id of differing) changed.add(id);
  }
  return tables.filter((t) => changed.has(t.tableId));
}

export function planImport(db: Database, job: string, engine: ImportEngine, preview?: readonly PreviewTable[], staged: readonly StagedTable[] = stagedTables(db, job)): ImportPlan {
  preview ??= previewTables(db, job, engine, staged);
  const tables = [...staged].sort((a, b) => a.period.localeCompare(b.period));
  const months = new Map<string, { area: string; period: string }>();
  for (const t of preview) if (t.newMonth) months.set(`${t.area}|${t.period}`, { area: t.area, period: t.period });
  return {
    tables,
    changedCells: preview.reduce((n, t) => n + t.changedCells, 0),
    newLines: preview.reduce((n, t) => n + t.newLines, 0),
    reportedChanges: reportedChangesOf(db, job, engine, tables),
    newMonths: [...months.values()].sort((a, b) => a.period.localeCompare(b.period)),
    newSubjects: [...new Set(preview.filter((t) => t.newSubject).map((t) => t.subjectName))],
  };
}

export function nothingToDoMessage(fileName: string): string {
  return `Nothing to import: every figure in ${fileName} already matches this workspace.`;
}

export function nothingToDo(plan: ImportPlan): boolean {
  return !plan.changedCells && !plan.newLines && !plan.reportedChanges.length && !plan.newSubjects.length;
}

/**
 * Applies a staged import in ONE transaction: months an area does not hold yet are created by rolling
 * forward from the latest earlier month, each spec writes its tables' figures (set-based, each statement
 * writing the audit rows of every changed cell with the file name and SHA-256), and the file's reported
 * figures replace the table's. Importing the same file again finds nothing to do and writes nothing.
 */
export function applyImport(ws: Workspace, job: string, engine: ImportEngine, file: { name: string; sha256: string }, channel: Channel = 'import', plan: ImportPlan = planImport(ws.db, job, engine)): ApplyResult {
  const { tables, changedCells, newLines, reportedChanges, newMonths, newSubjects } = plan;
  if (nothingToDo(plan)) {
    return { nothingToDo: true, label: nothingToDoMessage(file.name), changedCells: 0, newMonths: [], newSubjects: [] };
  }
  const months = [...new Set(tables.map((t) => t.period))].sort();
  const label = `Import ${file.name}: ${changedCells + newLines ? `${changedCells} changed cell${changedCells === 1 ? '' : 's'}${newLines ? `, ${newLines} new line${newLines === 1 ? '' : 's'}` : ''}` : 'reported figures'} (${months.map(monthLabel).join(', ')})`;
  const source = `imported from ${file.name}`;
  ws.write({ channel, label, fileName: file.name, fileSha256: file.sha256, undoable: true, checkpointLater: true, period: months.length === 1 && !newMonths.length ? months[0]! : null }, () => {
    const held = new HeldMonths(ws);
    for (const m of newMonths) rollForwardInto(ws, m.period, held);
    for (const [spec, list] of tablesBySpec(engine, tables)) spec.apply(ws, job, list, source, file);
    replaceReported(ws, job, engine, reportedChanges, source);
  });
  return { nothingToDo: false, label, changedCells, newMonths: [...new Set(newMonths.map((m) => m.period))], newSubjects };
}

const REPORTED_CHANGED = 'temp.import_reported_changed';

/**
 * The file's reported figures replace those held for each table whose set differs, every figure then
 * saying it came from this file: figures the file no longer states are deleted, those it states again
 * updated, new ones inserted. Three set-based statements, each writing its own audit rows.
 */
function replaceReported(ws: Workspace, job: string, engine: ImportEngine, tables: readonly StagedTable[], source: string): void {
  if (!tables.length) return;
  const db = ws.db;
  const areaOf = new Map(engine.specs.map((s) => [s.id, s.area]));
  db.exec(`DROP TABLE IF EXISTS ${REPORTED_CHANGED}`);
  try {
    db.exec(`CREATE TABLE ${REPORTED_CHANGED} (table_id TEXT PRIMARY KEY, period TEXT NOT NULL, area TEXT NOT NULL, subject_id TEXT NOT NULL)`);
    const add = db.prepare(`INSERT INTO ${REPORTED_CHANGED} (table_id, period, area, subject_id) VALUES (?, ?, ?, ?)`);
    for (const t of tables) add.run(t.tableId, t.period, areaOf.get(t.spec)!, t.subjectId);
    const held = `${REPORTED_CHANGED} c JOIN reported_values h ON h.period = c.period AND h.area = c.area AND h.table_id = c.subject_id`;
    const anyHeld = db.prepare(`SELECT 1 FROM ${held} LIMIT 1`).get() !== undefined;
    if (anyHeld) {
      indexStagedReported(db);
      deleteRows(ws, 'reported_values', {
        sql: `SELECT h.period, h.area, h.table_id, h.row_key, h.column_key FROM ${held}
              WHERE NOT EXISTS (SELECT 1 FROM temp.import_reported r, json_each(r.vals) e WHERE r.job = ? AND r.table_id = c.table_id AND r.row_key = h.row_key AND ${REPORTED_COLUMN} = h.column_key)`,
        params: [job],
      });
    }
    // The staged rows in the file's order, table by table: grouped by reported_values's key, so they are
    // inserted as they come rather than sorted first (insertRows, InsertOrder).
    const staged = `temp.import_reported r CROSS JOIN ${REPORTED_CHANGED} c ON c.table_id = r.table_id CROSS JOIN json_each(r.vals) e`;
    const figure = `c.period, c.area, c.subject_id AS table_id, r.row_key, ${REPORTED_COLUMN} AS column_key, ${REPORTED_NUM} AS value_num, ${REPORTED_TEXT} AS value_text, ? AS source`;
    if (anyHeld) updateRows(ws, 'reported_values', ['value_num', 'value_text', 'source'], { sql: `SELECT ${figure} FROM ${staged} WHERE r.job = ?`, params: [source, job] });
    insertRows(ws, 'reported_values', ['value_num', 'value_text', 'source'], {
      sql: `SELECT ${figure} FROM ${staged} WHERE r.job = ?${
        anyHeld ? ` AND NOT EXISTS (SELECT 1 FROM reported_values h WHERE h.period = c.period AND h.area = c.area AND h.table_id = c.subject_id AND h.row_key = r.row_key AND h.column_key = ${REPORTED_COLUMN})` : ''
      }`,
      params: [source, job],
    }, 'source');
  } finally {
    db.exec(`DROP TABLE IF EXISTS ${REPORTED_CHANGED}`);
  }
}
