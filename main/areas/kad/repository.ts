import { KAD_AREA_ID } from '../../../shared/areas/kad/ids';
import { ACTUAL_FIELDS, CARE_CONTRIBUTIONS_KEY, isActualField, KAD_LINE_COLUMNS, type KadField, type KadGroupId, type KadLine, type ReportedValue } from '../../../shared/areas/kad/model';
import type { KadServiceInfo } from '../../../shared/areas/kad/api';
import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import { frozenSettings } from '../../store/frozen';

/** Where closing a month keeps the service types as they were (see settings.ts freezeKad). */
export const FROZEN_TYPES_KEY = 'kad.serviceTypes';

/** KAD's SQL lives here and nowhere else (the column names alone are shared, for the audit trail's cell addresses). */
export const FIELD_COLUMNS: Record<KadField, string> = KAD_LINE_COLUMNS;

export function listServices(ws: Workspace): KadServiceInfo[] {
  return ws.db.prepare('SELECT id, name, caption FROM kad_services ORDER BY sort_order').all() as KadServiceInfo[];
}

export function getService(ws: Workspace, id: string): KadServiceInfo | undefined {
  return ws.db.prepare('SELECT id, name, caption FROM kad_services WHERE id = ?').get(id) as KadServiceInfo | undefined;
}

interface LineRow {
  line_key: string;
  in_use: number;
  current_packages_cf: number;
  current_unit_cost_cf: number;
  total_spend_k_cf: number;
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

/** The service types a month's lines were closed with, by id; null for an open month (today's apply). */
function frozenTypes(ws: Workspace, period: string): Map<string, { name: string; group: KadGroupId; isRespite: boolean; order: number }> | null {
  const json = frozenSettings(ws, period).get(FROZEN_TYPES_KEY);
  if (!json) return null;
  const types = JSON.parse(json) as { id: string; name: string; group: KadGroupId; isRespite: boolean }[];
  return new Map(types.map((t, order) => [t.id, { name: t.name, group: t.group, isRespite: t.isRespite, order }]));
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
  const frozen = frozenTypes(ws, period);
  const lines = rows.map((r) => {
    const type = frozen?.get(r.line_key);
    return {
      key: r.line_key,
      label: r.line_key === CARE_CONTRIBUTIONS_KEY ? 'Care Contributions' : (type?.name ?? r.type_name ?? r.line_key),
      kind: r.line_key === CARE_CONTRIBUTIONS_KEY ? ('care_contributions' as const) : ('line' as const),
      group: type ? type.group : r.grp,
      isRespite: type ? type.isRespite : r.is_respite === 1,
      inUse: r.in_use === 1,
      carried: ACTUAL_FIELDS.filter((f) => (r as unknown as Record<string, number>)[carriedColumn(f)] === 1),
      expectedPackages: r.expected_packages,
      budgetUnitCost: r.budget_unit_cost,
      annualBudgetK: r.annual_budget_k,
      currentPackages: r.current_packages,
      currentUnitCost: r.current_unit_cost,
      totalSpendK: r.total_spend_k,
    };
  });
  if (!frozen) return lines;
  const rank = (key: string) => frozen.get(key)?.order ?? Number.MAX_SAFE_INTEGER;
  return lines.sort((a, b) => rank(a.key) - rank(b.key));
}

/** The column flagging an ACTUAL/Outturn figure as still carried forward (kad_lines.<column>_cf). */
export function carriedColumn(field: KadField): string {
  if (!isActualField(field)) throw new Error(`${field} is never carried forward`);
  return `${FIELD_COLUMNS[field]}_cf`;
}

export function getLineValue(ws: Workspace, period: string, serviceId: string, lineKey: string, field: KadField): { exists: boolean; value: Hundredths | null; inUse: boolean; carried: boolean } {
  const cf = isActualField(field) ? carriedColumn(field) : '0';
  const row = ws.db
    .prepare(`SELECT ${FIELD_COLUMNS[field]} AS value, in_use, ${cf} AS carried FROM kad_lines WHERE period = ? AND service_id = ? AND line_key = ?`)
    .get(period, serviceId, lineKey) as { value: number | null; in_use: number; carried: number } | undefined;
  return row ? { exists: true, value: row.value, inUse: row.in_use === 1, carried: row.carried === 1 } : { exists: false, value: null, inUse: false, carried: false };
}

/** Sets a figure; an actual figure is then this month's, no longer carried. Call inside Workspace.write. */
export function setLineValue(ws: Workspace, period: string, serviceId: string, lineKey: string, field: KadField, value: Hundredths | null): void {
  const marks = isActualField(field) ? `, ${carriedColumn(field)} = 0` : '';
  ws.db.prepare(`UPDATE kad_lines SET ${FIELD_COLUMNS[field]} = ?${marks} WHERE period = ? AND service_id = ? AND line_key = ?`).run(value, period, serviceId, lineKey);
}

/** Undo and redo put back any audited column of a line, including the flags. Call inside Workspace.write. */
export const LINE_COLUMNS = new Set([...Object.values(FIELD_COLUMNS), 'in_use', ...ACTUAL_FIELDS.map(carriedColumn)]);
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
 * Copies one month's lines into the next: budget and actual figures carried, each actual figure of a line
 * in use marked as not yet updated (Care Contributions have only a Total spend among them). Call inside Workspace.write.
 */
export function copyLinesForward(ws: Workspace, from: string, to: string): number {
  return ws.db
    .prepare(
      `INSERT INTO kad_lines (period, service_id, line_key, in_use, expected_packages, budget_unit_cost, annual_budget_k, current_packages, current_unit_cost, total_spend_k,
                              current_packages_cf, current_unit_cost_cf, total_spend_k_cf)
       SELECT ?, service_id, line_key, in_use, expected_packages, budget_unit_cost, annual_budget_k, current_packages, current_unit_cost, total_spend_k,
              in_use AND line_key <> '${CARE_CONTRIBUTIONS_KEY}', in_use AND line_key <> '${CARE_CONTRIBUTIONS_KEY}', in_use
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

/**
 * Cells of a service-month changed since its reported (published or imported) figures were recorded,
 * and still different from what they were then: the officer's corrections. Read from the audit trail,
 * so an edit that was undone, or put back by hand, is not a correction.
 */
export function correctionsSinceReported(ws: Workspace, period: string, serviceId: string): { lineKey: string; field: KadField; at: string }[] {
  // The table's reported figures are audited a figure at a time, or all at once in one group record keyed by the table.
  const table = `${period}|${KAD_AREA_ID}|${serviceId}`;
  const since = ws.db
    .prepare(`SELECT MAX(op_id) FROM audit_log WHERE entity = 'reported_value' AND (entity_key LIKE ? ESCAPE '\\' OR entity_key = ?)`)
    .pluck()
    .get(`${table.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`, table) as number | null;
  if (since === null) return [];
  const columns = Object.entries(FIELD_COLUMNS) as [KadField, string][];
  const rows = ws.db
    .prepare(
      `SELECT entity_key, field, old_value, at, id FROM audit_log
       WHERE entity = 'kad_line' AND action = 'update' AND op_id > ? AND entity_key LIKE ? ESCAPE '\\' ORDER BY id`,
    )
    .all(since, `${period}|${serviceId.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`) as { entity_key: string; field: string; old_value: string | null; at: string }[];
  const first = new Map<string, { old: string | null; at: string }>();
  for (const r of rows) {
    const key = `${r.entity_key.split('|').slice(2).join('|')}|${r.field}`;
    const seen = first.get(key);
    first.set(key, { old: seen ? seen.old : r.old_value, at: r.at });
  }
  const out: { lineKey: string; field: KadField; at: string }[] = [];
  for (const [key, { old, at }] of first) {
    const field = key.slice(key.lastIndexOf('|') + 1);
    const lineKey = key.slice(0, key.lastIndexOf('|'));
    const kadField = columns.find(([, c]) => c === field)?.[0];
    if (!kadField) continue;
    const now = getLineValue(ws, period, serviceId, lineKey, kadField).value;
    if ((old === null ? null : Number(old)) !== now) out.push({ lineKey, field: kadField, at });
  }
  return out;
}
