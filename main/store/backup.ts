import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../shared/api/errors';
import { assertUpgradable, isOutturnSchema, latestVersion, schemaVersion } from './migrate';
import type { Workspace } from './workspace';

/**
 * Snapshots of a workspace, taken with SQLite's online backup before every import, before a restore and
 * when a month closes, kept beside the workspace in `<name>.backups/`. The newest KEEP_BACKUPS are kept,
 * plus every backup marked to keep (a closed month's). A backup is written under a temporary name and
 * renamed only once complete, so a crash mid-backup never leaves a half file that looks like a backup.
 */
export const KEEP_BACKUPS = 10;
const PARTIAL = '.partial';

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  reason: string;
  bytes: number;
  /** Exempt from rotation (a closed month's backup). */
  keep: boolean;
  /** Why the file cannot be restored (damaged, not an Outturn workspace, too new), or null. */
  damaged: string | null;
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

function noSpace(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

export const NO_SPACE_MESSAGE = 'There is not enough free disk space to back up the workspace first. Free some space on this drive and try again. Nothing was changed.';

export async function backupWorkspace(ws: Workspace, reason: string, opts: { keep?: boolean } = {}): Promise<BackupInfo> {
  const dir = backupDir(ws.file);
  const now = new Date();
  const name = `${stamp(now)}__${slug(reason)}.db`;
  const file = path.join(dir, name);
  const partial = `${file}${PARTIAL}`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    await ws.db.backup(partial);
    // The reason as written (file names can only carry a simplified form of it), before the rename.
    fs.writeFileSync(`${file}.json`, JSON.stringify({ reason, createdAt: now.toISOString(), keep: !!opts.keep }));
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${file}.json`, { force: true });
    if (noSpace(err)) throw new UserError('no_space', NO_SPACE_MESSAGE);
    throw err;
  }
  rotate(dir);
  return { file, name, createdAt: now.toISOString(), reason, bytes: fs.statSync(file).size, keep: !!opts.keep, damaged: null };
}

interface Note {
  reason?: string;
  keep?: boolean;
}

function noteOf(dir: string, name: string): Note {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Note;
  } catch {
    return {}; // a backup copied in by hand has no note: its file name says enough
  }
}

function rotate(dir: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.db') && !noteOf(dir, f).keep)
    .sort();
  for (const old of files.slice(0, Math.max(0, files.length - KEEP_BACKUPS))) {
    fs.rmSync(path.join(dir, old), { force: true });
    fs.rmSync(path.join(dir, `${old}.json`), { force: true });
  }
}

/**
 * Whether a file can be restored: it opens as a database, passes SQLite's integrity check (the quick
 * form when only listing), and is an Outturn workspace of a schema this version knows. Null when it
 * can be, else why not, in plain English.
 */
export function verifyBackup(file: string, thorough = true): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma(thorough ? 'integrity_check' : 'quick_check', { simple: true });
    if (check !== 'ok') return 'it is damaged (the database fails its integrity check)';
    if (!isOutturnSchema(db)) return 'it is not an Outturn workspace';
    if (schemaVersion(db) > latestVersion()) return 'it was saved by a newer version of Outturn';
    assertUpgradable(db);
    return null;
  } catch (err) {
    if (err instanceof UserError) return err.message.replace(/^This workspace/, 'it').replace(/\.$/, '');
    return 'it is damaged (it cannot be opened as a database)';
  } finally {
    db?.close();
  }
}

export function sha256Of(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
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
      const note = noteOf(dir, name);
      const file = path.join(dir, name);
      return { file, name, createdAt: iso, reason: note.reason ?? why.replace(/-/g, ' '), bytes: fs.statSync(file).size, keep: !!note.keep, damaged: verifyBackup(file, false) };
    });
}
