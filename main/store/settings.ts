import type { Workspace } from './workspace';

export function getSetting(ws: Workspace, key: string): string | null {
  const row = ws.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Call inside Workspace.write. */
export function setSetting(ws: Workspace, key: string, value: string): void {
  ws.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
