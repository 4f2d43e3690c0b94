import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { localDispatcher, type Dispatcher } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { staticFile } from './static';

/**
 * The loopback HTTP bridge: the same API as Electron IPC, for a browser on this machine. It only
 * forwards each call (to the host in its worker thread, in the app) and sends back the envelope.
 * It listens on 127.0.0.1 only; every API call must carry the per-run secret token (handed over in the
 * URL fragment, which browsers never send to servers or put in Referer), JSON content type (so another
 * web page cannot post without a CORS preflight, which is never granted) and a loopback Host header
 * (against DNS rebinding).
 */
export const LOOPBACK = '127.0.0.1';
export const TOKEN_HEADER = 'x-outturn-token';
const MAX_BODY = 1024 * 1024;

export interface HttpBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, { ok: false, error: { code: 'forbidden', message } });
}

/** Serves `dispatch` (the host behind its boundary) or, in this thread, a handler table. */
export type BridgeApi = { dispatch: Dispatcher } | { handlers: Handlers };

export async function startHttpBridge(opts: BridgeApi & { staticDir: string; port?: number; token?: string }): Promise<HttpBridge> {
  const call = 'dispatch' in opts ? opts.dispatch : localDispatcher(opts.handlers);
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  let port = opts.port ?? 0;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const server = http.createServer((req, res) => {
    // A caller that hangs up mid-request must not take the server down with it.
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'Outturn only answers on this computer.');
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return refuse(res, 403, 'Requests from other sites are refused.');
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return refuse(res, 401, 'This request did not carry the session token. Open Outturn from the address it printed.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send JSON.');
      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          tooBig = true;
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (tooBig) return;
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'That request was not valid JSON.' } });
        }
        let method: string;
        try {
          method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
        } catch {
          return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'That address is not valid.' } });
        }
        void call(method, input, { channel: 'grid' }).then(
          (envelope) => send(res, 200, envelope),
          () => res.destroy(),
        );
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET.');
    const file = staticFile(opts.staticDir, url);
    res.writeHead(file.status, file.headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
