import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import { backupWorkspace, listBackups, sha256Of, verifyBackup, type BackupInfo } from '../store/backup';
import { recordEvent } from '../store/events';
import { Workspace, type OpenOptions } from '../store/workspace';

/**
 * Putting a backup back, safely: the backup is checked before anything is replaced; the current state
 * is backed up first; the backup is copied beside the workspace under a temporary name, checked again
 * and renamed over it, after the old `-wal` and `-shm` files are removed so SQLite cannot replay them
 * onto the restored file. The restored workspace records the restore, naming the backup it replaced
 * (which keeps the audit rows the restore discards) and its SHA-256.
 */
function when(b: BackupInfo): string {
  return b.createdAt.slice(0, 16).replace('T', ' ');
}

/** Months closed now that the backup holds open (or does not hold): restoring would reopen them. */
function monthsReopened(current: Workspace, backupFile: string): string[] {
  const closedNow = current.db.prepare(`SELECT id FROM periods WHERE status = 'closed' ORDER BY id`).pluck().all() as string[];
  if (!closedNow.length) return [];
  const db = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const closedThen = new Set(db.prepare(`SELECT id FROM periods WHERE status = 'closed'`).pluck().all() as string[]);
    return closedNow.filter((p) => !closedThen.has(p));
  } finally {
    db.close();
  }
}

export async function restoreBackup(current: Workspace, file: string, name: string, reason: string | undefined, opts: OpenOptions): Promise<Workspace> {
  const backup = listBackups(file).find((b) => b.name === name);
  if (!backup) throw new UserError('not_found', `There is no backup called ${name}.`);
  if (current.readOnly) throw new UserError('read_only', current.readOnlyReason ?? 'This workspace is read-only.');
  const damaged = verifyBackup(backup.file);
  if (damaged) throw new UserError('invalid_input', `The backup taken ${when(backup)} cannot be restored: ${damaged}. Your workspace was not changed.`);
  const reopened = monthsReopened(current, backup.file);
  if (reopened.length && !reason?.trim()) {
    const months = reopened.map(monthLabel).join(', ');
    throw new UserError('reason_required', `Restoring the backup taken ${when(backup)} would reopen ${months}, closed now. Give a reason to restore it anyway; the reason is recorded.`, { months: reopened });
  }

  const before = await backupWorkspace(current, `before restoring the backup taken ${when(backup)} UTC`);
  const beforeSha = sha256Of(before.file);
  const temp = `${file}.restore-${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.copyFileSync(backup.file, temp);
    const copied = verifyBackup(temp);
    if (copied) throw new UserError('invalid_input', `The backup taken ${when(backup)} could not be copied whole (${copied}). Your workspace was not changed.`);
    current.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }

  let restored: Workspace;
  try {
    restored = Workspace.open(file, opts);
  } catch (err) {
    // The file checked out but will not open here (a lock, a permission): put the state before back.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.copyFileSync(before.file, file);
    throw new UserError('invalid_input', `The backup taken ${when(backup)} could not be opened (${err instanceof Error ? err.message : String(err)}), so the workspace was put back as it was.`);
  }
  const label = `Restore the backup taken ${when(backup)} (${backup.reason})`;
  restored.write({ channel: 'restore', label }, () =>
    recordEvent(restored, 'restore', {
      backup: backup.name,
      backupSha256: sha256Of(backup.file),
      replacedWorkspaceBackup: before.name,
      replacedWorkspaceSha256: beforeSha,
      ...(reopened.length ? { reopened, reason: reason!.trim() } : {}),
    }),
  );
  return restored;
}
