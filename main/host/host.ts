import { UserError } from '../../shared/api/errors';
import { dispatch } from '../api/dispatch';
import { createHandlers, type Handlers } from '../api/handlers';
import { ensureDemoWorkspace } from '../app/paths';
import { AppSession } from '../app/session';
import type { ImportService } from '../import/jobs';
import { ThreadedImportJobs } from '../import/threaded';
import type { Workspace } from '../store/workspace';
import type { FromHost, HostOpen, OpenFailure, Port, ToHost } from './protocol';

/**
 * THE host: the workspace session, the handler table and dispatch, answering calls that arrive over a
 * message port. The same module runs in a worker thread (browser mode, main/host/thread-entry.ts) and
 * in an Electron utility process (the desktop app, main/host/utility-entry.ts), so neither the thread
 * serving HTTP nor Electron's main process ever runs database work. Imports go one step further: each
 * is read, previewed and applied in a worker thread of the host with its own connection to the
 * workspace, so the host goes on answering (other pages, other months) while a large file applies.
 */
export interface HostOptions {
  /** Imports in a worker thread of their own (the app); in the host's thread otherwise (tests). */
  importThread?: boolean;
}

function failure(err: unknown): OpenFailure {
  if (err instanceof UserError) return { code: err.code, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

export function serveHost(port: Port<ToHost, FromHost>, done: () => void, opts: HostOptions = { importThread: true }): void {
  let session: AppSession<ImportService> | null = null;
  let handlers: Handlers | null = null;
  const open = (o: HostOpen) => {
    const binding = o.nativeBinding ? { nativeBinding: o.nativeBinding } : {};
    if (o.demoIfMissing) ensureDemoWorkspace(o.file, binding);
    const imports = opts.importThread ? (ws: () => Workspace) => new ThreadedImportJobs(ws, binding) : undefined;
    session = new AppSession<ImportService>(o.file, binding, imports);
    handlers = createHandlers(session);
  };
  port.listen((m) => {
    switch (m.type) {
      case 'open':
        try {
          if (session) throw new Error('this host has a workspace open already');
          open(m.open);
          port.post({ type: 'opened' });
        } catch (err) {
          port.post({ type: 'failed', failure: failure(err) });
        }
        return;
      case 'call': {
        if (!handlers) {
          port.post({ type: 'result', id: m.id, envelope: { ok: false, error: { code: 'not_found', message: 'No workspace is open.' } } });
          return;
        }
        void dispatch(handlers, m.method, m.input, { channel: m.channel }).then((envelope) => port.post({ type: 'result', id: m.id, envelope }));
        return;
      }
      case 'close':
        void (async () => {
          try {
            await session?.shutdown();
          } finally {
            session = null;
            handlers = null;
            port.post({ type: 'closed' });
            done();
          }
        })();
        return;
    }
  });
}
