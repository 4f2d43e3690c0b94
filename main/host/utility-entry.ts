import type { ToHost } from './protocol';
import { serveHost } from './host';

/**
 * The host in an Electron utility process (the desktop app), started by main/electron/host-process.ts.
 * Electron gives a utility process `process.parentPort`; the rest is plain Node, like the worker thread.
 */
interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!port) throw new Error('utility-entry runs in an Electron utility process');
serveHost(
  { post: (m) => port.postMessage(m), listen: (l) => port.on('message', (e) => l(e.data as ToHost)) },
  () => setImmediate(() => process.exit(0)),
);
