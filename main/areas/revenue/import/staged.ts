import type { Database } from 'better-sqlite3';
import { COLUMN_HEADERS, ENTERED_FIELDS, REVENUE_LINE_COLUMNS, type EnteredField } from '../../../../shared/areas/revenue/model';
import { revenueTarget } from '../../../../shared/areas/revenue/ids';
import { monthLabel } from '../../../../shared/periods';
import { formatValue } from '../../../../shared/units';
import type { ImportSpec, PreviewCell, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import { stagedCell, stagedHas, stagedValue } from '../../../import/stage';
import type { ImportProblem } from '../../../import/types';
import { updateRows } from '../../../store/set-write';
import type { Workspace } from '../../../store/workspace';
import { readableRevenue, REVENUE_IMPORT_ID } from './spec';

/**
 * How staged Appendix 1 lines compare with, and are applied to, revenue_lines: SQL over the staging
 * tables joined to the lines held for the table's month (in a new month, the month the roll forward
 * copies). The file's lines must be lines the directorate holds in that month; their four entered
 * figures are applied in one set-based statement that writes its own audit rows.
 */
const FIELDS = ENTERED_FIELDS.map((f) => [f, REVENUE_LINE_COLUMNS[f]] as [EnteredField, string]);
const STAGED = `temp.import_lines l JOIN temp.import_tables t ON t.job = l.job AND t.table_id = l.table_id`;
const HELD = `LEFT JOIN revenue_lines k ON k.period = COALESCE(t.base_period, t.period) AND k.directorate_id = t.subject_id AND k.line_key = l.line_key`;
const OF_JOB = `l.job = ? AND t.spec = '${REVENUE_IMPORT_ID}'`;
const CHANGED = FIELDS.map(([f, c]) => `(${stagedHas(f)} AND k.${c} IS NOT ${stagedValue(f)})`).join(' + ');

function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
  const rows = db
    .prepare(
      `SELECT table_id, SUM(NOT missing AND changed > 0) AS changed_lines, SUM(NOT missing AND changed = 0) AS unchanged_lines, SUM(CASE WHEN missing THEN 0 ELSE changed END) AS changed_cells
       FROM (SELECT l.table_id, k.line_key IS NULL AS missing, CASE WHEN k.line_key IS NULL THEN 0 ELSE ${CHANGED} END AS changed FROM ${STAGED} ${HELD} WHERE ${OF_JOB})
       GROUP BY table_id`,
    )
    .all(job) as { table_id: string; changed_lines: number; unchanged_lines: number; changed_cells: number }[];
  const byTable = new Map(rows.map((r) => [r.table_id, r]));
  return new Map(
    tables.map((t) => {
      const s = byTable.get(t.tableId);
      return [t.tableId, { newSubject: false, newLines: 0, changedLines: s?.changed_lines ?? 0, unchangedLines: s?.unchanged_lines ?? 0, changedCells: s?.changed_cells ?? 0 }];
    }),
  );
}

type LineRow = { line_key: string; label: string; sheet: string; row: number; vals: string; columns: string; status: PreviewLine['status'] } & Record<string, number | null>;

function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT l.line_key, l.label, l.sheet, l.row, l.vals, t.columns, ${FIELDS.map(([, c]) => `k.${c}`).join(', ')},
                CASE WHEN (${CHANGED}) > 0 THEN 'changed' ELSE 'unchanged' END AS status
         FROM ${STAGED} JOIN revenue_lines k ON k.period = COALESCE(t.base_period, t.period) AND k.directorate_id = t.subject_id AND k.line_key = l.line_key
         WHERE ${OF_JOB} AND l.table_id = ?)
       WHERE ? IN ('all', status) ORDER BY row LIMIT ? OFFSET ?`,
    )
    .all(job, table.tableId, status, limit, offset) as LineRow[];
  return rows.map((r) => {
    const values = JSON.parse(r.vals) as Partial<Record<EnteredField, number | null>>;
    const columns = JSON.parse(r.columns) as Partial<Record<EnteredField, string>>;
    const cells: PreviewCell[] = [];
    for (const [f, c] of FIELDS) {
      if (!(f in values)) continue;
      const now = values[f] ?? null;
      const held = r[c] ?? null;
      if (held === now) continue;
      cells.push({ field: f, header: COLUMN_HEADERS[f], cell: `${columns[f] ?? 'A'}${r.row}`, old: formatValue(held, 'gbp_000'), new: formatValue(now, 'gbp_000') });
    }
    return { lineKey: r.line_key, label: r.label, sheet: r.sheet, row: r.row, status: r.status, cells };
  });
}

/**
 * What only the workspace can tell: a line the directorate does not hold in the month (its figures would
 * have nowhere to go), and an income budget above zero (income is negative, as published).
 */
function workspaceProblems(db: Database, job: string): ImportProblem[] {
  const missing = db
    .prepare(`SELECT l.sheet, ${stagedCell('grossBudget')} AS cell, l.label, t.subject_name, t.period FROM ${STAGED} ${HELD} WHERE ${OF_JOB} AND k.line_key IS NULL ORDER BY l.sheet, l.row`)
    .all(job) as { sheet: string; cell: string | null; label: string; subject_name: string; period: string }[];
  const positive = db
    .prepare(`SELECT l.sheet, ${stagedCell('incomeBudget')} AS cell, ${stagedValue('incomeBudget')} AS value FROM ${STAGED} WHERE ${OF_JOB} AND ${stagedValue('incomeBudget')} > 0 ORDER BY l.sheet, l.row`)
    .all(job) as { sheet: string; cell: string; value: number }[];
  return [
    ...missing.map((m) => ({
      sheet: m.sheet,
      cell: m.cell,
      value: m.label,
      reason: `is a budget line ${m.subject_name} does not hold in ${monthLabel(m.period)}, so its figures have nowhere to go`,
    })),
    ...positive.map((p) => ({ sheet: p.sheet, cell: p.cell, value: formatValue(p.value, 'gbp_000'), reason: 'is an income budget above zero, but income is entered as a negative figure (as published)' })),
  ];
}

/** Every figure the file has a column for, on the lines of the table's month (made by the roll forward if new). */
function apply(ws: Workspace, job: string): void {
  updateRows(ws, 'revenue_lines', FIELDS.map(([, c]) => c), {
    sql: `SELECT k.period, k.line_key, ${FIELDS.map(([f, c]) => `CASE WHEN ${stagedHas(f)} THEN ${stagedValue(f)} ELSE k.${c} END AS ${c}`).join(', ')}
          FROM ${STAGED} JOIN revenue_lines k ON k.period = t.period AND k.directorate_id = t.subject_id AND k.line_key = l.line_key
          WHERE ${OF_JOB}`,
    params: [job],
  });
}

export const REVENUE_IMPORT: ImportSpec = {
  id: REVENUE_IMPORT_ID,
  area: REVENUE_IMPORT_ID,
  subjectNoun: 'directorate',
  target: (period, directorateId) => revenueTarget(period, { table: directorateId }),
  readable: readableRevenue,
  stats,
  lines,
  workspaceProblems: (db, job) => workspaceProblems(db, job),
  apply: (ws, job) => apply(ws, job),
};
