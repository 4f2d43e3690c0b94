import type { Database } from 'better-sqlite3';
import { ACTUAL_FIELDS, CARE_CONTRIBUTIONS_KEY, type KadField } from '../../shared/kad/model';
import { monthLabel } from '../../shared/periods';
import { FIELD_COLUMNS, copyLinesForward, emptyLineInserter, insertService, stagedLinesInserter, listServiceTypes, periodsWithKad } from '../kad/repository';
import { insertPeriods } from '../store/periods';
import type { Channel, Workspace } from '../store/workspace';
import { previewTables } from './preview';

export interface ApplyResult {
  nothingToDo: boolean;
  label: string;
  changedCells: number;
  newMonths: string[];
  newServices: string[];
}

interface StagedTable {
  table_id: string;
  period: string;
  service_id: string;
  service_name: string;
  caption: string | null;
}

/** A new service keeps the title its table was published under, without the section number ("5.5 "). */
function captionFor(t: StagedTable): string {
  const written = t.caption?.replace(/^\s*\d+(\.\d+)*\.?\s+/, '').trim();
  return written || `Key activity data at the end of ${monthLabel(t.period)} for ${t.service_name} is shown below:`;
}

/** Tables whose reported figures in the file differ from those the workspace holds. */
function reportedChangesOf(db: Database, job: string, tables: StagedTable[]): StagedTable[] {
  const stagedStmt = db.prepare('SELECT row_key, column_key, value_num, value_text FROM temp.import_reported WHERE job = ? AND table_id = ? ORDER BY row_key, column_key');
  const heldStmt = db.prepare(`SELECT row_key, column_key, value_num, value_text FROM reported_values WHERE period = ? AND area = 'kad' AND table_id = ? ORDER BY row_key, column_key`);
  return tables.filter((t) => {
    const staged = stagedStmt.all(job, t.table_id);
    return staged.length > 0 && JSON.stringify(staged) !== JSON.stringify(heldStmt.all(t.period, t.service_id));
  });
}

/** What applying would do, worked out once and shared by the "nothing to do?" check and the apply itself. */
export interface ImportPlan {
  tables: StagedTable[];
  changedCells: number;
  newLines: number;
  reportedChanges: StagedTable[];
  newMonths: string[];
  newServices: string[];
}

export function planImport(db: Database, job: string): ImportPlan {
  const preview = previewTables(db, job);
  const tables = db.prepare('SELECT table_id, period, service_id, service_name, caption FROM temp.import_tables WHERE job = ? ORDER BY period, seq').all(job) as StagedTable[];
  return {
    tables,
    changedCells: preview.reduce((n, t) => n + t.changedCells, 0),
    newLines: preview.reduce((n, t) => n + t.newLines, 0),
    reportedChanges: reportedChangesOf(db, job, tables),
    newMonths: [...new Set(preview.filter((t) => t.newMonth).map((t) => t.period))].sort(),
    newServices: [...new Set(preview.filter((t) => t.newService).map((t) => t.serviceName))],
  };
}

export function nothingToDoMessage(fileName: string): string {
  return `Nothing to import: every figure in ${fileName} already matches this workspace.`;
}

export function nothingToDo(plan: ImportPlan): boolean {
  return !plan.changedCells && !plan.newLines && !plan.reportedChanges.length && !plan.newServices.length;
}

/**
 * Applies a staged import in ONE transaction: new months are created by rolling forward from the latest
 * earlier month, new services and their lines are added, each changed cell is written (the audit triggers
 * record it with the file name and SHA-256), and the file's reported figures replace the table's.
 * Importing the same file again finds nothing to do and writes nothing.
 */
export function applyImport(ws: Workspace, job: string, file: { name: string; sha256: string }, channel: Channel = 'import', plan: ImportPlan = planImport(ws.db, job)): ApplyResult {
  const db = ws.db;
  const { tables, changedCells, newLines, reportedChanges, newMonths, newServices } = plan;
  if (nothingToDo(plan)) {
    return { nothingToDo: true, label: nothingToDoMessage(file.name), changedCells: 0, newMonths: [], newServices: [] };
  }
  const months = [...new Set(tables.map((t) => t.period))].sort();
  const label = `Import ${file.name}: ${changedCells + newLines ? `${changedCells} changed cell${changedCells === 1 ? '' : 's'}${newLines ? `, ${newLines} new line${newLines === 1 ? '' : 's'}` : ''}` : 'reported figures'} (${months.map(monthLabel).join(', ')})`;
  const onlyUpdates = !newLines && !newServices.length && !newMonths.length;
  const types = listServiceTypes(ws);
  ws.write({ channel, label, fileName: file.name, fileSha256: file.sha256, undoable: onlyUpdates, period: months.length === 1 && !newMonths.length ? months[0]! : null }, () => {
    const held = periodsWithKad(ws);
    for (const month of newMonths) {
      const earlier = held.filter((p) => p < month).at(-1);
      insertPeriods(ws, [month]);
      if (earlier) copyLinesForward(ws, earlier, month);
      held.push(month);
      held.sort();
    }
    const insertLine = emptyLineInserter(ws);
    const serviceHeld = db.prepare('SELECT 1 FROM kad_services WHERE id = ?');
    const linesHeld = db.prepare('SELECT 1 FROM kad_lines WHERE period = ? AND service_id = ? LIMIT 1');
    const insertStaged = stagedLinesInserter(ws);
    for (const t of tables) {
      if (!serviceHeld.get(t.service_id)) {
        insertService(ws, { id: t.service_id, name: t.service_name, caption: captionFor(t), fromPeriod: t.period });
      }
      if (!linesHeld.get(t.period, t.service_id)) {
        // Lines the file gives figures for arrive whole; the types it leaves out are greyed out.
        insertStaged(t.period, t.service_id, job, t.table_id);
        for (const type of types) insertLine(t.period, t.service_id, type.id, false);
        insertLine(t.period, t.service_id, CARE_CONTRIBUTIONS_KEY, true);
      }
    }
    // One set-based UPDATE per column: the audit triggers still see (and record) each changed cell.
    for (const [field, column] of Object.entries(FIELD_COLUMNS) as [KadField, string][]) {
      const marks = ACTUAL_FIELDS.includes(field) ? ', actuals_updated = 1' : '';
      db.prepare(
        `UPDATE kad_lines SET ${column} = s.value${marks}
         FROM (SELECT t.period, t.service_id, c.line_key, c.value FROM temp.import_cells c
               JOIN temp.import_tables t ON t.job = c.job AND t.table_id = c.table_id
               WHERE c.job = ? AND c.field = ?) AS s
         WHERE kad_lines.period = s.period AND kad_lines.service_id = s.service_id AND kad_lines.line_key = s.line_key
           AND kad_lines.${column} IS NOT s.value`,
      ).run(job, field);
    }
    const dropReported = db.prepare(`DELETE FROM reported_values WHERE period = ? AND area = 'kad' AND table_id = ?`);
    const copyReported = db.prepare(
      `INSERT OR REPLACE INTO reported_values (period, area, table_id, row_key, column_key, value_num, value_text, source)
       SELECT ?, 'kad', ?, row_key, column_key, value_num, value_text, ? FROM temp.import_reported WHERE job = ? AND table_id = ?`,
    );
    for (const t of reportedChanges) {
      dropReported.run(t.period, t.service_id);
      copyReported.run(t.period, t.service_id, `imported from ${file.name}`, job, t.table_id);
    }
  });
  return { nothingToDo: false, label, changedCells, newMonths, newServices };
}
