import type { Envelope, Input, Method, Output } from '../../../shared/api/contract';
import type { OutturnBridge } from '../../../shared/api/bridge';
import type { WireError } from '../../../shared/api/errors';
import { fragmentParam, fragmentWithout } from '../app/address';

/**
 * The renderer's one way to reach the main process. Under Electron the preload exposes `window.outturn`;
 * in a browser the same contract is served over loopback HTTP behind a per-run token. Nothing else in the
 * renderer knows which of the two it has.
 */
declare global {
  interface Window {
    outturn?: OutturnBridge;
  }
}

export type ApiErrorCode = WireError['code'] | 'transport';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'outturn.token';

/**
 * The browser URL arrives as `#token=SECRET` (and may name a page after it: `#token=…&area=backups`).
 * Keep the token for this tab (so a reload still works) and take it, and only it, out of the address
 * bar so it is not bookmarked, shared or left in screenshots; the rest says which page to open.
 */
export function captureToken(): void {
  const token = fragmentParam(window.location.hash, 'token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + fragmentWithout(window.location.hash, 'token'));
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
}

async function sendHttp<K extends Method>(method: K, input: Input<K>): Promise<Envelope<Output<K>>> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    throw new ApiError('transport', 'This page was opened without its access key. Open the address that "outturn serve" printed, including the part after #.');
  }
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Outturn-Token': token },
      body: JSON.stringify(input),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('transport', 'Outturn is not answering. It may have been closed: start it again and reopen the address it prints.');
  }
  try {
    return (await response.json()) as Envelope<Output<K>>;
  } catch {
    const why = response.status === 401 || response.status === 403 ? 'The access key of this page is no longer valid. Open the address that "outturn serve" printed.' : `Outturn answered with an unexpected reply (HTTP ${response.status}).`;
    throw new ApiError('transport', why);
  }
}

export async function send<K extends Method>(method: K, input: Input<K>): Promise<Output<K>> {
  const bridge = window.outturn;
  if (bridge) return unwrap(await bridge.call(method, input));
  return unwrap(await sendHttp(method, input));
}

let pendingWrites: Promise<unknown> = Promise.resolve();

/** Registers a save still on its way, so that undo and redo wait for it (Ctrl+Z straight after a paste undoes that paste). */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  pendingWrites = pendingWrites.then(() => write.catch(() => undefined));
  return write;
}

/** Resolves once every registered save has landed (or failed). */
export function writesSettled(): Promise<void> {
  return pendingWrites.then(() => undefined);
}

/** A message fit to show a finance officer, whatever was thrown. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong in this window. Nothing was saved. Reload the page and try again.';
}

/**
 * Resolves once the browser has drawn the next frame, so work that can wait (sending a save) does not
 * hold back the frame that shows an edit. A hidden page draws no frames: it resolves at once there, and
 * after at most 100 ms in any case.
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
