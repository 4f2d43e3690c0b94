import { IPC_CHANNEL } from '../../shared/api/bridge';
import { localDispatcher, type Dispatcher } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { isAppUrl } from '../electron/origin';

/**
 * The Electron IPC transport: one `ipcMain.handle` channel carrying (method, input), going through the
 * same dispatch (method lookup, zod validation, error envelope) as the HTTP bridge. ipcMain is taken
 * structurally so this runs in plain Node tests; Electron's own ipcMain satisfies these types.
 */
export interface IpcEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export class ForeignSenderError extends Error {
  constructor(url: string | undefined) {
    super(`Outturn refused an API call from ${url ?? 'a closed frame'}: only its own window may call it.`);
    this.name = 'ForeignSenderError';
  }
}

/**
 * Registers the API channel, answered by `api` (the host's utility process, in the app, or a handler
 * table in this process); returns a function that removes it (to swap workspaces).
 */
export function registerIpc(ipcMain: IpcMainLike, api: Handlers | Dispatcher, log?: (err: unknown) => void): () => void {
  const call = typeof api === 'function' ? api : localDispatcher(api, log);
  ipcMain.handle(IPC_CHANNEL, async (event, method, input) => {
    // A page that got into a frame by some other route must not reach the workspace.
    if (!isAppUrl(event.senderFrame?.url)) throw new ForeignSenderError(event.senderFrame?.url);
    return call(typeof method === 'string' ? method : '', input, { channel: 'grid' });
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
