import type { Database } from 'better-sqlite3';
import { capitalTarget, CAPITAL_AREA_ID } from '../../../../shared/areas/capital/ids';
import { financialYearOf, monthLabel } from '../../../../shared/periods';
import { formatValue } from '../../../../shared/units';
import type { ImportSpec, PreviewCell, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import { stagedCell, stagedHas, stagedValue } from '../../../import/stage';
import type { ImportProblem } from '../../../import/types';
import { updateRows } from '../../../store/set-write';
import type { Workspace } from '../../../store/workspace';
import { FUNDING, readableCapital, SCHEMES, type CapitalLayout } from './spec';

/**
 * How a staged Appendix 3 table compares with, and is applied to, its month's schemes or sources (in a
 * new month, the month the roll forward copies): SQL over the staging tables, one set-based update
 * writing every changed figure with its audit rows. A scheme or source the month does not hold is refused.
 */
function importSpec(layout: CapitalLayout): ImportSpec {
  const key = layout.keyColumn;
  const STAGED = `temp.import_lines l JOIN temp.import_tables t ON t.job = l.job AND t.table_id = l.table_id`;
  const held = (period: string) => `LEFT JOIN ${layout.table} k ON k.period = ${period} AND k.${key} = l.line_key`;
  const HELD = held('COALESCE(t.base_period, t.period)');
  const OF_JOB = `l.job = ? AND t.spec = '${layout.id}'`;
  // The Capital variations line's forecast variance is the rule's: never compared or written.
  const ruled = (f: string) => (layout === SCHEMES && f === 'yearForecastVariance' ? 'k.is_variation = 0 AND ' : '');
  const CHANGED = layout.fields.map((f) => `(${ruled(f.key)}${stagedHas(f.key)} AND k.${f.column} IS NOT ${stagedValue(f.key)})`).join(' + ');

  function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
    const rows = db
      .prepare(
        `SELECT table_id, SUM(NOT missing AND changed > 0) AS changed_lines, SUM(NOT missing AND changed = 0) AS unchanged_lines, SUM(CASE WHEN missing THEN 0 ELSE changed END) AS changed_cells
         FROM (SELECT l.table_id, k.${key} IS NULL AS missing, CASE WHEN k.${key} IS NULL THEN 0 ELSE ${CHANGED} END AS changed FROM ${STAGED} ${HELD} WHERE ${OF_JOB})
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

  function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
    const rows = db
      .prepare(
        `SELECT * FROM (
           SELECT l.line_key, l.label, l.sheet, l.row, l.vals, t.columns, ${layout.fields.map((f) => `k.${f.column}`).join(', ')}, ${layout === SCHEMES ? 'k.is_variation' : '0 AS is_variation'},
                  CASE WHEN (${CHANGED}) > 0 THEN 'changed' ELSE 'unchanged' END AS status
           FROM ${STAGED} ${HELD} WHERE ${OF_JOB} AND l.table_id = ? AND k.${key} IS NOT NULL)
         WHERE ? IN ('all', status) ORDER BY row LIMIT ? OFFSET ?`,
      )
      .all(job, table.tableId, status, limit, offset) as ({ line_key: string; label: string; sheet: string; row: number; vals: string; columns: string; status: PreviewLine['status']; is_variation: number } & Record<string, number | null>)[];
    return rows.map((r) => {
      const values = JSON.parse(r.vals) as Record<string, number | null>;
      const columns = JSON.parse(r.columns) as Record<string, string>;
      const cells: PreviewCell[] = [];
      for (const f of layout.fields) {
        if (!(f.key in values) || (r.is_variation && f.key === 'yearForecastVariance')) continue;
        const now = values[f.key] ?? null;
        const was = r[f.column] ?? null;
        if (was === now) continue;
        cells.push({ field: f.key, header: f.header(financialYearOf(table.period).replace('-', '/')), cell: `${columns[f.key] ?? 'A'}${r.row}`, old: formatValue(was, 'gbp_000'), new: formatValue(now, 'gbp_000') });
      }
      return { lineKey: r.line_key, label: r.label, sheet: r.sheet, row: r.row, status: r.status, cells };
    });
  }

  function workspaceProblems(db: Database, job: string): ImportProblem[] {
    const missing = db
      .prepare(`SELECT l.sheet, ${stagedCell(layout.fields[0]!.key)} AS cell, l.label, t.period FROM ${STAGED} ${HELD} WHERE ${OF_JOB} AND k.${key} IS NULL ORDER BY l.sheet, l.row`)
      .all(job) as { sheet: string; cell: string | null; label: string; period: string }[];
    return missing.map((m) => ({ sheet: m.sheet, cell: m.cell, value: m.label, reason: `is a ${layout.rowNoun} the capital programme does not hold in ${monthLabel(m.period)}; add it on the Capital page first` }));
  }

  function apply(ws: Workspace, job: string): void {
    updateRows(ws, layout.table, layout.fields.map((f) => f.column), {
      sql: `SELECT k.period, k.${key}, ${layout.fields.map((f) => `CASE WHEN ${ruled(f.key)}${stagedHas(f.key)} THEN ${stagedValue(f.key)} ELSE k.${f.column} END AS ${f.column}`).join(', ')}
            FROM ${STAGED} JOIN ${layout.table} k ON k.period = t.period AND k.${key} = l.line_key WHERE ${OF_JOB}`,
      params: [job],
    });
  }

  return {
    id: layout.id,
    area: CAPITAL_AREA_ID,
    subjectNoun: 'table',
    target: (period) => capitalTarget(period),
    readable: readableCapital(layout),
    stats,
    lines,
    workspaceProblems: (db, job) => workspaceProblems(db, job),
    apply: (ws, job) => apply(ws, job),
  };
}

export const CAPITAL_IMPORTS: readonly ImportSpec[] = [importSpec(SCHEMES), importSpec(FUNDING)];
