import { CARE_CONTRIBUTIONS_KEY, type KadField, type KadLine, type ReportedValue } from '../../shared/kad/model';
import type { KadServiceInfo } from '../../shared/api/contract';
import type { Hundredths } from '../../shared/money';
import type { Workspace } from '../store/workspace';

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
  ws.db.prepare(`UPDATE kad_lines SET ${FIELD_COLUMNS[field]} = ? WHERE period = ? AND service_id = ? AND line_key = ?`).run(value, period, serviceId, lineKey);
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
