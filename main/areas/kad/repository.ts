import { ACTUAL_FIELDS, CARE_CONTRIBUTIONS_KEY, type KadField, type KadLine, type ReportedValue } from '../../../shared/areas/kad/model';
import type { KadServiceInfo } from '../../../shared/areas/kad/api';
import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';

/** KAD's SQL lives here and nowhere else. */
export const FIELD_COLUMNS: Record<KadField, string> = {
  expectedPackages: 'expected_packages',
  budgetUnitCost: 'budget_unit_cost',
  annualBudgetK: 'annual_budget_k',
  currentPackages: 'current_packages',
  currentUnitCost: 'current_unit_cost',
  totalSpendK: 'total_spend_k',
};

export function listServices(ws: Workspace): KadServiceInfo[] {
  return ws.db.prepare('SELECT id, name, caption FROM kad_services ORDER BY sort_order').all() as KadServiceInfo[];
}

export function getService(ws: Workspace, id: string): KadServiceInfo | undefined {
  return ws.db.prepare('SELECT id, name, caption FROM kad_services WHERE id = ?').get(id) as KadServiceInfo | undefined;
}

interface LineRow {
  line_key: string;
  in_use: number;
  actuals_updated: number;
  expected_packages: number | null;
  budget_unit_cost: number | null;
  annual_budget_k: number | null;
  current_packages: number | null;
  current_unit_cost: number | null;
  total_spend_k: number | null;
  type_name: string | null;
  grp: 'accommodation' | 'community' | null;
  is_respite: number | null;
  sort_order: number | null;
}

export function getLines(ws: Workspace, period: string, serviceId: string): KadLine[] {
  const rows = ws.db
    .prepare(
      `SELECT l.*, t.name AS type_name, t.grp, t.is_respite, t.sort_order
       FROM kad_lines l LEFT JOIN kad_service_types t ON t.id = l.line_key
       WHERE l.period = ? AND l.service_id = ?
       ORDER BY CASE WHEN t.sort_order IS NULL THEN 1 ELSE 0 END, t.sort_order`,
    )
    .all(period, serviceId) as LineRow[];
  return rows.map((r) => ({
    key: r.line_key,
    label: r.line_key === CARE_CONTRIBUTIONS_KEY ? 'Care Contributions' : (r.type_name ?? r.line_key),
    kind: r.line_key === CARE_CONTRIBUTIONS_KEY ? 'care_contributions' : 'line',
    group: r.grp,
    isRespite: r.is_respite === 1,
    inUse: r.in_use === 1,
    actualsUpdated: r.actuals_updated === 1,
    expectedPackages: r.expected_packages,
    budgetUnitCost: r.budget_unit_cost,
    annualBudgetK: r.annual_budget_k,
    currentPackages: r.current_packages,
    currentUnitCost: r.current_unit_cost,
    totalSpendK: r.total_spend_k,
  }));
}

export function getLineValue(ws: Workspace, period: string, serviceId: string, lineKey: string, field: KadField): { exists: boolean; value: Hundredths | null; inUse: boolean } {
  const row = ws.db
    .prepare(`SELECT ${FIELD_COLUMNS[field]} AS value, in_use FROM kad_lines WHERE period = ? AND service_id = ? AND line_key = ?`)
    .get(period, serviceId, lineKey) as { value: number | null; in_use: number } | undefined;
  return row ? { exists: true, value: row.value, inUse: row.in_use === 1 } : { exists: false, value: null, inUse: false };
}

/** Call inside Workspace.write. */
export function setLineValue(ws: Workspace, period: string, serviceId: string, lineKey: string, field: KadField, value: Hundredths | null): void {
  const marks = ACTUAL_FIELDS.includes(field) ? ', actuals_updated = 1' : '';
  ws.db.prepare(`UPDATE kad_lines SET ${FIELD_COLUMNS[field]} = ?${marks} WHERE period = ? AND service_id = ? AND line_key = ?`).run(value, period, serviceId, lineKey);
}

/** Undo and redo put back any audited column of a line, including the flags. Call inside Workspace.write. */
export const LINE_COLUMNS = new Set([...Object.values(FIELD_COLUMNS), 'in_use', 'actuals_updated']);
export function setLineColumn(ws: Workspace, period: string, serviceId: string, lineKey: string, column: string, value: number | null): void {
  if (!LINE_COLUMNS.has(column)) throw new Error(`not a KAD line column: ${column}`);
  ws.db.prepare(`UPDATE kad_lines SET ${column} = ? WHERE period = ? AND service_id = ? AND line_key = ?`).run(value, period, serviceId, lineKey);
}

/** Months holding any KAD, oldest first. */
export function periodsWithKad(ws: Workspace): string[] {
  return ws.db.prepare('SELECT DISTINCT period FROM kad_lines ORDER BY period').pluck().all() as string[];
}

export function servicesWithLines(ws: Workspace, period: string): Set<string> {
  return new Set(ws.db.prepare('SELECT DISTINCT service_id FROM kad_lines WHERE period = ?').pluck().all(period) as string[]);
}

/**
 * Copies one month's lines into the next: budget and actual figures carried, actuals marked as not yet
 * updated. Call inside Workspace.write.
 */
export function copyLinesForward(ws: Workspace, from: string, to: string): number {
  return ws.db
    .prepare(
      `INSERT INTO kad_lines (period, service_id, line_key, in_use, actuals_updated, expected_packages, budget_unit_cost, annual_budget_k, current_packages, current_unit_cost, total_spend_k)
       SELECT ?, service_id, line_key, in_use, 0, expected_packages, budget_unit_cost, annual_budget_k, current_packages, current_unit_cost, total_spend_k
       FROM kad_lines WHERE period = ?`,
    )
    .run(to, from).changes;
}

/** Lines of a service type from a month on, with whether any holds a figure. */
export function typeLinesFrom(ws: Workspace, serviceId: string, typeId: string, fromPeriod: string): { period: string; inUse: boolean; hasFigures: boolean }[] {
  const cols = Object.values(FIELD_COLUMNS).map((c) => `${c} IS NOT NULL`).join(' OR ');
  return (
    ws.db
      .prepare(`SELECT period, in_use, (${cols}) AS has_figures FROM kad_lines WHERE service_id = ? AND line_key = ? AND period >= ? ORDER BY period`)
      .all(serviceId, typeId, fromPeriod) as { period: string; in_use: number; has_figures: number }[]
  ).map((r) => ({ period: r.period, inUse: r.in_use === 1, hasFigures: r.has_figures === 1 }));
}

export function insertService(ws: Workspace, s: { id: string; name: string; caption: string; fromPeriod: string }): void {
  const order = (ws.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM kad_services').pluck().get() as number) ?? 1;
  ws.db.prepare('INSERT INTO kad_services (id, name, caption, sort_order, from_period) VALUES (?, ?, ?, ?, ?)').run(s.id, s.name, s.caption, order, s.fromPeriod);
}

export function insertEmptyLine(ws: Workspace, period: string, serviceId: string, lineKey: string, inUse: boolean): void {
  emptyLineInserter(ws)(period, serviceId, lineKey, inUse);
}

/** One prepared statement for many lines (an import may add thousands). Call inside Workspace.write. */
export function emptyLineInserter(ws: Workspace): (period: string, serviceId: string, lineKey: string, inUse: boolean) => void {
  const stmt = ws.db.prepare('INSERT OR IGNORE INTO kad_lines (period, service_id, line_key, in_use) VALUES (?, ?, ?, ?)');
  return (period, serviceId, lineKey, inUse) => void stmt.run(period, serviceId, lineKey, inUse ? 1 : 0);
}

export function listServiceTypes(ws: Workspace): { id: string; name: string; group: 'accommodation' | 'community'; isRespite: boolean }[] {
  return (ws.db.prepare('SELECT id, name, grp, is_respite FROM kad_service_types ORDER BY sort_order').all() as { id: string; name: string; grp: 'accommodation' | 'community'; is_respite: number }[]).map((r) => ({
    id: r.id,
    name: r.name,
    group: r.grp,
    isRespite: r.is_respite === 1,
  }));
}

export function getReported(ws: Workspace, period: string, serviceId: string): ReportedValue[] {
  const rows = ws.db
    .prepare(`SELECT row_key, column_key, value_num, value_text FROM reported_values WHERE period = ? AND area = 'kad' AND table_id = ? ORDER BY row_key, column_key`)
    .all(period, serviceId) as { row_key: string; column_key: string; value_num: number | null; value_text: string | null }[];
  return rows.map((r) => ({ rowKey: r.row_key, column: r.column_key, value: r.value_num, text: r.value_text }));
}

export function hasKad(ws: Workspace, period: string): boolean {
  return ws.db.prepare('SELECT 1 FROM kad_lines WHERE period = ? LIMIT 1').get(period) !== undefined;
}
