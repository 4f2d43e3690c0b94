import type { Database } from 'better-sqlite3';
import { fieldDef, type KadField } from '../../shared/kad/model';
import { formatValue } from '../../shared/money';
import { monthLabel } from '../../shared/periods';
import { FIELD_COLUMNS } from '../kad/repository';
import { closedByText } from '../store/workspace';
import type { ImportProblem } from './types';

/**
 * What an import would change, worked out in SQL over the staging tables so it can be paged: per table,
 * which lines are new, which change (old → new per cell) and which are unchanged.
 */
export interface PreviewTable {
  tableId: string;
  sheet: string;
  row: number;
  layout: string;
  period: string;
  periodLabel: string;
  serviceId: string;
  serviceName: string;
  newService: boolean;
  newMonth: boolean;
  newLines: number;
  changedLines: number;
  unchangedLines: number;
  changedCells: number;
  reportedValues: number;
}

export interface PreviewCell {
  field: string;
  header: string;
  cell: string;
  old: string | null;
  new: string | null;
}

export interface PreviewLine {
  lineKey: string;
  label: string;
  sheet: string;
  row: number;
  status: 'new' | 'changed' | 'unchanged';
  cells: PreviewCell[];
}

const FIELD_CASE = `CASE c.field ${Object.entries(FIELD_COLUMNS)
  .map(([field, column]) => `WHEN '${field}' THEN l.${column}`)
  .join(' ')} END`;

/** One row per staged cell with the value the workspace holds now (NULL when the line does not exist). */
function cellsSql(where: string): string {
  return `
    SELECT c.table_id, c.sheet, c.row, c.line_key, c.label, c.field, c.value AS new_value, c.cell,
           t.period, t.service_id, l.line_key IS NOT NULL AS line_exists, ${FIELD_CASE} AS old_value
    FROM temp.import_cells c
    JOIN temp.import_tables t ON t.job = c.job AND t.table_id = c.table_id
    LEFT JOIN kad_lines l ON l.period = t.period AND l.service_id = t.service_id AND l.line_key = c.line_key
    WHERE c.job = ? ${where}`;
}

export function previewTables(db: Database, job: string): PreviewTable[] {
  const tables = db.prepare('SELECT * FROM temp.import_tables WHERE job = ? ORDER BY seq').all(job) as {
    table_id: string; sheet: string; row: number; layout: string; period: string; service_id: string; service_name: string;
  }[];
  // One pass over the staged cells for every table: a large file holds thousands of tables.
  const stats = db
    .prepare(
      `SELECT table_id, line_key, MAX(NOT line_exists) AS is_new, SUM(line_exists AND old_value IS NOT new_value) AS changed
       FROM (${cellsSql('')}) GROUP BY table_id, line_key`,
    )
    .all(job) as { table_id: string; line_key: string; is_new: number; changed: number }[];
  const byTable = new Map<string, typeof stats>();
  for (const s of stats) byTable.set(s.table_id, [...(byTable.get(s.table_id) ?? []), s]);
  const reported = new Map(
    (db.prepare('SELECT table_id, COUNT(*) AS n FROM temp.import_reported WHERE job = ? GROUP BY table_id').all(job) as { table_id: string; n: number }[]).map((r) => [r.table_id, r.n]),
  );
  const services = new Set(db.prepare('SELECT id FROM kad_services').pluck().all() as string[]);
  const months = new Set(db.prepare('SELECT DISTINCT period FROM kad_lines').pluck().all() as string[]);
  return tables.map((t) => {
    const lines = byTable.get(t.table_id) ?? [];
    return {
      tableId: t.table_id,
      sheet: t.sheet,
      row: t.row,
      layout: t.layout,
      period: t.period,
      periodLabel: monthLabel(t.period),
      serviceId: t.service_id,
      serviceName: t.service_name,
      newService: !services.has(t.service_id),
      newMonth: !months.has(t.period),
      newLines: lines.filter((s) => s.is_new).length,
      changedLines: lines.filter((s) => !s.is_new && s.changed > 0).length,
      unchangedLines: lines.filter((s) => !s.is_new && s.changed === 0).length,
      changedCells: lines.reduce((n, s) => n + (s.is_new ? 0 : s.changed), 0),
      reportedValues: reported.get(t.table_id) ?? 0,
    };
  });
}

export function previewLines(db: Database, job: string, tableId: string, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const rows = db.prepare(`${cellsSql('AND c.table_id = ?')} ORDER BY c.row, c.field`).iterate(job, tableId) as Iterable<{
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

/**
 * Problems only the workspace can tell: a closed month, a line the service does not use, a line twice.
 * Reported in the same addressed form as the reader's.
 */
export function workspaceProblems(db: Database, job: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const closed = db
    .prepare(`SELECT t.sheet, t.row, t.period, p.closed_by, p.closed_at FROM temp.import_tables t JOIN periods p ON p.id = t.period WHERE t.job = ? AND p.status = 'closed'`)
    .all(job) as { sheet: string; row: number; period: string; closed_by: string | null; closed_at: string | null }[];
  for (const c of closed) {
    problems.push({ sheet: c.sheet, cell: `A${c.row}`, value: null, reason: `is for ${monthLabel(c.period)}, which is closed (${closedByText(c.closed_by, c.closed_at)}); reopen it before importing` });
  }
  const unused = db
    .prepare(`SELECT c.sheet, c.cell, c.label, t.service_name, t.period FROM temp.import_cells c
      JOIN temp.import_tables t ON t.job = c.job AND t.table_id = c.table_id
      JOIN kad_lines l ON l.period = t.period AND l.service_id = t.service_id AND l.line_key = c.line_key
      WHERE c.job = ? AND l.in_use = 0 AND c.value IS NOT NULL ORDER BY c.sheet, c.row`)
    .all(job) as { sheet: string; cell: string; label: string; service_name: string; period: string }[];
  for (const u of unused) {
    problems.push({ sheet: u.sheet, cell: u.cell, value: null, reason: `is a figure for ${u.label}, which ${u.service_name} does not use in ${monthLabel(u.period)} (greyed out); bring the type back in Settings first` });
  }
  const twice = db
    .prepare(`SELECT c.sheet, c.line_key, c.label, MIN(c.row) AS first, MAX(c.row) AS second FROM temp.import_cells c
      WHERE c.job = ? GROUP BY c.table_id, c.line_key, c.field HAVING COUNT(DISTINCT c.row) > 1`)
    .all(job) as { sheet: string; line_key: string; label: string; first: number; second: number }[];
  const seen = new Set<string>();
  for (const t of twice) {
    const key = `${t.sheet}|${t.line_key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ sheet: t.sheet, cell: `A${t.second}`, value: t.label, reason: `appears twice in the same table (rows ${t.first} and ${t.second})` });
  }
  return problems;
}
