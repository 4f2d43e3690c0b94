import type { Database } from 'better-sqlite3';
import { ACTUAL_FIELDS, CARE_CONTRIBUTIONS_KEY, KAD_FIELDS, type KadField } from '../../../../shared/areas/kad/model';
import { formatValue } from '../../../../shared/units';
import { monthLabel } from '../../../../shared/periods';
import { KAD_AREA_ID, kadTarget } from '../../../../shared/areas/kad/ids';
import type { ImportSpec, PreviewCell, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import { stagedHas, stagedValue } from '../../../import/stage';
import type { ImportProblem } from '../../../import/types';
import { insertRows, updateRows } from '../../../store/set-write';
import type { Workspace } from '../../../store/workspace';
import { FIELD_COLUMNS, carriedColumn, insertService } from '../repository';
import { readableKad } from './spec';

/**
 * How staged Key Activity Data compares with, and is applied to, the workspace: SQL over the staging
 * tables (one row per line) joined to kad_lines, so a file of thousands of tables previews and applies
 * in flat memory, and applies with a few set-based statements that write their own audit rows.
 */
const FIELDS = KAD_FIELDS.map((f) => [f.key, FIELD_COLUMNS[f.key]] as [KadField, string]);

/** Each staged KAD line (l) of its table (t). */
const STAGED = `temp.import_lines l JOIN temp.import_tables t ON t.job = l.job AND t.table_id = l.table_id`;
/** The line the workspace holds (k), in a new month the line the roll forward will copy. */
const HELD = `LEFT JOIN kad_lines k ON k.period = COALESCE(t.base_period, t.period) AND k.service_id = t.subject_id AND k.line_key = l.line_key`;
/** Staged by either of KAD's layouts: a published table, or figures worked out from a care-package extract. */
export const KAD_EXTRACT_SPEC_ID = 'kad-extract';
const KAD_SPECS = `('${KAD_AREA_ID}', '${KAD_EXTRACT_SPEC_ID}')`;
const OF_JOB = `l.job = ? AND t.spec IN ${KAD_SPECS}`;
/** How many of a staged line's figures differ from the held line's. */
const CHANGED = FIELDS.map(([f, c]) => `(${stagedHas(f)} AND k.${c} IS NOT ${stagedValue(f)})`).join(' + ');
/** Whether a staged line holds any figure: one pass over its JSON, about half the CPU of six json_extract calls (0.14 s against 0.27 s over 109,080 lines). */
const ANY_FIGURE = `EXISTS (SELECT 1 FROM json_each(l.vals) figure WHERE figure.type <> 'null' AND figure.key IN (${FIELDS.map(([f]) => `'${f}'`).join(', ')}))`;

export function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
  // One pass over the staged lines for every table: a large file holds thousands of tables.
  const rows = db
    .prepare(
      `SELECT table_id, SUM(is_new) AS new_lines, SUM(NOT is_new AND changed > 0) AS changed_lines, SUM(NOT is_new AND changed = 0) AS unchanged_lines,
              SUM(CASE WHEN is_new THEN 0 ELSE changed END) AS changed_cells
       FROM (SELECT l.table_id, k.line_key IS NULL AS is_new, CASE WHEN k.line_key IS NULL THEN 0 ELSE ${CHANGED} END AS changed FROM ${STAGED} ${HELD} WHERE ${OF_JOB})
       GROUP BY table_id`,
    )
    .all(job) as { table_id: string; new_lines: number; changed_lines: number; unchanged_lines: number; changed_cells: number }[];
  const byTable = new Map(rows.map((r) => [r.table_id, r]));
  const services = new Set(db.prepare('SELECT id FROM kad_services').pluck().all() as string[]);
  return new Map(
    tables.map((t) => {
      const s = byTable.get(t.tableId);
      return [
        t.tableId,
        { newSubject: !services.has(t.subjectId), newLines: s?.new_lines ?? 0, changedLines: s?.changed_lines ?? 0, unchangedLines: s?.unchanged_lines ?? 0, changedCells: s?.changed_cells ?? 0 },
      ];
    }),
  );
}

type LineRow = { line_key: string; label: string; sheet: string; row: number; vals: string; columns: string; status: PreviewLine['status'] } & Record<string, number | null>;

export function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT l.line_key, l.label, l.sheet, l.row, l.vals, t.columns, ${FIELDS.map(([, c]) => `k.${c}`).join(', ')},
                CASE WHEN k.line_key IS NULL THEN 'new' WHEN (${CHANGED}) > 0 THEN 'changed' ELSE 'unchanged' END AS status
         FROM ${STAGED} ${HELD} WHERE ${OF_JOB} AND l.table_id = ?)
       WHERE ? IN ('all', status) ORDER BY row LIMIT ? OFFSET ?`,
    )
    .all(job, table.tableId, status, limit, offset) as LineRow[];
  return rows.map((r) => {
    const values = JSON.parse(r.vals) as Partial<Record<KadField, number | null>>;
    const columns = JSON.parse(r.columns) as Partial<Record<KadField, string>>;
    const cells: PreviewCell[] = [];
    for (const f of KAD_FIELDS) {
      if (!(f.key in values)) continue;
      const now = values[f.key] ?? null;
      const held = r[FIELD_COLUMNS[f.key]] ?? null;
      if (r.status !== 'new' && held === now) continue;
      cells.push({ field: f.key, header: f.header, cell: `${columns[f.key] ?? 'A'}${r.row}`, old: r.status === 'new' ? null : formatValue(held, f.unit), new: formatValue(now, f.unit) });
    }
    return { lineKey: r.line_key, label: r.label, sheet: r.sheet, row: r.row, status: r.status, cells };
  });
}

/** A figure on a line the service does not use in that month (greyed out) would be hidden: refused. */
export function workspaceProblems(db: Database, job: string): ImportProblem[] {
  const unused = db
    .prepare(
      `SELECT l.sheet, l.row, l.label, l.vals, t.columns, t.subject_name, t.period FROM ${STAGED}
       JOIN kad_lines k ON k.period = COALESCE(t.base_period, t.period) AND k.service_id = t.subject_id AND k.line_key = l.line_key
       WHERE ${OF_JOB} AND k.in_use = 0 AND (${ANY_FIGURE}) ORDER BY l.sheet, l.row`,
    )
    .all(job) as { sheet: string; row: number; label: string; vals: string; columns: string; subject_name: string; period: string }[];
  return unused.flatMap((u) => {
    const values = JSON.parse(u.vals) as Partial<Record<KadField, number | null>>;
    const columns = JSON.parse(u.columns) as Partial<Record<KadField, string>>;
    return KAD_FIELDS.filter((f) => values[f.key] !== undefined && values[f.key] !== null).map((f) => ({
      sheet: u.sheet,
      cell: `${columns[f.key] ?? 'A'}${u.row}`,
      value: null,
      reason: `is a figure for ${u.label}, which ${u.subject_name} does not use in ${monthLabel(u.period)} (greyed out); bring the type back in Settings first`,
    }));
  });
}

/** A new service keeps the title its table was published under, without the section number ("5.5 "). */
function captionFor(t: StagedTable): string {
  const written = t.caption?.replace(/^\s*\d+(\.\d+)*\.?\s+/, '').trim();
  return written || `Key activity data at the end of ${monthLabel(t.period)} for ${t.subjectName} is shown below:`;
}

const NEW_MONTHS = 'temp.kad_import_new';

/**
 * New services first; then each new service-month's lines, whole from the staged lines (a line the file
 * gives a figure for is in use) with the types the file leaves out greyed out; then every changed figure
 * of the lines already held. Each step is one set-based statement writing its own audit rows.
 */
export function apply(ws: Workspace, job: string, tables: readonly StagedTable[]): void {
  const db = ws.db;
  const serviceHeld = db.prepare('SELECT 1 FROM kad_services WHERE id = ?');
  for (const t of tables) {
    if (!serviceHeld.get(t.subjectId)) insertService(ws, { id: t.subjectId, name: t.subjectName, caption: captionFor(t), fromPeriod: t.period });
  }
  db.exec(`DROP TABLE IF EXISTS ${NEW_MONTHS}`);
  try {
    db.exec(`CREATE TABLE ${NEW_MONTHS} (table_id TEXT PRIMARY KEY, period TEXT NOT NULL, subject_id TEXT NOT NULL)`);
    db.prepare(
      `INSERT INTO ${NEW_MONTHS} (table_id, period, subject_id) SELECT t.table_id, t.period, t.subject_id FROM temp.import_tables t
       WHERE t.job = ? AND t.spec IN ${KAD_SPECS} AND NOT EXISTS (SELECT 1 FROM kad_lines k WHERE k.period = t.period AND k.service_id = t.subject_id)
       ORDER BY t.period, t.subject_id`,
    ).run(job);
    // The new service-months in order of month and service, each one's staged lines in order of line key
    // (read through the staged lines' index): the rows come in the order of kad_lines's key, so inserting
    // them in the source's order saves sorting them again.
    insertRows(ws, 'kad_lines', ['in_use', ...FIELDS.map(([, c]) => c)], {
      sql: `SELECT n.period, n.subject_id AS service_id, l.line_key,
                   CASE WHEN l.line_key = '${CARE_CONTRIBUTIONS_KEY}' THEN 1 ELSE (${ANY_FIGURE}) END AS in_use,
                   ${FIELDS.map(([f, c]) => `${stagedValue(f)} AS ${c}`).join(', ')}
            FROM ${NEW_MONTHS} n CROSS JOIN temp.import_lines l ON l.job = ? AND l.table_id = n.table_id`,
      params: [job],
    }, 'source');
    const missing = (key: string) => `NOT EXISTS (SELECT 1 FROM temp.import_lines l WHERE l.job = ? AND l.table_id = n.table_id AND l.line_key = ${key})`;
    insertRows(ws, 'kad_lines', ['in_use'], {
      sql: `SELECT n.period, n.subject_id AS service_id, ty.id AS line_key, 0 AS in_use FROM ${NEW_MONTHS} n CROSS JOIN kad_service_types ty WHERE ${missing('ty.id')}
            UNION ALL
            SELECT n.period, n.subject_id, '${CARE_CONTRIBUTIONS_KEY}', 1 FROM ${NEW_MONTHS} n WHERE ${missing(`'${CARE_CONTRIBUTIONS_KEY}'`)}`,
      params: [job, job],
    });
    // The tables of months already held are picked first (CROSS JOIN keeps them outermost), then their
    // lines: looking every staged line up in kad_lines and only then leaving out the new months' lines
    // (just inserted, so all found) took 0.1 s of CPU on the bench import, whose tables are all new months.
    // Lines already held: each figure the file has a column for. A figure the file brings is this month's,
    // even when it equals the carried one, so its c/f mark goes.
    const carried = ACTUAL_FIELDS.map((f) => [f, carriedColumn(f)] as const);
    updateRows(ws, 'kad_lines', [...FIELDS.map(([, c]) => c), ...carried.map(([, cf]) => cf)], {
      sql: `SELECT k.period, k.service_id, k.line_key, ${FIELDS.map(([f, c]) => `CASE WHEN ${stagedHas(f)} THEN ${stagedValue(f)} ELSE k.${c} END AS ${c}`).join(', ')},
                   ${carried.map(([f, cf]) => `CASE WHEN ${stagedHas(f)} THEN 0 ELSE k.${cf} END AS ${cf}`).join(', ')}
            FROM temp.import_tables t CROSS JOIN temp.import_lines l ON l.job = t.job AND l.table_id = t.table_id
            JOIN kad_lines k ON k.period = t.period AND k.service_id = t.subject_id AND k.line_key = l.line_key
            WHERE t.job = ? AND t.spec IN ${KAD_SPECS} AND t.table_id NOT IN (SELECT table_id FROM ${NEW_MONTHS})`,
      params: [job],
    });
  } finally {
    db.exec(`DROP TABLE IF EXISTS ${NEW_MONTHS}`);
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
