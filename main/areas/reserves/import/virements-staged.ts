import type { Database } from 'better-sqlite3';
import { reservesTarget, RESERVES_AREA_ID } from '../../../../shared/areas/reserves/ids';
import { BUSINESS_PLAN_ROW, type Virement } from '../../../../shared/areas/reserves/virements';
import { financialYearOf, monthLabel } from '../../../../shared/periods';
import { formatValue, type Hundredths } from '../../../../shared/units';
import { findMonth } from '../../../import/read/names';
import type { ImportSpec, PreviewCell, PreviewLine, StagedTable, TableStats } from '../../../import/spec';
import type { ImportProblem } from '../../../import/types';
import type { Workspace } from '../../../store/workspace';
import { virementLines } from '../virements';
import { POSITION_KEY, readableVirements, VIREMENTS_IMPORT_ID, VIREMENTS_SUBJECT } from './virements-spec';

/**
 * How a staged virements table compares with, and is applied to, the Business Plan budget and the
 * virements held for its month. A committee table's n-th virement is the n-th held (in the order the page
 * shows them); a template row names its virement by key. More rows than held are new virements; fewer
 * are refused (a virement is removed on the Reserves page, where the reconciliation shows what it does).
 */
type Field = 'budgetLine' | 'effective' | 'amount' | 'notes';
const HEADERS: Record<Field, string> = { budgetLine: 'Budget Line', effective: 'Eff. Period', amount: "£'000", notes: 'Notes' };

interface Row {
  key: string;
  label: string;
  sheet: string;
  row: number;
  values: { effective?: string | null; amount?: number | null; notes?: string | null };
  cells: Partial<Record<Field, string>>;
}

interface Table {
  staged: StagedTable;
  directorateId: string;
  businessPlan: Hundredths | null;
  held: Virement[];
  rows: Row[];
}

function tablesOf(db: Database, job: string, only?: string): Table[] {
  const tables = db
    .prepare(`SELECT table_id, sheet, row, layout, period, base_period, subject_id, subject_name, columns FROM temp.import_tables WHERE job = ? AND spec = '${VIREMENTS_IMPORT_ID}' ${only ? 'AND table_id = ?' : ''} ORDER BY seq`)
    .all(job, ...(only ? [only] : [])) as { table_id: string; sheet: string; row: number; layout: string; period: string; base_period: string | null; subject_id: string; subject_name: string; columns: string }[];
  const lines = db.prepare('SELECT line_key, label, sheet, row, vals FROM temp.import_lines WHERE job = ? AND table_id = ? ORDER BY row');
  const bp = db.prepare('SELECT business_plan_budget FROM reserves_months WHERE period = ? AND directorate_id = ?').pluck();
  return tables.map((t) => {
    const directorateId = t.subject_id.slice(VIREMENTS_SUBJECT.length);
    const month = t.base_period ?? t.period;
    const columns = JSON.parse(t.columns) as Record<string, string>;
    const rows = (lines.all(job, t.table_id) as { line_key: string; label: string; sheet: string; row: number; vals: string }[]).map((l) => {
      const values = JSON.parse(l.vals) as Row['values'];
      const cells: Partial<Record<Field, string>> = { budgetLine: `${columns.label ?? columns.key ?? 'A'}${l.row}` };
      for (const f of ['effective', 'amount', 'notes'] as const) if (columns[f]) cells[f] = `${columns[f]}${l.row}`;
      return { key: l.line_key, label: l.label, sheet: l.sheet, row: l.row, values, cells };
    });
    return {
      staged: { tableId: t.table_id, spec: VIREMENTS_IMPORT_ID, sheet: t.sheet, row: t.row, layout: t.layout, period: t.period, subjectId: t.subject_id, subjectName: t.subject_name, caption: null, basePeriod: t.base_period },
      directorateId,
      businessPlan: (bp.get(month, directorateId) as number | null | undefined) ?? null,
      held: virementLines({ db }, month, directorateId),
      rows,
    };
  });
}

/** The held virement a row names: by place (committee), by key (template), or none (a new one). */
function heldOf(t: Table, r: Row): Virement | null | 'unknown' {
  if (r.key.startsWith(POSITION_KEY)) return t.staged.layout === 'committee' ? (t.held[Number(r.key.slice(POSITION_KEY.length)) - 1] ?? null) : null;
  return t.held.find((v) => `v${v.seq}` === r.key) ?? 'unknown';
}

const effectiveOf = (t: Table, text: string | null | undefined) => (text ? (findMonth(text, Number(financialYearOf(t.staged.period).slice(0, 4)))?.period ?? null) : null);

interface Compared {
  row: Row;
  status: PreviewLine['status'];
  cells: PreviewCell[];
  virement: Virement | null;
}

const money = (v: number | null | undefined) => formatValue(v ?? null, 'gbp_000q');

function compare(t: Table, r: Row): Compared | null {
  if (r.key === BUSINESS_PLAN_ROW) {
    const now = r.values.amount ?? null;
    const cells = now === t.businessPlan ? [] : [{ field: 'amount', header: HEADERS.amount, cell: r.cells.amount ?? `A${r.row}`, old: money(t.businessPlan), new: money(now) }];
    return { row: r, status: cells.length ? 'changed' : 'unchanged', cells, virement: null };
  }
  const held = heldOf(t, r);
  if (held === 'unknown') return null;
  const now = { budgetLine: r.label, effective: effectiveOf(t, r.values.effective), amount: r.values.amount ?? null, notes: r.values.notes ?? null };
  const was = held ? { budgetLine: held.budgetLine, effective: held.effectivePeriod, amount: held.amount, notes: held.notes } : null;
  const shown = (f: Field, v: string | number | null | undefined) => (v === null || v === undefined ? null : f === 'amount' ? money(v as number) : f === 'effective' ? monthLabel(String(v)) : String(v));
  const cells: PreviewCell[] = [];
  for (const f of ['budgetLine', 'effective', 'amount', 'notes'] as const) {
    if (f !== 'budgetLine' && !(f in r.values)) continue;
    if (was && was[f] === now[f]) continue;
    cells.push({ field: f, header: HEADERS[f], cell: r.cells[f] ?? `A${r.row}`, old: was ? shown(f, was[f]) : null, new: shown(f, now[f]) });
  }
  const status = !held ? 'new' : cells.length ? 'changed' : 'unchanged';
  return { row: r, status, cells, virement: held };
}

function stats(db: Database, job: string, tables: readonly StagedTable[]): Map<string, TableStats> {
  const out = new Map<string, TableStats>(tables.map((t) => [t.tableId, { newSubject: false, newLines: 0, changedLines: 0, unchangedLines: 0, changedCells: 0 }]));
  for (const t of tablesOf(db, job)) {
    const st = out.get(t.staged.tableId);
    if (!st) continue;
    for (const c of t.rows.map((r) => compare(t, r))) {
      if (!c) continue;
      if (c.status === 'new') st.newLines += 1;
      else if (c.status === 'changed') st.changedLines += 1;
      else st.unchangedLines += 1;
      if (c.status !== 'new') st.changedCells += c.cells.length;
    }
  }
  return out;
}

function lines(db: Database, job: string, table: StagedTable, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
  const t = tablesOf(db, job, table.tableId)[0];
  if (!t) return [];
  return t.rows
    .map((r) => compare(t, r))
    .filter((c): c is Compared => c !== null && (status === 'all' || c.status === status))
    .slice(offset, offset + limit)
    .map((c) => ({ lineKey: c.row.key, label: c.row.label, sheet: c.row.sheet, row: c.row.row, status: c.status, cells: c.cells }));
}

/** A month that is not one of the year's up to the table's, a virement without an amount, a key not held, a virement left out. */
function workspaceProblems(db: Database, job: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const t of tablesOf(db, job)) {
    const where = `${t.staged.subjectName} in ${monthLabel(t.staged.period)}`;
    let listed = 0;
    for (const r of t.rows) {
      if (r.key === BUSINESS_PLAN_ROW) continue;
      if (compare(t, r) === null) {
        problems.push({ sheet: r.sheet, cell: `A${r.row}`, value: r.key, reason: `is not a virement ${where} holds` });
        continue;
      }
      if (heldOf(t, r)) listed += 1;
      const effective = effectiveOf(t, r.values.effective);
      if (!effective || financialYearOf(effective) !== financialYearOf(t.staged.period) || effective > t.staged.period) {
        problems.push({ sheet: r.sheet, cell: r.cells.effective ?? null, value: r.values.effective ?? null, reason: `is not a month of ${financialYearOf(t.staged.period).replace('-', '/')} up to ${monthLabel(t.staged.period)}, when a virement recorded then takes effect` });
      }
      if (!r.values.amount) problems.push({ sheet: r.sheet, cell: r.cells.amount ?? null, value: null, reason: 'is a virement without an amount: a virement moves money' });
    }
    const missing = t.held.length - listed;
    if (t.staged.layout === 'committee' && missing > 0) {
      problems.push({ sheet: t.staged.sheet, cell: `A${t.staged.row}`, value: null, reason: `lists ${t.held.length - missing} virements but ${where} holds ${t.held.length}: remove a virement on the Reserves page, where the reconciliation shows what it does` });
    }
  }
  return problems;
}

function apply(ws: Workspace, job: string): void {
  const update = ws.db.prepare('UPDATE reserves_virements SET budget_line = ?, effective_period = ?, amount = ?, notes = ? WHERE period = ? AND directorate_id = ? AND seq = ?');
  const insert = ws.db.prepare(
    'INSERT INTO reserves_virements (period, directorate_id, seq, budget_line, effective_period, amount, notes) VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM reserves_virements WHERE period = ? AND directorate_id = ?), ?, ?, ?, ?)',
  );
  const setBp = ws.db.prepare('UPDATE reserves_months SET business_plan_budget = ? WHERE period = ? AND directorate_id = ?');
  // After any new month is rolled forward: the table's own month is held now.
  for (const t of tablesOf(ws.db, job).map((x) => ({ ...x, held: virementLines(ws, x.staged.period, x.directorateId), staged: { ...x.staged, basePeriod: null } }))) {
    const { period } = t.staged;
    for (const r of t.rows) {
      const c = compare(t, r);
      if (!c || c.status === 'unchanged') continue;
      if (r.key === BUSINESS_PLAN_ROW) {
        setBp.run(r.values.amount ?? null, period, t.directorateId);
        continue;
      }
      const v = { line: r.label, effective: effectiveOf(t, r.values.effective), amount: r.values.amount ?? null };
      const notes = 'notes' in r.values ? (r.values.notes ?? null) : (c.virement?.notes ?? null);
      if (c.virement) update.run(v.line, v.effective, v.amount, notes, period, t.directorateId, c.virement.seq);
      else insert.run(period, t.directorateId, period, t.directorateId, v.line, v.effective, v.amount, notes);
    }
  }
}

export const VIREMENTS_IMPORT: ImportSpec = {
  id: VIREMENTS_IMPORT_ID,
  area: RESERVES_AREA_ID,
  subjectNoun: 'directorate',
  target: (period) => reservesTarget(period, 'virements'),
  readable: readableVirements,
  stats,
  lines,
  workspaceProblems: (db, job) => workspaceProblems(db, job),
  apply: (ws, job) => apply(ws, job),
};
