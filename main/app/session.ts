import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { seedDemo } from '../demo/seed';
import { ImportJobs, type ImportService } from '../import/jobs';
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

/** How a session runs its imports: where it is called (the default), or in a worker thread (the app's host). */
export type ImportsFactory<J extends ImportService> = (workspace: () => Workspace) => J;

/** The workspace an app window (or a CLI run) is working on; "Reset demo" swaps it for a fresh one. */
export class AppSession<J extends ImportService = ImportJobs> {
  private current: Workspace;
  readonly imports: J;
  private uploadStore: Uploads | null = null;

  constructor(
    readonly file: string,
    private readonly opts: OpenOptions = {},
    imports?: ImportsFactory<J>,
  ) {
    this.current = Workspace.open(file, opts);
    this.imports = imports ? imports(() => this.current) : (new ImportJobs(() => this.current) as unknown as J);
    this.guard();
  }

  /** While an import is applied elsewhere (a worker thread), this connection's writes are refused at once. */
  private guard(): void {
    this.current.writesBusy = () => this.imports.busyReason();
  }

  private assertIdle(): void {
    const busy = this.imports.busyReason();
    if (busy) throw new UserError('busy', busy);
  }

  /** Created on first use so a CLI run never makes a temp folder it does not need. */
  get uploads(): Uploads {
    this.uploadStore ??= new Uploads();
    return this.uploadStore;
  }

  /** Puts a backup back in place of the workspace (see restore.ts); `reason` when it would reopen a closed month. */
  async restoreBackup(name: string, reason?: string): Promise<void> {
    this.assertIdle();
    // The import thread lets go of the file before it is replaced; imports started afterwards open the restored one.
    await this.imports.close();
    try {
      this.current = await restoreBackup(this.current, this.file, name, reason, this.opts);
    } finally {
      // A restore that failed after closing the workspace leaves the file as it was: open it again.
      if (!this.current.db.open) this.current = Workspace.open(this.file, this.opts);
      this.guard();
    }
  }

  get ws(): Workspace {
    return this.current;
  }

  get isDemo(): boolean {
    return getSetting(this.current, 'workspace.kind') === 'demo';
  }

  async resetDemo(): Promise<void> {
    if (!this.isDemo) throw new UserError('not_demo', 'Only the demo workspace can be reset; this workspace holds your own data.');
    if (this.current.readOnly) throw new UserError('read_only', this.current.readOnlyReason ?? 'This workspace is read-only.');
    this.assertIdle();
    await this.imports.close();
    this.current.close();
    initWorkspace(this.file, { demo: true, force: true, ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}) });
    this.current = Workspace.open(this.file, this.opts);
    this.guard();
    this.current.write({ channel: 'seed', label: 'Reset the demo to the published figures' }, () => recordEvent(this.current, 'reset', { by: this.current.identity.osUser }));
  }

  close(): void {
    void this.imports.close();
    this.current.close();
    this.uploadStore?.dispose();
  }

  /** Closes, once the imports have let go of the workspace. */
  async shutdown(): Promise<void> {
    await this.imports.close();
    this.close();
  }
}
