import { Worker } from 'node:worker_threads';
import { connectHost, type HostClient } from './client';
import { compiledEntry } from './entry';
import type { FromHost, HostOpen } from './protocol';

/** Browser mode's launcher: the host in a worker thread of this process. */
export function startHostThread(open: HostOpen, entry: string = compiledEntry(__dirname, 'thread-entry')): Promise<HostClient> {
  const worker = new Worker(entry);
  return connectHost(
    {
      post: (m) => worker.postMessage(m),
      listen: (l) => worker.on('message', (m: FromHost) => l(m)),
      onExit: (l) => worker.on('exit', l),
      terminate: () => worker.terminate(),
    },
    open,
  );
}
