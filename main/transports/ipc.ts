import type { Method } from '../../shared/api/contract';
import { everyMethodListed, IPC_CHANNEL_PREFIX, METHOD_NAMES } from '../../shared/api/methods';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { isAppUrl } from '../electron/origin';

/**
 * The Electron IPC transport: one `ipcMain.handle` channel per contract method, each going through the
 * same dispatch (zod validation, error envelope) as the HTTP bridge. ipcMain is taken structurally so this
 * runs in plain Node tests; Electron's own ipcMain satisfies these types.
 */
export interface IpcEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

// Fails here too (not only in methods.ts) when a contract method is missing from METHOD_NAMES.
const allMethods: true = everyMethodListed;

export function ipcChannel<K extends Method>(method: K): `${typeof IPC_CHANNEL_PREFIX}${K}` {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}

export class ForeignSenderError extends Error {
  constructor(url: string | undefined) {
    super(`Outturn refused an API call from ${url ?? 'a closed frame'}: only its own window may call it.`);
    this.name = 'ForeignSenderError';
  }
}

/** Registers every contract method; returns a function that removes them (to swap workspaces). */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, log?: (err: unknown) => void): () => void {
  void allMethods;
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input) => {
      // A page that got into a frame by some other route must not reach the workspace.
      if (!isAppUrl(event.senderFrame?.url)) throw new ForeignSenderError(event.senderFrame?.url);
      return dispatch(handlers, name, input, { channel: 'grid' }, log);
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
