import { Worker } from 'node:worker_threads';
import { UserError } from '../../shared/api/errors';
import { compiledEntry } from '../host/entry';
import type { Channel, Workspace } from '../store/workspace';
import type { ApplyResult } from './apply';
import type { FromJobs, ToJobs } from './job-protocol';
import type { ImportJobStatus, ImportService, StartOptions } from './jobs';
import type { PreviewLine } from './preview';

/**
 * The host's imports, done in a worker thread (job-thread.ts) with its own connection to the workspace:
 * reading and staging a large file, its preview and the apply's one transaction never hold up the
 * host, which goes on answering other calls from its own connection (SQLite's WAL lets it read while
 * the import writes). Each job's latest status is kept here as the thread posts it, so the progress
 * bar is answered at once. While an import is applied, writes through the host's connection are
 * refused with a plain message (busyReason) instead of waiting on the import's write lock.
 */
const GONE = 'The import stopped unexpectedly and nothing was changed; start it again.';

export class ThreadedImportJobs implements ImportService {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private next = 1;
  private readonly replies = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly statuses = new Map<string, { status: ImportJobStatus; at: number }>();
  private readonly settledWaiters = new Map<string, (() => void)[]>();
  private applying: string | null = null;

  constructor(
    private readonly workspace: () => Workspace,
    private readonly opts: { nativeBinding?: string; entry?: string } = {},
  ) {}

  private thread(): Promise<Worker> {
    this.ready ??= new Promise<Worker>((resolve, reject) => {
      const ws = this.workspace();
      const worker = new Worker(this.opts.entry ?? compiledEntry(__dirname, 'job-thread'));
      this.worker = worker;
      worker.on('message', (m: FromJobs) => {
        if (m.type === 'opened') resolve(worker);
        else if (m.type === 'status') this.keep(m.status);
        else if (m.type === 'reply') {
          const waiting = this.replies.get(m.id);
          this.replies.delete(m.id);
          if (m.ok) waiting?.resolve(m.value);
          else waiting?.reject(m.error.code === 'internal' ? new Error(m.error.message) : new UserError(m.error.code, m.error.message, m.error.details));
        }
      });
      worker.on('error', (err) => reject(err));
      worker.on('exit', () => {
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
        for (const w of this.replies.values()) w.reject(new UserError('invalid_input', GONE));
        this.replies.clear();
        for (const { status } of [...this.statuses.values()]) if (status.state === 'reading') this.keep({ ...status, state: 'failed', message: GONE });
        reject(new Error(GONE));
      });
      const open: ToJobs = { type: 'open', file: ws.file, readOnly: ws.readOnly, ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}) };
      worker.postMessage(open);
    });
    return this.ready;
  }

  private async request<T>(op: 'start' | 'lines' | 'cancel' | 'apply', args: unknown[]): Promise<T> {
    const worker = await this.thread();
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.replies.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const m: ToJobs = { type: 'request', id, op, args };
      worker.postMessage(m);
    });
  }

  private keep(status: ImportJobStatus): void {
    this.statuses.set(status.jobId, { status, at: Date.now() });
    if (status.state !== 'reading') {
      for (const done of this.settledWaiters.get(status.jobId) ?? []) done();
      this.settledWaiters.delete(status.jobId);
    }
  }

  async start(file: string, opts: StartOptions = {}): Promise<string> {
    const { id, status } = await this.request<{ id: string; status: ImportJobStatus }>('start', [file, opts]);
    if (!this.statuses.has(id)) this.keep(status);
    return id;
  }

  status(id: string): ImportJobStatus {
    const kept = this.statuses.get(id);
    if (!kept) throw new UserError('not_found', 'That import is no longer available; start it again.');
    const { status, at } = kept;
    // Time goes on between two posts while rows are read.
    return status.state === 'reading' ? { ...status, elapsedMs: status.elapsedMs + (Date.now() - at) } : status;
  }

  async settled(id: string): Promise<ImportJobStatus> {
    if (this.status(id).state === 'reading') await new Promise<void>((resolve) => this.settledWaiters.set(id, [...(this.settledWaiters.get(id) ?? []), resolve]));
    return this.status(id);
  }

  lines(id: string, tableId: string, status: PreviewLine['status'] | 'all', offset: number, limit: number): Promise<PreviewLine[]> {
    return this.request('lines', [id, tableId, status, offset, limit]);
  }

  async cancel(id: string): Promise<ImportJobStatus> {
    const status = await this.request<ImportJobStatus>('cancel', [id]);
    this.keep(status);
    return status;
  }

  async apply(id: string, channel: Channel = 'import'): Promise<ImportJobStatus & { result: ApplyResult }> {
    const fileName = this.status(id).fileName;
    this.applying = `${fileName} is being imported: nothing else can be saved until it is done. Try again in a moment.`;
    try {
      const applied = await this.request<ImportJobStatus & { result: ApplyResult }>('apply', [id, channel]);
      this.keep(applied);
      return applied;
    } finally {
      this.applying = null;
    }
  }

  busyReason(): string | null {
    return this.applying;
  }

  /** Ends the thread (its jobs with it) after it has closed its connection. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    this.statuses.clear();
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      const close: ToJobs = { type: 'close' };
      worker.postMessage(close);
    });
  }
}
