import type { Database } from 'better-sqlite3';
import type { StagedTable } from './spec';
import type { ImportLine, ImportProblem, ImportReported, ImportSink, ImportTable } from './types';

/**
 * Parsed rows go into TEMP tables of the workspace connection (never into memory, never into the
 * workspace file), one row per cell, so the preview can be paged and a huge sheet stays in flat memory.
 * Each import job has its own id; its rows are dropped when the job ends.
 */
export function ensureStagingTables(db: Database): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS import_tables (
      job TEXT NOT NULL, table_id TEXT NOT NULL, spec TEXT NOT NULL, sheet TEXT NOT NULL, row INTEGER NOT NULL, layout TEXT NOT NULL,
      period TEXT NOT NULL, subject_id TEXT NOT NULL, subject_name TEXT NOT NULL, caption TEXT, seq INTEGER NOT NULL, base_period TEXT,
      PRIMARY KEY (job, table_id));
    CREATE TEMP TABLE IF NOT EXISTS import_cells (
      job TEXT NOT NULL, table_id TEXT NOT NULL, sheet TEXT NOT NULL, row INTEGER NOT NULL, line_key TEXT NOT NULL,
      label TEXT NOT NULL, field TEXT NOT NULL, value INTEGER, cell TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS import_reported (
      job TEXT NOT NULL, table_id TEXT NOT NULL, row_key TEXT NOT NULL, column_key TEXT NOT NULL,
      value_num INTEGER, value_text TEXT, cell TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS import_problems (
      job TEXT NOT NULL, seq INTEGER NOT NULL, sheet TEXT, cell TEXT, value TEXT, reason TEXT NOT NULL);
  `);
}

/** Indexes are built once the rows are in: far cheaper than keeping them up to date row by row. */
export function indexStaged(db: Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS temp.import_cells_job ON import_cells (job, table_id, line_key);
    CREATE INDEX IF NOT EXISTS temp.import_reported_job ON import_reported (job, table_id);
  `);
}

export function dropStaged(db: Database, job: string): void {
  for (const t of ['import_tables', 'import_cells', 'import_reported', 'import_problems']) db.prepare(`DELETE FROM temp.${t} WHERE job = ?`).run(job);
}

export interface StagingSink extends ImportSink {
  /** Writes what is buffered; call once reading ends. */
  flush(): void;
  readonly problemCount: number;
  readonly rowsRead: number;
}

/** A sink that writes to the staging tables in batches of a few hundred rows, each batch one transaction. */
export function stagingSink(db: Database, job: string, onProgress: (rows: number) => void, maxProblems: number, onEstimate: (rows: number) => void = () => undefined): StagingSink {
  ensureStagingTables(db);
  const insTable = db.prepare('INSERT OR REPLACE INTO temp.import_tables (job, table_id, spec, sheet, row, layout, period, subject_id, subject_name, caption, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insCell = db.prepare('INSERT INTO temp.import_cells (job, table_id, sheet, row, line_key, label, field, value, cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insReported = db.prepare('INSERT INTO temp.import_reported (job, table_id, row_key, column_key, value_num, value_text, cell) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insProblem = db.prepare('INSERT INTO temp.import_problems (job, seq, sheet, cell, value, reason) VALUES (?, ?, ?, ?, ?, ?)');
  let pending: (() => void)[] = [];
  let tables = 0;
  let problems = 0;
  let rows = 0;
  const flush = db.transaction(() => {
    for (const write of pending) write();
    pending = [];
  });
  const queue = (write: () => void) => {
    pending.push(write);
    if (pending.length >= 500) flush();
  };
  return {
    table(t: ImportTable) {
      const seq = ++tables;
      queue(() => insTable.run(job, t.id, t.spec, t.sheet, t.row, t.layout, t.period, t.subjectId, t.subjectName, t.caption ?? null, seq));
    },
    line(l: ImportLine) {
      for (const [field, value] of Object.entries(l.values)) {
        queue(() => insCell.run(job, l.tableId, l.sheet, l.row, l.lineKey, l.label, field, value ?? null, l.cells[field as keyof typeof l.cells] ?? `A${l.row}`));
      }
    },
    reported(r: ImportReported) {
      queue(() => insReported.run(job, r.tableId, r.rowKey, r.column, r.value, r.text, r.cell));
    },
    problem(p: ImportProblem) {
      const seq = ++problems;
      if (seq <= maxProblems) queue(() => insProblem.run(job, seq, p.sheet, p.cell, p.value, p.reason));
    },
    progress(n: number) {
      rows = n;
      onProgress(n);
    },
    estimate: (n: number) => onEstimate(n),
    flush: () => flush(),
    get problemCount() {
      return problems;
    },
    get rowsRead() {
      return rows;
    },
  };
}

export function stagedProblems(db: Database, job: string, limit: number): ImportProblem[] {
  return db.prepare('SELECT sheet, cell, value, reason FROM temp.import_problems WHERE job = ? ORDER BY seq LIMIT ?').all(job, limit) as ImportProblem[];
}

/**
 * A table for a month its area does not hold yet is compared with that month as the roll forward will
 * make it: `base_period` names the month it will be copied from (null when there is none).
 */
export function setBasePeriods(db: Database, job: string, basePeriod: (t: StagedTable) => string | null): void {
  const set = db.prepare('UPDATE temp.import_tables SET base_period = ? WHERE job = ? AND table_id = ?');
  for (const t of stagedTables(db, job)) set.run(basePeriod(t), job, t.tableId);
}

/** The tables one job staged, in the order the file holds them. */
export function stagedTables(db: Database, job: string): StagedTable[] {
  return db
    .prepare(
      `SELECT table_id AS tableId, spec, sheet, row, layout, period, subject_id AS subjectId, subject_name AS subjectName, caption, base_period AS basePeriod
       FROM temp.import_tables WHERE job = ? ORDER BY seq`,
    )
    .all(job) as StagedTable[];
}
