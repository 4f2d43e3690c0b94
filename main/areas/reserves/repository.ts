import type { Database } from 'better-sqlite3';
import type { LedgerEntry } from '../../../shared/areas/reserves/ledger';
import type { Directorate, NoMovementDisplay, Reserve } from '../../../shared/areas/reserves/schedule';
import { monthsOfFinancialYear } from '../../../shared/periods';
import { frozenSettings } from '../../store/frozen';
import type { Workspace } from '../../store/workspace';

/** Appendix 5's SQL for the register, the ledger and the month's settings lives here. */

/** Where closing a month keeps the register as it was (names, categories, descriptions). */
export const FROZEN_REGISTER_KEY = 'reserves.register';

export function listDirectorates(ws: Workspace): (Directorate & { revenueDrawdownLine: string | null })[] {
  return (ws.db.prepare('SELECT id, name, revenue_drawdown_line FROM reserves_directorates ORDER BY sort_order').all() as { id: string; name: string; revenue_drawdown_line: string | null }[]).map((r) => ({
    id: r.id,
    name: r.name,
    revenueDrawdownLine: r.revenue_drawdown_line,
  }));
}

export function requireDirectorate(ws: Workspace, id: string): Directorate {
  const d = listDirectorates(ws).find((x) => x.id === id);
  if (!d) throw new Error(`no directorate ${id}`);
  return d;
}

interface ReserveRow {
  id: string;
  directorate_id: string;
  category: string | null;
  name: string;
  description: string | null;
}

const toReserve = (r: ReserveRow): Reserve => ({ id: r.id, directorateId: r.directorate_id, category: r.category, name: r.name, description: r.description });

/** The register now; for a closed month, as it was when the month closed. */
export function listReserves(ws: Workspace, period?: string): Reserve[] {
  const frozen = period ? frozenSettings(ws, period).get(FROZEN_REGISTER_KEY) : undefined;
  if (frozen) return JSON.parse(frozen) as Reserve[];
  return (ws.db.prepare('SELECT id, directorate_id, category, name, description FROM reserves_register ORDER BY sort_order').all() as ReserveRow[]).map(toReserve);
}

export function getReserve(ws: Workspace, id: string): Reserve | undefined {
  const row = ws.db.prepare('SELECT id, directorate_id, category, name, description FROM reserves_register WHERE id = ?').get(id) as ReserveRow | undefined;
  return row ? toReserve(row) : undefined;
}

/** Call inside Workspace.write. */
export function insertReserve(ws: Workspace, r: Reserve & { fromPeriod: string }): void {
  const order = ws.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM reserves_register').pluck().get() as number;
  ws.db.prepare('INSERT INTO reserves_register (id, directorate_id, category, name, description, sort_order, from_period) VALUES (?, ?, ?, ?, ?, ?, ?)').run(r.id, r.directorateId, r.category, r.name, r.description, order, r.fromPeriod);
}

interface EntryRow {
  id: number;
  reserve_id: string;
  period: string;
  kind: LedgerEntry['kind'];
  amount: number;
  planned: number;
  expected_period: string | null;
  reference: string | null;
  note: string | null;
  deficit_reason: string | null;
}

const toEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  reserveId: r.reserve_id,
  period: r.period,
  kind: r.kind,
  amount: r.amount,
  planned: r.planned === 1,
  expectedPeriod: r.expected_period,
  reference: r.reference,
  note: r.note,
  deficitReason: r.deficit_reason,
});

/** Every entry of a financial year (all reserves, or one), in the order recorded. */
export function yearEntries(ws: Workspace, fy: string, reserveId?: string): LedgerEntry[] {
  const months = monthsOfFinancialYear(fy);
  const rows = ws.db
    .prepare(`SELECT * FROM reserves_entries WHERE period BETWEEN ? AND ? ${reserveId ? 'AND reserve_id = ?' : ''} ORDER BY period, id`)
    .all(months[0]!, months.at(-1)!, ...(reserveId ? [reserveId] : [])) as EntryRow[];
  return rows.map(toEntry);
}

/** Every entry of one reserve, any year, on a bare connection (an import's preview reads the ledger so). */
export function reserveEntries(db: Database, reserveId: string): LedgerEntry[] {
  return (db.prepare('SELECT * FROM reserves_entries WHERE reserve_id = ? ORDER BY period, id').all(reserveId) as EntryRow[]).map(toEntry);
}

export type NewEntry = Omit<LedgerEntry, 'id'>;

/** One prepared statement for many entries (an import adds one per reserve and column). Call inside Workspace.write. */
export function entryInserter(ws: Workspace): (e: NewEntry) => number {
  const stmt = ws.db.prepare(
    `INSERT INTO reserves_entries (reserve_id, period, kind, amount, planned, expected_period, reference, note, deficit_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (e) => Number(stmt.run(e.reserveId, e.period, e.kind, e.amount, e.planned ? 1 : 0, e.expectedPeriod, e.reference, e.note, e.deficitReason).lastInsertRowid);
}

export interface MonthRow {
  directorateId: string;
  display: NoMovementDisplay;
  businessPlan: number | null;
}

export function monthRows(ws: Workspace, period: string): MonthRow[] {
  return (
    ws.db.prepare('SELECT directorate_id, no_movement_display, business_plan_budget FROM reserves_months WHERE period = ?').all(period) as {
      directorate_id: string;
      no_movement_display: NoMovementDisplay;
      business_plan_budget: number | null;
    }[]
  ).map((r) => ({ directorateId: r.directorate_id, display: r.no_movement_display, businessPlan: r.business_plan_budget }));
}

export function hasReserves(ws: Workspace, period: string): boolean {
  return ws.db.prepare('SELECT 1 FROM reserves_months WHERE period = ? LIMIT 1').get(period) !== undefined;
}

/** Call inside Workspace.write. */
export function upsertMonth(ws: Workspace, period: string, directorateId: string, values: { display?: NoMovementDisplay; businessPlan?: number | null }): void {
  ws.db.prepare(`INSERT INTO reserves_months (period, directorate_id) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(period, directorateId);
  if (values.display !== undefined) ws.db.prepare('UPDATE reserves_months SET no_movement_display = ? WHERE period = ? AND directorate_id = ?').run(values.display, period, directorateId);
  if (values.businessPlan !== undefined) ws.db.prepare('UPDATE reserves_months SET business_plan_budget = ? WHERE period = ? AND directorate_id = ?').run(values.businessPlan, period, directorateId);
}

export function reportedValues(ws: Workspace, period: string, tableId: string): Map<string, number | null> {
  const rows = ws.db.prepare(`SELECT row_key, column_key, value_num FROM reported_values WHERE period = ? AND area = 'reserves' AND table_id = ?`).all(period, tableId) as { row_key: string; column_key: string; value_num: number | null }[];
  return new Map(rows.map((r) => [`${r.row_key}|${r.column_key}`, r.value_num]));
}

/** The financial year before `fy` (2022-23 for 2023-24). */
export function previousYear(fy: string): string {
  const start = Number(fy.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

