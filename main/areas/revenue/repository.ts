import { financialYearOf, monthsOfFinancialYear, publishesFmr } from '../../../shared/periods';
import { REVENUE_LINE_COLUMNS, type Directorate, type EnteredField, type PreviousSource, type ReportedValue, type RevenueLine, type Section } from '../../../shared/areas/revenue/model';
import { REVENUE_AREA_ID } from '../../../shared/areas/revenue/ids';
import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';

/** Revenue's SQL lives here and in the import spec, nowhere else. */
export const FIELD_COLUMNS = REVENUE_LINE_COLUMNS;

export function listDirectorates(ws: Workspace): Directorate[] {
  return (
    ws.db.prepare('SELECT id, name, appendix, expenditure_total_label, overall_total_label FROM revenue_directorates ORDER BY sort_order').all() as {
      id: string; name: string; appendix: string; expenditure_total_label: string; overall_total_label: string;
    }[]
  ).map((r) => ({ id: r.id, name: r.name, appendix: r.appendix, expenditureTotalLabel: r.expenditure_total_label, overallTotalLabel: r.overall_total_label }));
}

export function listSections(ws: Workspace): Section[] {
  return (
    ws.db.prepare('SELECT directorate_id, name, sort_order, total_label, is_mitigation, summary_row FROM revenue_sections ORDER BY directorate_id, sort_order').all() as {
      directorate_id: string; name: string; sort_order: number; total_label: string | null; is_mitigation: number; summary_row: string;
    }[]
  ).map((r) => ({ directorateId: r.directorate_id, name: r.name, order: r.sort_order, totalLabel: r.total_label, isMitigation: r.is_mitigation === 1, summaryRow: r.summary_row }));
}

interface LineRow {
  line_key: string; directorate_id: string; section: string; subsection: string | null; label: string; committee: string | null; budget_holder: string | null; sort_order: number;
  gross_budget: number | null; income_budget: number | null; actual: number | null; forecast_variance: number | null;
}

/** The latest earlier FMR month of the same financial year holding revenue lines (there is no April FMR), or null. */
export function previousFmrMonth(ws: Workspace, period: string): string | null {
  const fy = financialYearOf(period);
  // The year's earlier months, newest first, each asked for one line: not every line of every earlier month
  // read (a large council's run to tens of thousands), and never the months of other years.
  const earlier = ws.db.prepare('SELECT id FROM periods WHERE id < ? AND id >= ? ORDER BY id DESC').pluck().all(period, monthsOfFinancialYear(fy)[0]) as string[];
  return earlier.find((p) => publishesFmr(p) && hasRevenue(ws, p)) ?? null;
}

/** Whether the month has an earlier FMR month in its financial year at all (May has none: April publishes no FMR). */
export function hasEarlierFmr(period: string): boolean {
  const [, m] = period.split('-').map(Number) as [number, number];
  return !(m === 4 || m === 5);
}

/**
 * A month's lines (of one directorate, or only those keyed `keys`), each with its previous-month variance:
 * the variance of the latest earlier FMR month held; where none is held, the published figure kept as a
 * reported value (marked reported); May, the first FMR of the year, has none.
 */
export function getLines(ws: Workspace, period: string, directorateId?: string, keys?: readonly string[]): { lines: RevenueLine[]; previous: { source: PreviousSource; period: string | null } } {
  const onlyKeys = (column: string) => (keys ? `AND ${column} IN (SELECT value FROM json_each(?))` : '');
  const keyArgs = keys ? [JSON.stringify(keys)] : [];
  // Named lines are found by their key ("+" keeps SQLite off the directorate's index, which would walk all its lines).
  const byDirectorate = directorateId ? (keys ? 'AND +directorate_id = ?' : 'AND directorate_id = ?') : '';
  const rows = ws.db
    .prepare(`SELECT * FROM revenue_lines WHERE period = ? ${byDirectorate} ${onlyKeys('line_key')} ORDER BY directorate_id, sort_order`)
    .all(period, ...(directorateId ? [directorateId] : []), ...keyArgs) as LineRow[];
  const prevPeriod = hasEarlierFmr(period) ? previousFmrMonth(ws, period) : null;
  const source: PreviousSource = prevPeriod ? 'computed' : hasEarlierFmr(period) ? 'reported' : 'none';
  let prev = new Map<string, number | null>();
  if (prevPeriod) {
    prev = new Map((ws.db.prepare(`SELECT line_key, forecast_variance FROM revenue_lines WHERE period = ? ${onlyKeys('line_key')}`).all(prevPeriod, ...keyArgs) as { line_key: string; forecast_variance: number | null }[]).map((r) => [r.line_key, r.forecast_variance]));
  } else if (source === 'reported') {
    const rep = ws.db
      .prepare(`SELECT row_key, value_num FROM reported_values WHERE period = ? AND area = '${REVENUE_AREA_ID}' AND column_key = 'previousVariance' ${onlyKeys('row_key')}`)
      .all(period, ...keyArgs) as { row_key: string; value_num: number | null }[];
    prev = new Map(rep.map((r) => [r.row_key, r.value_num]));
  }
  const lines = rows.map((r): RevenueLine => ({
    key: r.line_key,
    directorateId: r.directorate_id,
    section: r.section,
    subsection: r.subsection,
    label: r.label,
    committee: r.committee,
    budgetHolder: r.budget_holder,
    order: r.sort_order,
    grossBudget: r.gross_budget,
    incomeBudget: r.income_budget,
    actual: r.actual,
    forecastVariance: r.forecast_variance,
    previousVariance: prev.get(r.line_key) ?? null,
    previousSource: source,
  }));
  return { lines, previous: { source, period: prevPeriod } };
}

/**
 * The named lines of one directorate's month, each with its label and entered figures, found by key: a
 * large council's table has thousands, and a save names a few. Keys of other directorates are left out.
 */
export function getNamedLines(ws: Workspace, period: string, directorateId: string, keys: readonly string[]): Map<string, { label: string; values: Record<EnteredField, Hundredths | null> }> {
  const figures = Object.entries(FIELD_COLUMNS).map(([field, column]) => `${column} AS ${field}`).join(', ');
  const rows = ws.db
    .prepare(`SELECT line_key, label, ${figures} FROM revenue_lines WHERE period = ? AND line_key IN (SELECT value FROM json_each(?)) AND +directorate_id = ?`)
    .all(period, JSON.stringify(keys), directorateId) as ({ line_key: string; label: string } & Record<EnteredField, Hundredths | null>)[];
  return new Map(rows.map(({ line_key, label, ...values }) => [line_key, { label, values }]));
}

/** Call inside Workspace.write. */
export function setLineValue(ws: Workspace, period: string, lineKey: string, field: EnteredField, value: Hundredths | null): void {
  ws.db.prepare(`UPDATE revenue_lines SET ${FIELD_COLUMNS[field]} = ? WHERE period = ? AND line_key = ?`).run(value, period, lineKey);
}

export function getReported(ws: Workspace, period: string, tableId?: string): ReportedValue[] {
  const rows = ws.db
    .prepare(`SELECT table_id, row_key, column_key, value_num FROM reported_values WHERE period = ? AND area = '${REVENUE_AREA_ID}' ${tableId ? 'AND table_id = ?' : ''} ORDER BY table_id, row_key, column_key`)
    .all(...(tableId ? [period, tableId] : [period])) as { table_id: string; row_key: string; column_key: string; value_num: number | null }[];
  return rows.map((r) => ({ tableId: r.table_id, rowKey: r.row_key, column: r.column_key, value: r.value_num }));
}

/** Whether the month holds any budget lines (of the one directorate, when named). */
export function hasRevenue(ws: Workspace, period: string, directorateId?: string): boolean {
  if (directorateId) return ws.db.prepare('SELECT 1 FROM revenue_lines WHERE period = ? AND directorate_id = ? LIMIT 1').get(period, directorateId) !== undefined;
  return ws.db.prepare('SELECT 1 FROM revenue_lines WHERE period = ? LIMIT 1').get(period) !== undefined;
}

export function periodsWithRevenue(ws: Workspace): string[] {
  return ws.db.prepare('SELECT DISTINCT period FROM revenue_lines ORDER BY period').pluck().all() as string[];
}

export interface CommentaryRow { subjectKey: string; title: string; body: string; carried: boolean; order: number }
export function getCommentaries(ws: Workspace, period: string): CommentaryRow[] {
  return (ws.db.prepare('SELECT subject_key, title, body, carried, sort_order FROM revenue_commentaries WHERE period = ? ORDER BY sort_order, subject_key').all(period) as {
    subject_key: string; title: string; body: string; carried: number; sort_order: number;
  }[]).map((r) => ({ subjectKey: r.subject_key, title: r.title, body: r.body, carried: r.carried === 1, order: r.sort_order }));
}

/**
 * Writes a commentary's text, clearing its carried-forward mark. A new commentary takes `title` and its place
 * `order`; an existing one keeps its place, and keeps its title when `keepTitle` (a budget holder's return
 * sends only the text). Call inside Workspace.write.
 */
export function putCommentary(ws: Workspace, period: string, subjectKey: string, c: { title: string; body: string; order?: number; keepTitle?: boolean }): void {
  ws.db
    .prepare(
      `INSERT INTO revenue_commentaries (period, subject_key, title, body, carried, sort_order) VALUES (?, ?, ?, ?, 0, ?)
       ON CONFLICT (period, subject_key) DO UPDATE SET title = CASE WHEN ? THEN title ELSE excluded.title END, body = excluded.body, carried = 0`,
    )
    .run(period, subjectKey, c.title, c.body, c.order ?? 0, c.keepTitle ? 1 : 0);
}

/** Call inside Workspace.write. */
export function deleteCommentary(ws: Workspace, period: string, subjectKey: string): void {
  ws.db.prepare('DELETE FROM revenue_commentaries WHERE period = ? AND subject_key = ?').run(period, subjectKey);
}

/** Writes a narrative section's text, clearing its carried-forward mark. Call inside Workspace.write. */
export function putNarrative(ws: Workspace, period: string, key: string, body: string): void {
  ws.db
    .prepare(`INSERT INTO revenue_narratives (period, narrative_key, body, carried) VALUES (?, ?, ?, 0) ON CONFLICT(period, narrative_key) DO UPDATE SET body = excluded.body, carried = 0`)
    .run(period, key, body);
}

/** A line's label in the month, or undefined when the month has no such line. */
export function lineLabel(ws: Workspace, period: string, lineKey: string): string | undefined {
  return ws.db.prepare('SELECT label FROM revenue_lines WHERE period = ? AND line_key = ?').pluck().get(period, lineKey) as string | undefined;
}

export function getNarratives(ws: Workspace, period: string): Map<string, { body: string; carried: boolean }> {
  const rows = ws.db.prepare('SELECT narrative_key, body, carried FROM revenue_narratives WHERE period = ?').all(period) as { narrative_key: string; body: string; carried: number }[];
  return new Map(rows.map((r) => [r.narrative_key, { body: r.body, carried: r.carried === 1 }]));
}

/**
 * Next month's lines from this month's: structure and budgets carried, actual and forecast variance
 * carried as the starting point; commentaries and narrative carried as drafts. Call inside Workspace.write.
 */
export function copyMonthForward(ws: Workspace, from: string, to: string): void {
  ws.db
    .prepare(
      `INSERT INTO revenue_lines (period, line_key, directorate_id, section, subsection, label, committee, budget_holder, sort_order, gross_budget, income_budget, actual, forecast_variance)
       SELECT ?, line_key, directorate_id, section, subsection, label, committee, budget_holder, sort_order, gross_budget, income_budget, actual, forecast_variance FROM revenue_lines WHERE period = ?`,
    )
    .run(to, from);
  ws.db.prepare(`INSERT OR IGNORE INTO revenue_commentaries (period, subject_key, title, body, carried, sort_order) SELECT ?, subject_key, title, body, 1, sort_order FROM revenue_commentaries WHERE period = ?`).run(to, from);
  ws.db.prepare(`INSERT OR IGNORE INTO revenue_narratives (period, narrative_key, body, carried) SELECT ?, narrative_key, body, 1 FROM revenue_narratives WHERE period = ?`).run(to, from);
}
