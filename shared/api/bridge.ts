import type { Envelope, Input, Method, Output } from './contract';

/** What the Electron preload exposes as `window.outturn`: one function per contract method. */
export type OutturnBridge = { [K in Method]: (input: Input<K>) => Promise<Envelope<Output<K>>> };
