import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { seedDemo } from '../demo/seed';
import { ImportJobs } from '../import/jobs';
import { Uploads } from '../import/uploads';
import { backupWorkspace, listBackups } from '../store/backup';
import { getSetting } from '../store/settings';
import { Workspace, type OpenOptions } from '../store/workspace';

/** Creates a workspace file; refuses to overwrite one unless `force`. */
export function initWorkspace(file: string, opts: { demo?: boolean; force?: boolean; nativeBinding?: string } = {}): void {
  const abs = path.resolve(file);
  if (fs.existsSync(abs)) {
    if (!opts.force) throw new UserError('invalid_input', `${abs} already exists. Use --force to replace it (its data will be lost).`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(abs + suffix, { force: true });
  }
  const ws = Workspace.open(abs, { create: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    if (opts.demo) seedDemo(ws);
  } catch (err) {
    ws.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(abs + suffix, { force: true });
    throw err;
  } finally {
    if (ws.db.open) ws.close();
  }
}

/** The workspace an app window (or a CLI run) is working on; "Reset demo" swaps it for a fresh one. */
export class AppSession {
  private current: Workspace;
  readonly imports = new ImportJobs(() => this.current);
  private uploadStore: Uploads | null = null;

  constructor(readonly file: string, private readonly opts: OpenOptions = {}) {
    this.current = Workspace.open(file, opts);
  }

  /** Created on first use so a CLI run never makes a temp folder it does not need. */
  get uploads(): Uploads {
    this.uploadStore ??= new Uploads();
    return this.uploadStore;
  }

  /**
   * Puts a backup back in place of the workspace, after backing up the current state, and records the
   * restore in the restored workspace's audit trail.
   */
  async restoreBackup(name: string): Promise<void> {
    const backup = listBackups(this.file).find((b) => b.name === name);
    if (!backup) throw new UserError('not_found', `There is no backup called ${name}.`);
    if (this.current.readOnly) throw new UserError('read_only', this.current.readOnlyReason ?? 'This workspace is read-only.');
    await backupWorkspace(this.current, `before restoring the backup taken ${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC`);
    this.current.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.file + suffix, { force: true });
    fs.copyFileSync(backup.file, this.file);
    this.current = Workspace.open(this.file, this.opts);
    this.current.write({ channel: 'restore', label: `Restore the backup taken ${backup.createdAt.slice(0, 16).replace('T', ' ')} (${backup.reason})` }, () => undefined);
  }

  get ws(): Workspace {
    return this.current;
  }

  get isDemo(): boolean {
    return getSetting(this.current, 'workspace.kind') === 'demo';
  }

  resetDemo(): void {
    if (!this.isDemo) throw new UserError('not_demo', 'Only the demo workspace can be reset; this workspace holds your own data.');
    if (this.current.readOnly) throw new UserError('read_only', this.current.readOnlyReason ?? 'This workspace is read-only.');
    this.current.close();
    initWorkspace(this.file, { demo: true, force: true, ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}) });
    this.current = Workspace.open(this.file, this.opts);
  }

  close(): void {
    this.current.close();
    this.uploadStore?.dispose();
  }
}
