import type { Database } from 'better-sqlite3';
import { entriesByDifference, type SchedulePosition } from '../../../../shared/areas/reserves/difference';
import { reservesTarget, RESERVES_AREA_ID } from '../../../../shared/areas/reserves/ids';
import { positionAt, type Position } from '../../../../shared/areas/reserves/ledger';
import { monthLabel } from '../../../../shared/periods';
import { formatValue, type Hundredths } from '../../../../shared/units';
import type { ImportSpec, PreviewCell, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import type { ImportProblem } from '../../../import/types';
import type { Workspace } from '../../../store/workspace';
import { entryInserter, reserveEntries } from '../repository';
import { readableSchedules, SCHEDULE_IMPORT_ID } from './spec';

/**
 * How a staged reserve schedule compares with, and is applied to, the ledger. Each reserve's row states
 * its opening balance, net movements to the month and forecast year-end balance; the ledger's position
 * at the month is worked out from its entries, and applying adds the entries that bring the ledger to
 * the file (by difference), never an edited balance. A schedule is a few dozen rows: read in full.
 */
const FIELDS = [
  { key: 'opening', header: "Opening Balance £'000" },
  { key: 'movements', header: "Net Movements £'000" },
  { key: 'forecast', header: "Forecast Year End Balance £'000" },
] as const;
type Field = (typeof FIELDS)[number]['key'];

interface Staged {
  tableId: string;
  period: string;
  reserveId: string;
  label: string;
  sheet: string;
  row: number;
  target: SchedulePosition;
  cells: Partial<Record<Field, string>>;
}

function stagedLines(db: Database, job: string, tableId?: string): Staged[] {
  const rows = db
    .prepare(
      `SELECT l.table_id, t.period, l.line_key, l.label, l.sheet, l.row, l.vals, t.columns FROM temp.import_lines l JOIN temp.import_tables t ON t.job = l.job AND t.table_id = l.table_id
       WHERE l.job = ? AND t.spec = '${SCHEDULE_IMPORT_ID}' ${tableId ? 'AND l.table_id = ?' : ''} ORDER BY l.sheet, l.row`,
    )
    .all(job, ...(tableId ? [tableId] : [])) as { table_id: string; period: string; line_key: string; label: string; sheet: string; row: number; vals: string; columns: string }[];
  return rows.map((r) => {
    const v = JSON.parse(r.vals) as Partial<Record<Field, number | null>>;
    const columns = JSON.parse(r.columns) as Partial<Record<Field, string>>;
    const cells = Object.fromEntries(FIELDS.filter((f) => f.key in v && columns[f.key]).map((f) => [f.key, `${columns[f.key]}${r.row}`]));
    return { tableId: r.table_id, period: r.period, reserveId: r.line_key, label: r.label, sheet: r.sheet, row: r.row, target: { opening: v.opening ?? null, movements: v.movements ?? null, forecast: v.forecast ?? null }, cells };
  });
}

/** The held position against the file's, cell by cell: a blank opening or forecast leaves the ledger's. */
function differing(held: Position, target: SchedulePosition): Field[] {
  const out: Field[] = [];
  if (target.opening !== null && target.opening !== held.opening) out.push('opening');
  if ((target.movements ?? 0) !== (held.movements ?? 0)) out.push('movements');
  if (target.forecast !== null && target.forecast !== held.forecast) out.push('forecast');
  return out;
}

function compare(db: Database, s: Staged) {
  const entries = reserveEntries(db, s.reserveId);
  const held = positionAt(entries, s.period);
  return { entries, held, changed: differing(held, s.target) };
}

function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
  const out = new Map<string, TableStats>(tables.map((t) => [t.tableId, { newSubject: false, newLines: 0, changedLines: 0, unchangedLines: 0, changedCells: 0 }]));
  for (const s of stagedLines(db, job)) {
    const st = out.get(s.tableId);
    if (!st) continue;
    const { changed } = compare(db, s);
    if (changed.length) st.changedLines += 1;
    else st.unchangedLines += 1;
    st.changedCells += changed.length;
  }
  return out;
}

const money = (v: Hundredths | null) => formatValue(v, 'gbp_000q');

function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const all = stagedLines(db, job, table.tableId).map((s): PreviewLine => {
    const { held, changed } = compare(db, s);
    const heldOf: Record<Field, Hundredths | null> = { opening: held.opening, movements: held.movements, forecast: held.forecast };
    const cells: PreviewCell[] = changed.map((f) => ({ field: f, header: FIELDS.find((x) => x.key === f)!.header, cell: s.cells[f] ?? `A${s.row}`, old: money(heldOf[f]), new: money(s.target[f]) }));
    return { lineKey: s.reserveId, label: s.label, sheet: s.sheet, row: s.row, status: changed.length ? 'changed' : 'unchanged', cells };
  });
  return all.filter((l) => status === 'all' || l.status === status).slice(offset, offset + limit);
}

/**
 * What only the ledger can tell: a schedule the ledger cannot be brought to (a forecast at the year end
 * that is not the balance), and a balance or forecast below zero, which only an officer may record, on
 * the reserves page, as a confirmed deficit with its reason.
 */
function workspaceProblems(db: Database, job: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const s of stagedLines(db, job)) {
    const { entries } = compare(db, s);
    const { problem } = entriesByDifference(entries, s.period, s.target, 'file');
    if (problem) problems.push({ sheet: s.sheet, cell: s.cells.forecast ?? null, value: money(s.target.forecast), reason: `is ${s.label}'s forecast year-end balance, but ${problem}` });
    const balance = (s.target.opening ?? 0) + (s.target.movements ?? 0);
    for (const [field, value] of [['opening', s.target.opening], ['movements', balance], ['forecast', s.target.forecast]] as const) {
      if (value === null || value >= 0) continue;
      const what = field === 'opening' ? 'opening balance' : field === 'movements' ? `balance at the end of ${monthLabel(s.period)} (opening + net movements)` : 'forecast year-end balance';
      problems.push({ sheet: s.sheet, cell: s.cells[field] ?? null, value: null, reason: `would make ${s.label}'s ${what} ${money(value)} (£'000), below zero; a reserve goes below zero only as a deficit an officer confirms with a reason on the Reserves page` });
    }
  }
  return problems;
}

/** The entries that bring each reserve's ledger to the file, one insert each, audited with the file. */
function apply(ws: Workspace, job: string, file: { name: string }): void {
  const insert = entryInserter(ws);
  for (const s of stagedLines(ws.db, job)) {
    const { entries } = compare(ws.db, s);
    for (const e of entriesByDifference(entries, s.period, s.target, file.name).entries) insert({ ...e, reserveId: s.reserveId, note: null, deficitReason: null });
  }
}

export const SCHEDULE_IMPORT: ImportSpec = {
  id: SCHEDULE_IMPORT_ID,
  area: RESERVES_AREA_ID,
  subjectNoun: 'directorate',
  target: (period) => reservesTarget(period),
  readable: readableSchedules,
  stats,
  lines,
  workspaceProblems: (db, job) => workspaceProblems(db, job),
  apply: (ws, job, _tables, _source, file) => apply(ws, job, file),
};
