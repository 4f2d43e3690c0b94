import type { Envelope } from '../../shared/api/contract';
import type { UserErrorCode } from '../../shared/api/errors';
import type { Channel } from '../store/workspace';

/**
 * The message boundary between a launcher (the HTTP bridge's thread, or Electron's main process) and
 * the host (session, handlers, dispatch) in its worker thread or utility process. Everything crossing
 * it is plain data: calls by method name with their input, answered with the same envelopes the
 * transports send, so uploads (base64 chunks) and the pack's bytes (base64) cross it unchanged.
 */
export interface HostOpen {
  file: string;
  /** better-sqlite3's build for the runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Create the demo workspace there first if there is no file yet (`npm start` on first run). */
  demoIfMissing?: boolean;
}

export type ToHost =
  | { type: 'open'; open: HostOpen }
  | { type: 'call'; id: number; method: string; input: unknown; channel: Channel }
  | { type: 'close' };

/** Why opening failed: a user's error keeps its code and message; anything else its message. */
export interface OpenFailure {
  code: UserErrorCode | 'internal';
  message: string;
}

export type FromHost =
  | { type: 'opened' }
  | { type: 'failed'; failure: OpenFailure }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'closed' };

/** One end of a message boundary: what each side posts, and how it hears the other. */
export interface Port<In, Out> {
  post(message: Out): void;
  listen(listener: (message: In) => void): void;
}
