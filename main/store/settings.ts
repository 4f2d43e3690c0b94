import type { Workspace } from './workspace';

export function getSetting(ws: Workspace, key: string): string | null {
  const row = ws.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Call inside Workspace.write. */
export function setSetting(ws: Workspace, key: string, value: string): void {
  ws.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function getSettings(ws: Workspace, prefix: string): Record<string, string> {
  const rows = ws.db.prepare('SELECT key, value FROM settings WHERE key LIKE ?').all(`${prefix}%`) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key.slice(prefix.length), r.value]));
}
