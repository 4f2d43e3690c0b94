import type { Envelope, Input, Method, Output } from './contract';

/** The one IPC channel: the method travels as data and the main process validates it like every input. */
export const IPC_CHANNEL = 'outturn:call';

/**
 * What the Electron preload exposes as `window.outturn`: one function, calling a contract method by name.
 * The main process accepts only the contract's methods, validates each input with its zod schema and
 * answers only its own window, so exposing one function gives the page nothing a per-method list would not.
 */
export interface OutturnBridge {
  call<K extends Method>(method: K, input: Input<K>): Promise<Envelope<Output<K>>>;
}
