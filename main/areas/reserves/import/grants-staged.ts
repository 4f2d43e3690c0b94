import type { Database } from 'better-sqlite3';
import { reservesTarget, RESERVES_AREA_ID } from '../../../../shared/areas/reserves/ids';
import { monthLabel } from '../../../../shared/periods';
import { formatValue } from '../../../../shared/units';
import type { ImportSpec, PreviewCell, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import { stagedCell, stagedHas, stagedValue } from '../../../import/stage';
import type { ImportProblem } from '../../../import/types';
import { updateRows } from '../../../store/set-write';
import type { Workspace } from '../../../store/workspace';
import { GRANTS_IMPORT_ID, GRANTS_SUBJECT, readableGrants } from './grants-spec';

/**
 * How staged grants tables compare with, and are applied to, reserves_grants: SQL over the staging
 * tables joined to the grants the directorate lists in the table's month (in a new month, the month the
 * roll forward copies). One set-based update writes every changed amount and awarding body with its audit rows.
 */
const FIELDS = [
  { key: 'amount', column: 'amount', header: "Amount £'000", text: false },
  { key: 'awardingBody', column: 'awarding_body', header: 'Awarding Body', text: true },
] as const;
const DIRECTORATE = `substr(t.subject_id, ${GRANTS_SUBJECT.length + 1})`;
const STAGED = `temp.import_lines l JOIN temp.import_tables t ON t.job = l.job AND t.table_id = l.table_id`;
const HELD = `LEFT JOIN reserves_grants k ON k.period = COALESCE(t.base_period, t.period) AND k.directorate_id = ${DIRECTORATE} AND k.grant_key = l.line_key`;
const OF_JOB = `l.job = ? AND t.spec = '${GRANTS_IMPORT_ID}'`;
const CHANGED = FIELDS.map((f) => `(${stagedHas(f.key)} AND k.${f.column} IS NOT ${stagedValue(f.key)})`).join(' + ');

function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
  const rows = db
    .prepare(
      `SELECT table_id, SUM(NOT missing AND changed > 0) AS changed_lines, SUM(NOT missing AND changed = 0) AS unchanged_lines, SUM(CASE WHEN missing THEN 0 ELSE changed END) AS changed_cells
       FROM (SELECT l.table_id, k.grant_key IS NULL AS missing, CASE WHEN k.grant_key IS NULL THEN 0 ELSE ${CHANGED} END AS changed FROM ${STAGED} ${HELD} WHERE ${OF_JOB})
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

type LineRow = { line_key: string; label: string; sheet: string; row: number; vals: string; columns: string; status: PreviewLine['status']; amount: number | null; awarding_body: string | null };

function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT l.line_key, l.label, l.sheet, l.row, l.vals, t.columns, k.amount, k.awarding_body, CASE WHEN (${CHANGED}) > 0 THEN 'changed' ELSE 'unchanged' END AS status
         FROM ${STAGED} ${HELD} WHERE ${OF_JOB} AND l.table_id = ? AND k.grant_key IS NOT NULL)
       WHERE ? IN ('all', status) ORDER BY row LIMIT ? OFFSET ?`,
    )
    .all(job, table.tableId, status, limit, offset) as LineRow[];
  return rows.map((r) => {
    const values = JSON.parse(r.vals) as Record<string, string | number | null>;
    const columns = JSON.parse(r.columns) as Record<string, string>;
    const cells: PreviewCell[] = [];
    for (const f of FIELDS) {
      if (!(f.key in values)) continue;
      const now = values[f.key] ?? null;
      const held = r[f.column] ?? null;
      if (held === now) continue;
      const shown = (v: string | number | null) => (v === null ? null : f.text ? String(v) : formatValue(v as number, 'gbp_000q'));
      cells.push({ field: f.key, header: f.header, cell: `${columns[f.key] ?? 'A'}${r.row}`, old: shown(held), new: shown(now) });
    }
    return { lineKey: r.line_key, label: r.label, sheet: r.sheet, row: r.row, status: r.status, cells };
  });
}

/** A grant the directorate does not list in the month: its figures would have nowhere to go. */
function workspaceProblems(db: Database, job: string): ImportProblem[] {
  const missing = db
    .prepare(`SELECT l.sheet, ${stagedCell('amount')} AS cell, l.label, t.subject_name, t.period FROM ${STAGED} ${HELD} WHERE ${OF_JOB} AND k.grant_key IS NULL ORDER BY l.sheet, l.row`)
    .all(job) as { sheet: string; cell: string | null; label: string; subject_name: string; period: string }[];
  return missing.map((m) => ({ sheet: m.sheet, cell: m.cell, value: m.label, reason: `is a grant ${m.subject_name} does not list in ${monthLabel(m.period)}; add it on the Reserves page first` }));
}

function apply(ws: Workspace, job: string): void {
  updateRows(ws, 'reserves_grants', FIELDS.map((f) => f.column), {
    sql: `SELECT k.period, k.directorate_id, k.grant_key, ${FIELDS.map((f) => `CASE WHEN ${stagedHas(f.key)} THEN ${stagedValue(f.key)} ELSE k.${f.column} END AS ${f.column}`).join(', ')}
          FROM ${STAGED} JOIN reserves_grants k ON k.period = t.period AND k.directorate_id = ${DIRECTORATE} AND k.grant_key = l.line_key
          WHERE ${OF_JOB}`,
    params: [job],
  });
}

export const GRANTS_IMPORT: ImportSpec = {
  id: GRANTS_IMPORT_ID,
  area: RESERVES_AREA_ID,
  subjectNoun: 'directorate',
  target: (period) => reservesTarget(period, 'grants'),
  readable: readableGrants,
  stats,
  lines,
  workspaceProblems: (db, job) => workspaceProblems(db, job),
  apply: (ws, job) => apply(ws, job),
};
