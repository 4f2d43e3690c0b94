import type { Workspace } from './workspace';

/**
 * The settings frozen with a closed month (main/core/close.ts writes them), by key; empty for an open
 * month. Areas read their settings for a closed month from here, so a setting changed afterwards moves
 * nothing in it.
 */
export function frozenSettings(ws: Workspace, period: string): Map<string, string> {
  const rows = ws.db.prepare('SELECT key, value FROM period_settings WHERE period = ?').all(period) as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}
