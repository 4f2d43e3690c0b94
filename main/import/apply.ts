import type { Database } from 'better-sqlite3';
import { monthLabel } from '../../shared/periods';
import { rollForwardInto } from '../core/months';
import type { Channel, Workspace } from '../store/workspace';
import { previewTables, tablesBySpec, type ImportEngine } from './preview';
import { stagedTables } from './stage';
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

function reportedChangesOf(db: Database, job: string, engine: ImportEngine, tables: StagedTable[]): StagedTable[] {
  const stagedStmt = db.prepare('SELECT row_key, column_key, value_num, value_text FROM temp.import_reported WHERE job = ? AND table_id = ? ORDER BY row_key, column_key');
  const heldStmt = db.prepare(`SELECT row_key, column_key, value_num, value_text FROM reported_values WHERE period = ? AND area = ? AND table_id = ? ORDER BY row_key, column_key`);
  const areaOf = new Map(engine.specs.map((s) => [s.id, s.area]));
  return tables.filter((t) => {
    const staged = stagedStmt.all(job, t.tableId);
    return staged.length > 0 && JSON.stringify(staged) !== JSON.stringify(heldStmt.all(t.period, areaOf.get(t.spec), t.subjectId));
  });
}

export function planImport(db: Database, job: string, engine: ImportEngine): ImportPlan {
  const preview = previewTables(db, job, engine);
  const tables = stagedTables(db, job).sort((a, b) => a.period.localeCompare(b.period));
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
 * forward from the latest earlier month, each spec writes its tables' figures (the audit triggers record
 * every changed cell with the file name and SHA-256), and the file's reported figures replace the
 * table's. Importing the same file again finds nothing to do and writes nothing.
 */
export function applyImport(ws: Workspace, job: string, engine: ImportEngine, file: { name: string; sha256: string }, channel: Channel = 'import', plan: ImportPlan = planImport(ws.db, job, engine)): ApplyResult {
  const db = ws.db;
  const { tables, changedCells, newLines, reportedChanges, newMonths, newSubjects } = plan;
  if (nothingToDo(plan)) {
    return { nothingToDo: true, label: nothingToDoMessage(file.name), changedCells: 0, newMonths: [], newSubjects: [] };
  }
  const months = [...new Set(tables.map((t) => t.period))].sort();
  const label = `Import ${file.name}: ${changedCells + newLines ? `${changedCells} changed cell${changedCells === 1 ? '' : 's'}${newLines ? `, ${newLines} new line${newLines === 1 ? '' : 's'}` : ''}` : 'reported figures'} (${months.map(monthLabel).join(', ')})`;
  const source = `imported from ${file.name}`;
  ws.write({ channel, label, fileName: file.name, fileSha256: file.sha256, undoable: true, period: months.length === 1 && !newMonths.length ? months[0]! : null }, () => {
    for (const m of newMonths) rollForwardInto(ws, m.period);
    for (const [spec, list] of tablesBySpec(engine, tables)) spec.apply(ws, job, list, source);
    const areaOf = new Map(engine.specs.map((s) => [s.id, s.area]));
    const dropReported = db.prepare(`DELETE FROM reported_values WHERE period = ? AND area = ? AND table_id = ?`);
    const copyReported = db.prepare(
      `INSERT OR REPLACE INTO reported_values (period, area, table_id, row_key, column_key, value_num, value_text, source)
       SELECT ?, ?, ?, row_key, column_key, value_num, value_text, ? FROM temp.import_reported WHERE job = ? AND table_id = ?`,
    );
    for (const t of reportedChanges) {
      const area = areaOf.get(t.spec)!;
      dropReported.run(t.period, area, t.subjectId);
      copyReported.run(t.period, area, t.subjectId, source, job, t.tableId);
    }
  });
  return { nothingToDo: false, label, changedCells, newMonths: [...new Set(newMonths.map((m) => m.period))], newSubjects };
}
