import type { Envelope, Input, Method, Output } from '../../shared/api/contract';
import { UserError } from '../../shared/api/errors';
import type { CallContext } from '../api/handlers';
import type { Dispatcher } from '../api/dispatch';
import type { FromHost, HostOpen, ToHost } from './protocol';

/**
 * The launcher's side of the host: calls go out by id and come back as envelopes. Used over a worker
 * thread (thread.ts) and over an Electron utility process (main/electron/host-process.ts) alike.
 */
export interface HostLink {
  post(message: ToHost): void;
  listen(listener: (message: FromHost) => void): void;
  /** Told when the other side has gone (it exited, crashed or was stopped). */
  onExit(listener: (code: number | null) => void): void;
  /** Stops the other side at once. */
  terminate(): void | Promise<unknown>;
}

export interface HostClient {
  /** The API, answered by the host: what the transports serve. */
  dispatch: Dispatcher;
  /** A typed call, for the launcher's own needs (the menu, the print dialog); throws the user's error. */
  call<K extends Method>(method: K, input: Input<K>, ctx?: CallContext): Promise<Output<K>>;
  /** Asks the host to close the workspace (releasing its lock), then stops it. */
  close(): Promise<void>;
}

const GONE = 'Outturn’s workspace process stopped unexpectedly. Nothing more was saved; please restart Outturn.';

/** Opens the workspace in the host at the other end of `link`; rejects with the host's reason when it cannot. */
export function connectHost(link: HostLink, open: HostOpen): Promise<HostClient> {
  let next = 1;
  let gone = false;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let opened: { resolve: () => void; reject: (err: Error) => void } | null = null;
  let closed: (() => void) | null = null;
  link.listen((m) => {
    if (m.type === 'result') {
      pending.get(m.id)?.(m.envelope);
      pending.delete(m.id);
    } else if (m.type === 'opened') opened?.resolve();
    else if (m.type === 'failed') {
      const { code, message } = m.failure;
      opened?.reject(code === 'internal' ? new Error(message) : new UserError(code, message));
    } else if (m.type === 'closed') closed?.();
  });
  link.onExit(() => {
    gone = true;
    opened?.reject(new Error(GONE));
    closed?.();
    for (const answer of pending.values()) answer({ ok: false, error: { code: 'internal', message: GONE } });
    pending.clear();
  });
  const dispatch: Dispatcher = (method, input, ctx) => {
    if (gone) return Promise.resolve({ ok: false, error: { code: 'internal', message: GONE } });
    const id = next++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      link.post({ type: 'call', id, method, input, channel: ctx.channel });
    });
  };
  const client: HostClient = {
    dispatch,
    async call(method, input, ctx = { channel: 'grid' }) {
      const envelope = await dispatch(method, input, ctx);
      if (!envelope.ok) throw envelope.error.code === 'internal' ? new Error(envelope.error.message) : new UserError(envelope.error.code, envelope.error.message, envelope.error.details);
      return envelope.value as Output<typeof method>;
    },
    async close() {
      if (!gone) {
        await new Promise<void>((resolve) => {
          closed = resolve;
          link.post({ type: 'close' });
        });
      }
      await link.terminate();
    },
  };
  return new Promise((resolve, reject) => {
    opened = {
      resolve: () => {
        opened = null;
        resolve(client);
      },
      reject: (err) => {
        opened = null;
        void link.terminate();
        reject(err);
      },
    };
    link.post({ type: 'open', open });
  });
}
