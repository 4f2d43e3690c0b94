import type { Database } from 'better-sqlite3';
import { SAVINGS_AREA_ID, savingsTarget } from '../../../../shared/areas/savings/ids';
import { financialYearOf, monthLabel } from '../../../../shared/periods';
import { formatValue } from '../../../../shared/units';
import type { ImportSpec, PreviewCell, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import { stagedHas, stagedValue } from '../../../import/stage';
import type { ImportProblem } from '../../../import/types';
import { updateRows } from '../../../store/set-write';
import type { Workspace } from '../../../store/workspace';
import { insertLine } from '../repository';
import { readableSavings, TITLE_KEY, titleKey } from './spec';

/**
 * How a staged tracker compares with, and is applied to, the register. A committee row is matched to
 * the saving of the same title in its directorate's tracker for the year; one that matches none is a new
 * saving. Only the BP Ref, the original and forecast savings and the commentary are imported.
 */
const FIELDS = [
  { key: 'bpRef', column: 'bp_ref', header: 'BP Ref', text: true },
  { key: 'originalSaving', column: 'original_saving', header: 'Original Saving £000', text: false },
  { key: 'forecastSaving', column: 'forecast_saving', header: 'Forecast Saving £000', text: false },
  { key: 'commentary', column: 'commentary', header: 'Commentary for publication', text: true },
] as const;

const STAGED = `temp.import_lines l JOIN temp.import_tables t ON t.job = l.job AND t.table_id = l.table_id`;
const HELD = `LEFT JOIN savings_lines k ON k.id = l.line_key`;
const OF_JOB = `l.job = ? AND t.spec = '${SAVINGS_AREA_ID}'`;
const CHANGED = FIELDS.map((f) => `(${stagedHas(f.key)} AND k.${f.column} IS NOT ${stagedValue(f.key)})`).join(' + ');

/** Each committee row's title key becomes its saving's id, in its lines and in its reported figures. */
function settleKeys(db: Database, job: string, tables: readonly StagedTable[]): void {
  const lines = db.prepare('SELECT id, title FROM savings_lines WHERE financial_year = ? AND directorate_id = ? ORDER BY seq');
  const setLine = db.prepare('UPDATE temp.import_lines SET line_key = ? WHERE job = ? AND table_id = ? AND line_key = ?');
  const setReported = db.prepare('UPDATE temp.import_reported SET row_key = ? WHERE job = ? AND table_id = ? AND row_key = ?');
  db.transaction(() => {
    for (const t of tables) {
      const byTitle = new Map<string, string>();
      for (const l of lines.all(financialYearOf(t.period), t.subjectId) as { id: string; title: string }[]) if (!byTitle.has(titleKey(l.title))) byTitle.set(titleKey(l.title), l.id);
      for (const [key, id] of byTitle) {
        setLine.run(id, job, t.tableId, key);
        setReported.run(id, job, t.tableId, key);
      }
    }
  })();
}

function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
  const rows = db
    .prepare(
      `SELECT table_id, SUM(is_new) AS new_lines, SUM(NOT is_new AND changed > 0) AS changed_lines, SUM(NOT is_new AND changed = 0) AS unchanged_lines,
              SUM(CASE WHEN is_new THEN 0 ELSE changed END) AS changed_cells
       FROM (SELECT l.table_id, k.id IS NULL AS is_new, CASE WHEN k.id IS NULL THEN 0 ELSE ${CHANGED} END AS changed FROM ${STAGED} ${HELD} WHERE ${OF_JOB})
       GROUP BY table_id`,
    )
    .all(job) as { table_id: string; new_lines: number; changed_lines: number; unchanged_lines: number; changed_cells: number }[];
  const byTable = new Map(rows.map((r) => [r.table_id, r]));
  return new Map(
    tables.map((t) => {
      const s = byTable.get(t.tableId);
      return [t.tableId, { newSubject: false, newLines: s?.new_lines ?? 0, changedLines: s?.changed_lines ?? 0, unchangedLines: s?.unchanged_lines ?? 0, changedCells: s?.changed_cells ?? 0 }];
    }),
  );
}

type LineRow = { line_key: string; label: string; sheet: string; row: number; vals: string; columns: string; status: PreviewLine['status'] } & Record<string, string | number | null>;

const shown = (f: (typeof FIELDS)[number], v: string | number | null) => (v === null ? null : f.text ? String(v) : formatValue(v as number, 'gbp_000'));

function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT l.line_key, l.label, l.sheet, l.row, l.vals, t.columns, ${FIELDS.map((f) => `k.${f.column}`).join(', ')},
                CASE WHEN k.id IS NULL THEN 'new' WHEN (${CHANGED}) > 0 THEN 'changed' ELSE 'unchanged' END AS status
         FROM ${STAGED} ${HELD} WHERE ${OF_JOB} AND l.table_id = ?)
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
      if (r.status !== 'new' && held === now) continue;
      cells.push({ field: f.key, header: f.header, cell: `${columns[f.key] ?? 'A'}${r.row}`, old: r.status === 'new' ? null : shown(f, held), new: shown(f, now) });
    }
    return { lineKey: r.line_key, label: r.label, sheet: r.sheet, row: r.row, status: r.status, cells };
  });
}

/** A template row keyed to a saving of another year or directorate would move it: refused. */
function workspaceProblems(db: Database, job: string, tables: readonly StagedTable[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const misplaced = db.prepare(
    `SELECT l.sheet, l.row, l.line_key, k.financial_year, k.directorate_id FROM temp.import_lines l JOIN savings_lines k ON k.id = l.line_key
     WHERE l.job = ? AND l.table_id = ? AND (k.financial_year <> ? OR k.directorate_id <> ?)`,
  );
  for (const t of tables) {
    for (const m of misplaced.all(job, t.tableId, financialYearOf(t.period), t.subjectId) as { sheet: string; row: number; line_key: string; financial_year: string; directorate_id: string }[]) {
      problems.push({ sheet: m.sheet, cell: `A${m.row}`, value: m.line_key, reason: `is a saving of ${m.financial_year.replace('-', '/')}'s ${m.directorate_id} tracker, not of ${t.subjectName} in ${monthLabel(t.period)}'s year` });
    }
  }
  return problems;
}

/**
 * New savings are added at the end of their tracker, in the file's order, and their reported figures
 * then filed under their new ids; every changed cell of the savings held is one set-based update.
 */
function apply(ws: Workspace, job: string, tables: readonly StagedTable[]): void {
  const db = ws.db;
  const fresh = db.prepare(`SELECT l.line_key, l.label, l.vals FROM temp.import_lines l WHERE l.job = ? AND l.table_id = ? AND NOT EXISTS (SELECT 1 FROM savings_lines k WHERE k.id = l.line_key) ORDER BY l.row`);
  const rekey = db.prepare('UPDATE temp.import_reported SET row_key = ? WHERE job = ? AND table_id = ? AND row_key = ?');
  for (const t of tables) {
    for (const n of fresh.all(job, t.tableId) as { line_key: string; label: string; vals: string }[]) {
      const v = JSON.parse(n.vals) as Record<string, string | number | null>;
      const id = insertLine(ws, {
        ...(n.line_key.startsWith(TITLE_KEY) ? {} : { id: n.line_key }),
        financialYear: financialYearOf(t.period),
        directorateId: t.subjectId,
        bpRef: (v.bpRef as string | null) ?? '',
        title: n.label,
        owner: null,
        originalSaving: (v.originalSaving as number | null) ?? null,
        forecastSaving: (v.forecastSaving as number | null) ?? null,
        commentary: (v.commentary as string | null) ?? null,
      });
      if (n.line_key.startsWith(TITLE_KEY)) rekey.run(id, job, t.tableId, n.line_key);
    }
  }
  updateRows(ws, 'savings_lines', FIELDS.map((f) => f.column), {
    sql: `SELECT k.id, ${FIELDS.map((f) => `CASE WHEN ${stagedHas(f.key)} THEN ${stagedValue(f.key)} ELSE k.${f.column} END AS ${f.column}`).join(', ')}
          FROM ${STAGED} JOIN savings_lines k ON k.id = l.line_key WHERE ${OF_JOB}`,
    params: [job],
  });
}

export const SAVINGS_IMPORT: ImportSpec = {
  id: SAVINGS_AREA_ID,
  area: SAVINGS_AREA_ID,
  subjectNoun: 'directorate',
  target: (period) => savingsTarget(period),
  readable: readableSavings,
  settleKeys,
  stats,
  lines,
  workspaceProblems,
  apply: (ws, job, tables) => apply(ws, job, tables),
};
