import { parentPort } from 'node:worker_threads';
import { UserError } from '../../shared/api/errors';
import { Workspace } from '../store/workspace';
import type { FromJobs, JobError, ToJobs } from './job-protocol';
import { ImportJobs } from './jobs';

/**
 * The import thread: ImportJobs on a connection of its own to the workspace the host has open (and
 * holds the lock of). Reading, previewing and the apply's one transaction run here; the host keeps
 * each job's latest status, posted on every change (at most every STATUS_MS while rows are read).
 */
const STATUS_MS = 100;
if (!parentPort) throw new Error('job-thread runs as a worker thread');
const port = parentPort;
const post = (m: FromJobs) => port.postMessage(m);

let ws: Workspace | null = null;
let jobs: ImportJobs | null = null;
const posted = new Map<string, number>();

function changed(id: string): void {
  if (!jobs) return;
  const status = jobs.status(id);
  const now = Date.now();
  if (status.state === 'reading' && now - (posted.get(id) ?? 0) < STATUS_MS) return;
  posted.set(id, now);
  post({ type: 'status', status });
}

function wireError(err: unknown): JobError {
  if (err instanceof UserError) return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  return { code: 'internal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

async function run(op: 'start' | 'lines' | 'cancel' | 'apply', args: unknown[]): Promise<unknown> {
  if (!jobs) throw new Error('the import thread has no workspace open');
  switch (op) {
    case 'start': {
      const id = await jobs.start(...(args as Parameters<ImportJobs['start']>));
      return { id, status: jobs.status(id) };
    }
    case 'lines':
      return jobs.lines(...(args as Parameters<ImportJobs['lines']>));
    case 'cancel':
      return jobs.cancel(...(args as Parameters<ImportJobs['cancel']>));
    case 'apply':
      return jobs.apply(...(args as Parameters<ImportJobs['apply']>));
  }
}

port.on('message', (m: ToJobs) => {
  switch (m.type) {
    case 'open':
      ws = Workspace.open(m.file, { ...(m.readOnly ? { readOnly: true } : { lockHeldByProcess: true }), ...(m.nativeBinding ? { nativeBinding: m.nativeBinding } : {}) });
      jobs = new ImportJobs(() => ws!, undefined, changed);
      post({ type: 'opened' });
      return;
    case 'request':
      run(m.op, m.args).then(
        (value) => post({ type: 'reply', id: m.id, ok: true, value }),
        (err: unknown) => post({ type: 'reply', id: m.id, ok: false, error: wireError(err) }),
      );
      return;
    case 'close':
      jobs?.close();
      ws?.close();
      jobs = null;
      ws = null;
      post({ type: 'closed' });
      port.close();
      return;
  }
});
