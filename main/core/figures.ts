import crypto from 'node:crypto';
import { serialiseFigures, type FigureCell } from '../../shared/monthend';
import { ownedTables } from '../store/schema';
import type { Workspace } from '../store/workspace';

/**
 * What a reviewer signs off: every figure of the month, of every area, and every reported value, as one
 * SHA-256. Generated from the table registry: every registered table naming a period (except the
 * bookkeeping marked `figures: false`), its rows of that month, every registered column. The
 * serialisation is fixed and documented in shared/monthend.ts, so anyone can recompute it from the file.
 */
export function figureCells(ws: Workspace, period: string): FigureCell[] {
  const cells: FigureCell[] = [];
  for (const { owner, spec } of ownedTables()) {
    if (!spec.period || spec.figures === false) continue;
    const columns = spec.columns.map((c) => c.name);
    const rows = ws.db.prepare(`SELECT ${[...spec.key, ...columns].join(', ')} FROM ${spec.name} WHERE ${spec.period} = ?`).raw().all(period) as (number | string | null)[][];
    for (const row of rows) {
      const key = row.slice(0, spec.key.length).map(String).join('|');
      columns.forEach((field, i) => cells.push({ area: owner, table: spec.name, key, field, value: row[spec.key.length + i] ?? null }));
    }
  }
  return cells;
}

export function figuresText(ws: Workspace, period: string): string {
  return serialiseFigures(period, figureCells(ws, period));
}

export function figuresSha256(ws: Workspace, period: string): string {
  return crypto.createHash('sha256').update(figuresText(ws, period), 'utf8').digest('hex');
}
