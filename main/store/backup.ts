import fs from 'node:fs';
import path from 'node:path';
import type { Workspace } from './workspace';

/**
 * Snapshots of a workspace, taken with SQLite's online backup before every import (and before a restore),
 * kept beside the workspace in `<name>.backups/`, newest KEEP only.
 */
export const KEEP_BACKUPS = 10;

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  reason: string;
  bytes: number;
}

export function backupDir(workspaceFile: string): string {
  return `${workspaceFile}.backups`;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

function slug(reason: string): string {
  return reason.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'backup';
}

export async function backupWorkspace(ws: Workspace, reason: string): Promise<BackupInfo> {
  const dir = backupDir(ws.file);
  fs.mkdirSync(dir, { recursive: true });
  const now = new Date();
  const name = `${stamp(now)}__${slug(reason)}.db`;
  const file = path.join(dir, name);
  await ws.db.backup(file);
  // The reason as written (file names can only carry a simplified form of it).
  fs.writeFileSync(`${file}.json`, JSON.stringify({ reason, createdAt: now.toISOString() }));
  rotate(dir);
  return { file, name, createdAt: now.toISOString(), reason, bytes: fs.statSync(file).size };
}

function rotate(dir: string): void {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.db')).sort();
  for (const old of files.slice(0, Math.max(0, files.length - KEEP_BACKUPS))) {
    fs.rmSync(path.join(dir, old), { force: true });
    fs.rmSync(path.join(dir, `${old}.json`), { force: true });
  }
}

export function listBackups(workspaceFile: string): BackupInfo[] {
  const dir = backupDir(workspaceFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.db'))
    .sort()
    .reverse()
    .map((name) => {
      const [when = '', why = ''] = name.replace(/\.db$/, '').split('__');
      const iso = when.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
      let reason = why.replace(/-/g, ' ');
      try {
        reason = (JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { reason?: string }).reason ?? reason;
      } catch {
        // a backup copied in by hand has no note: its file name says enough
      }
      return { file: path.join(dir, name), name, createdAt: iso, reason, bytes: fs.statSync(path.join(dir, name)).size };
    });
}
