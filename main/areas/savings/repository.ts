import { SAVINGS_AREA_ID } from '../../../shared/areas/savings/ids';
import type { Directorate, SavingFigure, SavingLine, SavingText } from '../../../shared/areas/savings/model';
import type { ReportedFigure } from '../../../shared/areas/savings/checks';
import type { Rag } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';

/** The Savings Tracker's SQL lives here and nowhere else. */
export const FIGURE_COLUMNS: Record<SavingFigure, string> = { originalSaving: 'original_saving', forecastSaving: 'forecast_saving' };
export const TEXT_COLUMNS: Record<SavingText, string> = { bpRef: 'bp_ref', title: 'title', owner: 'owner', commentary: 'commentary' };

export interface LineRow {
  id: string;
  financial_year: string;
  directorate_id: string;
  seq: number;
  bp_ref: string;
  title: string;
  owner: string | null;
  original_saving: number | null;
  forecast_saving: number | null;
  commentary: string | null;
  rag_override: Rag | null;
  rag_override_reason: string | null;
  rag_override_by: string | null;
  rag_override_at: string | null;
  carried_from: string | null;
}

export function toLine(r: LineRow): SavingLine {
  return {
    id: r.id,
    financialYear: r.financial_year,
    directorateId: r.directorate_id,
    seq: r.seq,
    bpRef: r.bp_ref,
    title: r.title,
    owner: r.owner,
    originalSaving: r.original_saving,
    forecastSaving: r.forecast_saving,
    commentary: r.commentary,
    ragOverride: r.rag_override ? { rag: r.rag_override, reason: r.rag_override_reason ?? '', by: r.rag_override_by ?? 'unknown', at: r.rag_override_at ?? '' } : null,
    carriedFrom: r.carried_from,
  };
}

export function listDirectorates(ws: Workspace): Directorate[] {
  return ws.db.prepare('SELECT id, name FROM savings_directorates ORDER BY sort_order').all() as Directorate[];
}

export function yearLines(ws: Workspace, financialYear: string): SavingLine[] {
  return (ws.db.prepare('SELECT * FROM savings_lines WHERE financial_year = ? ORDER BY directorate_id, seq').all(financialYear) as LineRow[]).map(toLine);
}

export function getLine(ws: Workspace, id: string): SavingLine | undefined {
  const row = ws.db.prepare('SELECT * FROM savings_lines WHERE id = ?').get(id) as LineRow | undefined;
  return row ? toLine(row) : undefined;
}

export function hasYear(ws: Workspace, financialYear: string): boolean {
  return ws.db.prepare('SELECT 1 FROM savings_lines WHERE financial_year = ? LIMIT 1').get(financialYear) !== undefined;
}

/** Call inside Workspace.write. */
export function setFigure(ws: Workspace, id: string, field: SavingFigure, value: number | null): void {
  ws.db.prepare(`UPDATE savings_lines SET ${FIGURE_COLUMNS[field]} = ? WHERE id = ?`).run(value, id);
}

/** Call inside Workspace.write. */
export function setText(ws: Workspace, id: string, field: SavingText, value: string | null): void {
  ws.db.prepare(`UPDATE savings_lines SET ${TEXT_COLUMNS[field]} = ? WHERE id = ?`).run(value, id);
}

/** Call inside Workspace.write. */
export function setOverride(ws: Workspace, id: string, o: { rag: Rag; reason: string; by: string; at: string } | null): void {
  ws.db
    .prepare('UPDATE savings_lines SET rag_override = ?, rag_override_reason = ?, rag_override_by = ?, rag_override_at = ? WHERE id = ?')
    .run(o?.rag ?? null, o?.reason ?? null, o?.by ?? null, o?.at ?? null, id);
}

export interface NewLine {
  financialYear: string;
  directorateId: string;
  bpRef: string;
  title: string;
  owner: string | null;
  originalSaving: number | null;
  forecastSaving: number | null;
  commentary: string | null;
  carriedFrom?: string | null;
  /** A stable id (the demo's, an import's); a new one is made from the year and directorate otherwise. */
  id?: string;
}

/** Adds a saving at the end of its directorate's tracker; returns its id. Call inside Workspace.write. */
export function insertLine(ws: Workspace, l: NewLine): string {
  const seq = (ws.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM savings_lines WHERE financial_year = ? AND directorate_id = ?').pluck().get(l.financialYear, l.directorateId) as number) ?? 1;
  const id = l.id ?? nextId(ws, l.financialYear, l.directorateId);
  ws.db
    .prepare(
      `INSERT INTO savings_lines (id, financial_year, directorate_id, seq, bp_ref, title, owner, original_saving, forecast_saving, commentary, carried_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, l.financialYear, l.directorateId, seq, l.bpRef, l.title, l.owner, l.originalSaving, l.forecastSaving, l.commentary, l.carriedFrom ?? null);
  return id;
}

/** "2023-24-ahc-14": the year, the directorate and a number never used before in them. */
function nextId(ws: Workspace, financialYear: string, directorateId: string): string {
  const prefix = `${financialYear}-${directorateId}-`;
  const ids = ws.db.prepare('SELECT id FROM savings_lines WHERE id LIKE ?').pluck().all(`${prefix}%`) as string[];
  const n = ids.reduce((max, id) => Math.max(max, Number(id.slice(prefix.length)) || 0), 0) + 1;
  return `${prefix}${n}`;
}

/** The tracker's reported figures of a month (a published or imported RAG, variance, totals), by tracker. */
export function reportedFigures(ws: Workspace, period: string, tableId: string): ReportedFigure[] {
  return (
    ws.db
      .prepare(`SELECT row_key, column_key, value_num, value_text FROM reported_values WHERE period = ? AND area = '${SAVINGS_AREA_ID}' AND table_id = ? ORDER BY row_key, column_key`)
      .all(period, tableId) as { row_key: string; column_key: string; value_num: number | null; value_text: string | null }[]
  ).map((r) => ({ rowKey: r.row_key, column: r.column_key, value: r.value_num, text: r.value_text }));
}

/** Months holding a quarter's frozen tracker, oldest first. */
export function snapshotPeriods(ws: Workspace): string[] {
  return ws.db.prepare('SELECT DISTINCT period FROM savings_snapshots ORDER BY period').pluck().all() as string[];
}

export function snapshotLines(ws: Workspace, period: string): SavingLine[] {
  return (ws.db.prepare('SELECT *, line_id AS id FROM savings_snapshots WHERE period = ? ORDER BY directorate_id, seq').all(period) as LineRow[]).map(toLine);
}

export function snapshotQuarter(ws: Workspace, period: string): string | null {
  return (ws.db.prepare('SELECT quarter FROM savings_snapshots WHERE period = ? LIMIT 1').pluck().get(period) as string | undefined) ?? null;
}

/** Copies the year's register as the quarter's tracker. Call inside the close transaction. */
export function takeSnapshot(ws: Workspace, period: string, quarter: string, financialYear: string): number {
  return ws.db
    .prepare(
      `INSERT INTO savings_snapshots (period, line_id, quarter, financial_year, directorate_id, seq, bp_ref, title, owner, original_saving, forecast_saving, commentary, rag_override, rag_override_reason, rag_override_by, rag_override_at, carried_from)
       SELECT ?, id, ?, financial_year, directorate_id, seq, bp_ref, title, owner, original_saving, forecast_saving, commentary, rag_override, rag_override_reason, rag_override_by, rag_override_at, carried_from
       FROM savings_lines WHERE financial_year = ?`,
    )
    .run(period, quarter, financialYear).changes;
}

export function dropSnapshot(ws: Workspace, period: string): void {
  ws.db.prepare('DELETE FROM savings_snapshots WHERE period = ?').run(period);
}
