import type { Database } from 'better-sqlite3';
import type { StagedTable } from './spec';
import type { ImportLine, ImportProblem, ImportReported, ImportSink, ImportTable } from './types';

/**
 * Parsed rows go into TEMP tables of the workspace connection (never into memory, never into the
 * workspace file), ONE ROW PER LINE: the line's figures together as a JSON object of the fields the
 * file has a column for (`{"amount": 12345, "quantity": null}`: a blank is null, a column the file
 * lacks is absent), so the preview can be paged and a huge sheet stays in flat memory. Where each
 * figure was read is the table's column for the field (`import_tables.columns`) and the line's row.
 * A row's reported figures (subtotals, variances, arrows) are one row too: `{"varianceK": -2000,
 * "dot": "up"}`, a number for a figure and text for an arrow, counted per table in `import_tables.reported`.
 * Each import job has its own id; its rows are dropped when the job ends.
 *
 * Specs read a staged line's figures with stagedValue / stagedHas / stagedCell below.
 */
export function ensureStagingTables(db: Database): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS import_tables (
      job TEXT NOT NULL, table_id TEXT NOT NULL, spec TEXT NOT NULL, sheet TEXT NOT NULL, row INTEGER NOT NULL, layout TEXT NOT NULL,
      period TEXT NOT NULL, subject_id TEXT NOT NULL, subject_name TEXT NOT NULL, caption TEXT, seq INTEGER NOT NULL, base_period TEXT,
      columns TEXT NOT NULL DEFAULT '{}', reported INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (job, table_id));
    CREATE TEMP TABLE IF NOT EXISTS import_lines (
      job TEXT NOT NULL, table_id TEXT NOT NULL, sheet TEXT NOT NULL, row INTEGER NOT NULL, line_key TEXT NOT NULL,
      label TEXT NOT NULL, vals TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS import_reported (
      job TEXT NOT NULL, table_id TEXT NOT NULL, row_key TEXT NOT NULL, vals TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS import_problems (
      job TEXT NOT NULL, seq INTEGER NOT NULL, sheet TEXT, cell TEXT, value TEXT, reason TEXT NOT NULL);
  `);
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
function field(name: string): string {
  if (!FIELD.test(name)) throw new Error(`not a field name: ${name}`);
  return name;
}

/** SQL: a staged line's figure for a field (NULL when blank, or when the file has no column for it). */
export const stagedValue = (name: string, line = 'l'): string => `json_extract(${line}.vals, '$.${field(name)}')`;
/** SQL: true when the file has a column for the field on that line (blank or not). */
export const stagedHas = (name: string, line = 'l'): string => `json_type(${line}.vals, '$.${field(name)}') IS NOT NULL`;
/** SQL: the A1 address a staged line's figure was read from. */
export const stagedCell = (name: string, line = 'l', table = 't'): string => `(json_extract(${table}.columns, '$.${field(name)}') || ${line}.row)`;

/** SQL, over a staged row of reported figures (r) and json_each(r.vals) (e): a figure's column, number and text as reported_values holds them. */
export const REPORTED_COLUMN = 'e.key';
export const REPORTED_NUM = `CASE WHEN e.type IN ('integer', 'real') THEN e.value END`;
export const REPORTED_TEXT = `CASE WHEN e.type = 'text' THEN e.value END`;

/** Indexes are built once the rows are in: far cheaper than keeping them up to date row by row. */
export function indexStaged(db: Database): void {
  db.exec(`CREATE INDEX IF NOT EXISTS temp.import_lines_job ON import_lines (job, table_id, line_key)`);
}

/** Reported figures are looked up by table only when some table's month already holds reported figures. */
export function indexStagedReported(db: Database): void {
  db.exec(`CREATE INDEX IF NOT EXISTS temp.import_reported_job ON import_reported (job, table_id)`);
}

export function dropStaged(db: Database, job: string): void {
  for (const t of ['import_tables', 'import_lines', 'import_reported', 'import_problems']) {
    // Emptying a table whole is far cheaper than deleting its rows one by one, when no other job has any.
    const others = db.prepare(`SELECT 1 FROM temp.${t} WHERE job < ? OR job > ? LIMIT 1`).get(job, job);
    db.prepare(others ? `DELETE FROM temp.${t} WHERE job = ?` : `DELETE FROM temp.${t}`).run(...(others ? [job] : []));
  }
}

export interface StagingSink extends ImportSink {
  /** Writes what is buffered; call once reading ends. */
  flush(): void;
  readonly problemCount: number;
  readonly rowsRead: number;
}

const BATCH = 2000;
const ROWS_PER_STATEMENT = 64;

/** Inserts many rows with a few statements of ROWS_PER_STATEMENT rows each: far fewer calls than one per row. */
function rowsInserter(db: Database, table: string, columns: readonly string[], verb = 'INSERT'): (rows: readonly unknown[][]) => void {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const sql = (n: number) => `${verb} INTO ${table} (${columns.join(', ')}) VALUES ${Array<string>(n).fill(row).join(', ')}`;
  const many = db.prepare(sql(ROWS_PER_STATEMENT));
  const one = db.prepare(sql(1));
  return (rows) => {
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) many.run(...rows.slice(i, i + ROWS_PER_STATEMENT).flat());
    for (; i < rows.length; i++) one.run(...rows[i]!);
  };
}

/** A1 address → its column letters. */
const columnOf = (address: string) => {
  let end = 0;
  while (end < address.length && address.charCodeAt(end) >= 65) end++;
  return address.slice(0, end);
};

/** A sink that writes to the staging tables in batches, each batch one transaction. */
export function stagingSink(db: Database, job: string, onProgress: (rows: number) => void, maxProblems: number, onEstimate: (rows: number) => void = () => undefined): StagingSink {
  ensureStagingTables(db);
  const insTables = rowsInserter(
    db,
    'temp.import_tables',
    ['job', 'table_id', 'spec', 'sheet', 'row', 'layout', 'period', 'subject_id', 'subject_name', 'caption', 'seq', 'columns', 'reported'],
    'INSERT OR REPLACE',
  );
  const setTable = db.prepare('UPDATE temp.import_tables SET columns = ?, reported = ? WHERE job = ? AND table_id = ?');
  const insLines = rowsInserter(db, 'temp.import_lines', ['job', 'table_id', 'sheet', 'row', 'line_key', 'label', 'vals']);
  const insReported = rowsInserter(db, 'temp.import_reported', ['job', 'table_id', 'row_key', 'vals']);
  const insProblem = db.prepare('INSERT INTO temp.import_problems (job, seq, sheet, cell, value, reason) VALUES (?, ?, ?, ?, ?, ?)');
  let tables: [ImportTable, string, number][] = [];
  let tableUpdates: [string, number, string][] = [];
  let lines: ImportLine[] = [];
  let reported: [string, string, string][] = [];
  let problemRows: [number, ImportProblem][] = [];
  let pending = 0;
  let tableCount = 0;
  let problems = 0;
  let rows = 0;
  // The table being read (a field's column is the same on every line of a table), and the row whose
  // reported figures are being gathered: the reader gives a table's rows in order, then the next table.
  // A table is written once it has been read, with its columns and count of reported figures: one
  // insert per table instead of an insert and then an update (9,090 of each in the bench import, 0.2 s).
  let current: { id: string; table: ImportTable | null; columns: Record<string, string>; reported: number } | null = null;
  let row: { tableId: string; rowKey: string; values: Record<string, number | string> } | null = null;
  const write = db.transaction(() => {
    insTables(tables.map(([t, columns, count]) => [job, t.id, t.spec, t.sheet, t.row, t.layout, t.period, t.subjectId, t.subjectName, t.caption ?? null, ++tableCount, columns, count]));
    for (const [columns, count, id] of tableUpdates) setTable.run(columns, count, job, id);
    insLines(lines.map((l) => [job, l.tableId, l.sheet, l.row, l.lineKey, l.label, JSON.stringify(l.values)]));
    insReported(reported.map((r) => [job, ...r]));
    for (const [seq, p] of problemRows) insProblem.run(job, seq, p.sheet, p.cell, p.value, p.reason);
    tables = [];
    tableUpdates = [];
    lines = [];
    reported = [];
    problemRows = [];
    pending = 0;
  });
  const queued = () => {
    if (++pending >= BATCH) write();
  };
  const rowDone = () => {
    if (!row) return;
    reported.push([row.tableId, row.rowKey, JSON.stringify(row.values)]);
    row = null;
    queued();
  };
  const tableDone = () => {
    rowDone();
    if (current?.table) {
      tables.push([current.table, JSON.stringify(current.columns), current.reported]);
      queued();
    } else if (current && (current.reported || Object.keys(current.columns).length)) {
      // Rows of a table written already, after another table's (not how the reader gives them).
      tableUpdates.push([JSON.stringify(current.columns), current.reported, current.id]);
      queued();
    }
    current = null;
  };
  const tableOf = (id: string) => {
    if (current?.id !== id) {
      tableDone();
      current = { id, table: null, columns: {}, reported: 0 };
    }
    return current;
  };
  return {
    table(t: ImportTable) {
      tableDone();
      current = { id: t.id, table: t, columns: {}, reported: 0 };
    },
    line(l: ImportLine) {
      rowDone();
      const table = tableOf(l.tableId);
      for (const f in l.cells) if (table.columns[f] === undefined) table.columns[f] = columnOf(l.cells[f]!);
      lines.push(l);
      queued();
    },
    reported(r: ImportReported) {
      const table = tableOf(r.tableId);
      if (row && (row.tableId !== r.tableId || row.rowKey !== r.rowKey)) rowDone();
      row ??= { tableId: r.tableId, rowKey: r.rowKey, values: {} };
      row.values[r.column] = r.value ?? r.text ?? '';
      table.reported++;
    },
    problem(p: ImportProblem) {
      const seq = ++problems;
      if (seq <= maxProblems) {
        problemRows.push([seq, p]);
        queued();
      }
    },
    progress(n: number) {
      rows = n;
      onProgress(n);
    },
    estimate: (n: number) => onEstimate(n),
    flush: () => {
      tableDone();
      write();
    },
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
 * make it: `base_period` names the month it will be copied from (null when there is none). Returns the
 * job's tables with it, so the preview need not read them again (three reads of 9,090 tables took 0.1 s).
 */
export function setBasePeriods(db: Database, job: string, basePeriod: (t: StagedTable) => string | null): StagedTable[] {
  const set = db.prepare('UPDATE temp.import_tables SET base_period = ? WHERE job = ? AND table_id = ?');
  const tables = stagedTables(db, job);
  db.transaction(() => {
    for (const t of tables) {
      const held = t.basePeriod;
      t.basePeriod = basePeriod(t);
      // Only what differs is written: the column starts null, and most tables have nothing to roll forward from.
      if (t.basePeriod !== held) set.run(t.basePeriod, job, t.tableId);
    }
  })();
  return tables;
}

const TABLE_COLUMNS = 'table_id AS tableId, spec, sheet, row, layout, period, subject_id AS subjectId, subject_name AS subjectName, caption, base_period AS basePeriod';

/** The tables one job staged, in the order the file holds them. */
export function stagedTables(db: Database, job: string): StagedTable[] {
  return db.prepare(`SELECT ${TABLE_COLUMNS} FROM temp.import_tables WHERE job = ? ORDER BY seq`).all(job) as StagedTable[];
}

export function stagedTable(db: Database, job: string, tableId: string): StagedTable | undefined {
  return db.prepare(`SELECT ${TABLE_COLUMNS} FROM temp.import_tables WHERE job = ? AND table_id = ?`).get(job, tableId) as StagedTable | undefined;
}
