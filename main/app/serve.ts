import { createHandlers } from '../api/handlers';
import { startHttpBridge, type HttpBridge } from '../transports/http';
import { rendererDir } from '../transports/static';
import { AppSession } from './session';

export interface Served {
  session: AppSession;
  bridge: HttpBridge;
  stop(): Promise<void>;
}

/** Opens a workspace and serves the app on loopback; used by `npm start` (no Electron) and `outturn serve`. */
export async function serveWorkspace(file: string, opts: { port?: number } = {}): Promise<Served> {
  const session = new AppSession(file);
  try {
    const bridge = await startHttpBridge({ handlers: createHandlers(session), staticDir: rendererDir(), ...(opts.port !== undefined ? { port: opts.port } : {}) });
    let stopped = false;
    return {
      session,
      bridge,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await bridge.close();
        session.close();
      },
    };
  } catch (err) {
    session.close();
    throw err;
  }
}

/** Prints where the app is and keeps serving until Ctrl+C or a termination signal. */
export function printAndWait(served: Served, out: (line: string) => void): Promise<void> {
  const { session, bridge } = served;
  out(`Outturn is serving ${session.file}`);
  if (session.ws.readOnlyReason) out(session.ws.readOnlyReason);
  if (session.ws.networkWarning) out(`Warning: ${session.ws.networkWarning}`);
  out(`Open ${bridge.url} in a browser on this computer. Press Ctrl+C to stop.`);
  return new Promise((resolve) => {
    const stop = () => void served.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
