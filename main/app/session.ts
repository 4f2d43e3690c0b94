import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { seedDemo } from '../demo/seed';
import { ImportJobs } from '../import/jobs';
import { Uploads } from '../import/uploads';
import { restoreBackup } from './restore';
import { recordEvent } from '../store/events';
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

  /** Puts a backup back in place of the workspace (see restore.ts); `reason` when it would reopen a closed month. */
  async restoreBackup(name: string, reason?: string): Promise<void> {
    try {
      this.current = await restoreBackup(this.current, this.file, name, reason, this.opts);
    } finally {
      // A restore that failed after closing the workspace leaves the file as it was: open it again.
      if (!this.current.db.open) this.current = Workspace.open(this.file, this.opts);
    }
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
    this.current.write({ channel: 'seed', label: 'Reset the demo to the published figures' }, () => recordEvent(this.current, 'reset', { by: this.current.identity.osUser }));
  }

  close(): void {
    this.current.close();
    this.uploadStore?.dispose();
  }
}
