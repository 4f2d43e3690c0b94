import type { Database } from 'better-sqlite3';
import { monthLabel } from '../../shared/periods';
import type { Target } from '../../shared/area';
import { CLOSED_BY_COLUMNS, closedByText, type ClosedBy } from '../store/workspace';
import type { ImportSpec, PreviewLine, StagedTable, TableStats } from './spec';
import { setBasePeriods, stagedTable, stagedTables } from './stage';
import type { ImportProblem } from './types';

/**
 * What an import would change, per table: which lines are new, which change (old → new per cell) and
 * which are unchanged. Each table's spec works it out in SQL over the staging tables, so it can be paged.
 */
export interface PreviewTable {
  tableId: string;
  /** The layout it was read with, and the area it belongs to. */
  spec: string;
  area: string;
  sheet: string;
  row: number;
  layout: string;
  period: string;
  periodLabel: string;
  subjectId: string;
  subjectName: string;
  /** "service": what the table is about, for the "new service" flag. */
  subjectNoun: string;
  /** The page showing the table once imported. */
  target: Target;
  newSubject: boolean;
  newMonth: boolean;
  rollsFrom: string | null;
  newLines: number;
  changedLines: number;
  unchangedLines: number;
  changedCells: number;
  reportedValues: number;
}

export type { PreviewLine };

export interface ImportEngine {
  specs: readonly ImportSpec[];
  /** Whether an area holds figures for a month (a month it lacks is created by rolling forward). */
  monthHeld(area: string, period: string): boolean;
  /** For a month an area lacks: the latest earlier month it holds, which the roll forward copies. */
  rollForwardSource(area: string, period: string): string | null;
}

/** Records, per staged table, the month a new month will be rolled forward from; returns the staged tables, in file order. */
export function stageBasePeriods(db: Database, job: string, engine: ImportEngine): StagedTable[] {
  const staged = setBasePeriods(db, job, (t) => {
    const area = specFor(engine, t.spec).area;
    return engine.monthHeld(area, t.period) ? null : engine.rollForwardSource(area, t.period);
  });
  for (const spec of engine.specs) {
    const own = staged.filter((t) => t.spec === spec.id);
    if (own.length && spec.settleKeys) spec.settleKeys(db, job, own);
  }
  return staged;
}

export function specFor(engine: ImportEngine, id: string): ImportSpec {
  const spec = engine.specs.find((s) => s.id === id);
  if (!spec) throw new Error(`no import layout called ${id}`);
  return spec;
}

/** Staged tables grouped by the spec that reads them, in file order. */
export function tablesBySpec(engine: ImportEngine, tables: readonly StagedTable[]): [ImportSpec, StagedTable[]][] {
  const groups = new Map<string, StagedTable[]>();
  for (const t of tables) {
    const group = groups.get(t.spec);
    if (group) group.push(t);
    else groups.set(t.spec, [t]);
  }
  return [...groups].map(([id, list]) => [specFor(engine, id), list]);
}

export function previewTables(db: Database, job: string, engine: ImportEngine, tables: readonly StagedTable[] = stagedTables(db, job)): PreviewTable[] {
  const reported = new Map((db.prepare('SELECT table_id, reported FROM temp.import_tables WHERE job = ?').all(job) as { table_id: string; reported: number }[]).map((r) => [r.table_id, r.reported]));
  const stats = new Map<string, TableStats>();
  for (const [spec, list] of tablesBySpec(engine, tables)) for (const [id, s] of spec.stats(db, job, list)) stats.set(id, s);
  const labels = new Map<string, string>();
  const label = (period: string) => labels.get(period) ?? labels.set(period, monthLabel(period)).get(period)!;
  return tables.map((t) => {
    const s = stats.get(t.tableId) ?? { newSubject: false, newLines: 0, changedLines: 0, unchangedLines: 0, changedCells: 0 };
    const spec = specFor(engine, t.spec);
    const { area, subjectNoun } = spec;
    return {
      tableId: t.tableId,
      spec: t.spec,
      area,
      sheet: t.sheet,
      row: t.row,
      layout: t.layout,
      period: t.period,
      periodLabel: label(t.period),
      subjectId: t.subjectId,
      subjectName: t.subjectName,
      subjectNoun,
      target: spec.target(t.period, t.subjectId),
      newMonth: !engine.monthHeld(area, t.period),
      rollsFrom: engine.monthHeld(area, t.period) ? null : t.basePeriod,
      ...s,
      reportedValues: reported.get(t.tableId) ?? 0,
    };
  });
}

export function previewLines(db: Database, job: string, engine: ImportEngine, tableId: string, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const table = stagedTable(db, job, tableId);
  if (!table) return [];
  return specFor(engine, table.spec).lines(db, job, table, status, offset, limit);
}

/**
 * Problems only the workspace can tell: a closed month, a line twice, and whatever each spec checks
 * (a figure on a line not in use). Reported in the same addressed form as the reader's.
 */
export function workspaceProblems(db: Database, job: string, engine: ImportEngine, tables: readonly StagedTable[] = stagedTables(db, job)): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const closed = db
    .prepare(`SELECT t.sheet, t.row, t.period, ${CLOSED_BY_COLUMNS('p')} FROM temp.import_tables t JOIN periods p ON p.id = t.period WHERE t.job = ? AND p.status = 'closed'`)
    .all(job) as (ClosedBy & { sheet: string; row: number; period: string })[];
  for (const c of closed) {
    problems.push({ sheet: c.sheet, cell: `A${c.row}`, value: null, reason: `is for ${monthLabel(c.period)}, which is closed (${closedByText(c)}); reopen it before importing` });
  }
  for (const [spec, list] of tablesBySpec(engine, tables)) problems.push(...spec.workspaceProblems(db, job, list));
  const twice = db
    .prepare(`SELECT l.sheet, l.line_key, l.label, MIN(l.row) AS first, MAX(l.row) AS second FROM temp.import_lines l
      WHERE l.job = ? GROUP BY l.table_id, l.line_key HAVING COUNT(*) > 1`)
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
