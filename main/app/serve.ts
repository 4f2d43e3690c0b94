import path from 'node:path';
import type { AppInfo } from '../../shared/api/contract';
import type { HostClient } from '../host/client';
import { startHostThread } from '../host/thread';
import { startHttpBridge, type HttpBridge } from '../transports/http';
import { rendererDir } from '../transports/static';

export interface Served {
  file: string;
  /** The workspace as the host opened it (read-only reason, network-share warning…). */
  info: AppInfo;
  host: HostClient;
  bridge: HttpBridge;
  stop(): Promise<void>;
}

/**
 * Opens a workspace in the host (a worker thread: session, handlers, every database step) and serves
 * the app on loopback from this thread, which only forwards each call and sends back its envelope; used
 * by `npm start` (no Electron) and `outturn serve`.
 */
export async function serveWorkspace(file: string, opts: { port?: number; demoIfMissing?: boolean } = {}): Promise<Served> {
  const abs = path.resolve(file);
  const host = await startHostThread({ file: abs, ...(opts.demoIfMissing ? { demoIfMissing: true } : {}) });
  try {
    const info = await host.call('app.info', {});
    const bridge = await startHttpBridge({ dispatch: host.dispatch, staticDir: rendererDir(), ...(opts.port !== undefined ? { port: opts.port } : {}) });
    let stopped = false;
    return {
      file: abs,
      info,
      host,
      bridge,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await bridge.close();
        await host.close();
      },
    };
  } catch (err) {
    await host.close();
    throw err;
  }
}

/** Prints where the app is and keeps serving until Ctrl+C or a termination signal. */
export function printAndWait(served: Served, out: (line: string) => void): Promise<void> {
  const { info, bridge } = served;
  out(`Outturn is serving ${served.file}`);
  if (info.readOnlyReason) out(info.readOnlyReason);
  if (info.networkShareWarning) out(`Warning: ${info.networkShareWarning}`);
  out(`Open ${bridge.url} in a browser on this computer. Press Ctrl+C to stop.`);
  return new Promise((resolve) => {
    const stop = () => void served.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
