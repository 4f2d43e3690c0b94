import type { Database, Statement } from 'better-sqlite3';
import { ACTUAL_FIELDS, CARE_CONTRIBUTIONS_KEY, type KadField } from '../../shared/kad/model';
import { monthLabel } from '../../shared/periods';
import { FIELD_COLUMNS, copyLinesForward, insertEmptyLine, insertService, listServiceTypes, periodsWithKad } from '../kad/repository';
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
}

function reportedDiffers(db: Database, job: string, t: StagedTable): boolean {
  const staged = db.prepare('SELECT row_key, column_key, value_num, value_text FROM temp.import_reported WHERE job = ? AND table_id = ? ORDER BY row_key, column_key').all(job, t.table_id);
  if (!staged.length) return false;
  const held = db.prepare(`SELECT row_key, column_key, value_num, value_text FROM reported_values WHERE period = ? AND area = 'kad' AND table_id = ? ORDER BY row_key, column_key`).all(t.period, t.service_id);
  return JSON.stringify(staged) !== JSON.stringify(held);
}

/**
 * Applies a staged import in ONE transaction: new months are created by rolling forward from the latest
 * earlier month, new services and their lines are added, each changed cell is written (the audit triggers
 * record it with the file name and SHA-256), and the file's reported figures replace the table's.
 * Importing the same file again finds nothing to do and writes nothing.
 */
export function applyImport(ws: Workspace, job: string, file: { name: string; sha256: string }, channel: Channel = 'import', opts: { dryRun?: boolean } = {}): ApplyResult {
  const db = ws.db;
  const preview = previewTables(db, job);
  const tables = db.prepare('SELECT table_id, period, service_id, service_name FROM temp.import_tables WHERE job = ? ORDER BY period, seq').all(job) as StagedTable[];
  const changedCells = preview.reduce((n, t) => n + t.changedCells, 0);
  const newLines = preview.reduce((n, t) => n + t.newLines, 0);
  const reportedChanges = tables.filter((t) => reportedDiffers(db, job, t));
  const newMonths = [...new Set(preview.filter((t) => t.newMonth).map((t) => t.period))].sort();
  const newServices = [...new Set(preview.filter((t) => t.newService).map((t) => t.serviceName))];
  if (!changedCells && !newLines && !reportedChanges.length && !newServices.length) {
    return { nothingToDo: true, label: `Nothing to import: every figure in ${file.name} already matches this workspace.`, changedCells: 0, newMonths: [], newServices: [] };
  }
  const months = [...new Set(tables.map((t) => t.period))].sort();
  const label = `Import ${file.name}: ${changedCells + newLines ? `${changedCells} changed cell${changedCells === 1 ? '' : 's'}${newLines ? `, ${newLines} new line${newLines === 1 ? '' : 's'}` : ''}` : 'reported figures'} (${months.map(monthLabel).join(', ')})`;
  if (opts.dryRun) return { nothingToDo: false, label, changedCells, newMonths, newServices };
  const onlyUpdates = !newLines && !newServices.length && !newMonths.length;
  const types = listServiceTypes(ws);
  ws.write({ channel, label, fileName: file.name, fileSha256: file.sha256, undoable: onlyUpdates, period: months.length === 1 && !newMonths.length ? months[0]! : null }, () => {
    for (const month of newMonths) {
      const earlier = periodsWithKad(ws).filter((p) => p < month).at(-1);
      insertPeriods(ws, [month]);
      if (earlier) copyLinesForward(ws, earlier, month);
    }
    for (const t of tables) {
      if (!db.prepare('SELECT 1 FROM kad_services WHERE id = ?').get(t.service_id)) {
        insertService(ws, { id: t.service_id, name: t.service_name, caption: `Key activity data at the end of ${monthLabel(t.period)} for ${t.service_name} is shown below:`, fromPeriod: t.period });
      }
      if (!db.prepare('SELECT 1 FROM kad_lines WHERE period = ? AND service_id = ? LIMIT 1').get(t.period, t.service_id)) {
        // A line the file gives any figure for is in use; lines it leaves out or leaves blank are greyed out.
        const inFile = new Set(db.prepare('SELECT DISTINCT line_key FROM temp.import_cells WHERE job = ? AND table_id = ? AND value IS NOT NULL').pluck().all(job, t.table_id) as string[]);
        for (const type of types) insertEmptyLine(ws, t.period, t.service_id, type.id, inFile.has(type.id));
        insertEmptyLine(ws, t.period, t.service_id, CARE_CONTRIBUTIONS_KEY, true);
      }
    }
    const cells = db.prepare(`SELECT c.line_key, c.field, c.value, t.period, t.service_id FROM temp.import_cells c JOIN temp.import_tables t ON t.job = c.job AND t.table_id = c.table_id WHERE c.job = ?`).iterate(job) as Iterable<{
      line_key: string; field: KadField; value: number | null; period: string; service_id: string;
    }>;
    const updates = new Map<string, Statement<unknown[]>>();
    for (const c of [...cells]) {
      const column = FIELD_COLUMNS[c.field];
      const marks = ACTUAL_FIELDS.includes(c.field) ? ', actuals_updated = 1' : '';
      let stmt = updates.get(c.field);
      if (!stmt) {
        stmt = db.prepare(`UPDATE kad_lines SET ${column} = ?${marks} WHERE period = ? AND service_id = ? AND line_key = ? AND ${column} IS NOT ?`);
        updates.set(c.field, stmt);
      }
      stmt.run(c.value, c.period, c.service_id, c.line_key, c.value);
    }
    for (const t of reportedChanges) {
      db.prepare(`DELETE FROM reported_values WHERE period = ? AND area = 'kad' AND table_id = ?`).run(t.period, t.service_id);
      db.prepare(
        `INSERT OR REPLACE INTO reported_values (period, area, table_id, row_key, column_key, value_num, value_text, source)
         SELECT ?, 'kad', ?, row_key, column_key, value_num, value_text, ? FROM temp.import_reported WHERE job = ? AND table_id = ?`,
      ).run(t.period, t.service_id, `imported from ${file.name}`, job, t.table_id);
    }
  });
  return { nothingToDo: false, label, changedCells, newMonths, newServices };
}
