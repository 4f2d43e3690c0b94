import { parentPort } from 'node:worker_threads';
import type { ToHost } from './protocol';
import { serveHost } from './host';

/** The host in a worker thread (browser mode): started by thread.ts. */
if (!parentPort) throw new Error('thread-entry runs as a worker thread');
const port = parentPort;
serveHost(
  { post: (m) => port.postMessage(m), listen: (l) => port.on('message', (m: ToHost) => l(m)) },
  () => port.close(),
);
