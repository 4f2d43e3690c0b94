import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { createHandlers, type Handlers } from '../../main/api/handlers';
import { startHttpBridge, type HttpBridge } from '../../main/transports/http';
import { tempDemo } from '../helpers/workspace';

/** Raw HTTP so the test controls every header (fetch would set Host and Origin itself). */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

let env: ReturnType<typeof tempDemo>;
let bridge: HttpBridge;
let staticDir: string;
let handlers: Handlers;
const api = (method: string, body: unknown, extra: Record<string, string> = {}) =>
  request(bridge.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', 'x-outturn-token': bridge.token, ...extra },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  env = tempDemo();
  staticDir = path.join(env.dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><p>app</p>');
  handlers = createHandlers(env.open());
  bridge = await startHttpBridge({ handlers, staticDir });
});
afterAll(async () => {
  await bridge.close();
  env.done();
});

describe('loopback HTTP bridge', () => {
  it('listens on 127.0.0.1 only and hands the token over in the URL fragment', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/#token=[\\w-]{32}$`));
  });

  it('serves every contract method with the token', async () => {
    for (const method of Object.keys(contract)) expect(typeof handlers[method as keyof Handlers]).toBe('function');
    const res = await api('kad.table', { period: '2023-08', serviceId: 'learning-disability-partnership' });
    expect(res.status).toBe(200);
    const envelope = JSON.parse(res.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.value.lines.find((l: { key: string }) => l.key === 'residential').expectedPackages).toBe(24500);
  });

  it('refuses calls without the token, with a wrong token, from another origin, with another host, or as a form post', async () => {
    expect((await api('app.info', {}, { 'x-outturn-token': 'wrong' })).status).toBe(401);
    expect((await request(bridge.port, { method: 'POST', path: '/api/app.info', headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await api('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { host: `attacker.example:${bridge.port}` })).status).toBe(421);
    expect((await api('app.info', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await request(bridge.port, { method: 'GET', path: '/api/app.info', headers: { host: `127.0.0.1:${bridge.port}` } })).status).toBe(405);
  });

  it('validates input with the contract before any handler runs, in plain English', async () => {
    const res = JSON.parse((await api('kad.setCell', { period: 'August', serviceId: 'autism', lineKey: 'residential', field: 'currentPackages', value: 1.5 })).body);
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.message).toMatch(/period: a month is written YYYY-MM/);
    const unknown = JSON.parse((await api('kad.delete', {})).body);
    expect(unknown.error).toMatchObject({ code: 'not_found' });
  });

  it('serves the renderer with a strict CSP carrying a fresh nonce, and nothing outside its folder', async () => {
    const a = await request(bridge.port, { path: '/', headers: { host: `127.0.0.1:${bridge.port}` } });
    const b = await request(bridge.port, { path: '/', headers: { host: `localhost:${bridge.port}` } });
    const nonceA = /nonce-([^']+)'/.exec(String(a.headers['content-security-policy']))![1];
    expect(a.body).toContain(`content="${nonceA}"`);
    expect(b.headers['content-security-policy']).not.toContain(nonceA);
    expect(a.headers['content-security-policy']).toContain("default-src 'self'");
    expect(a.headers['content-security-policy']).not.toContain('unsafe-inline');
    const escape = await request(bridge.port, { path: '/..%2f..%2fworkspace.db', headers: { host: `127.0.0.1:${bridge.port}` } });
    expect([403, 404]).toContain(escape.status);
    expect(escape.body).not.toContain('SQLite');
  });

  it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
    const bad = await request(bridge.port, { method: 'POST', path: '/api/%E0%A4%A', headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', 'x-outturn-token': bridge.token }, body: '{}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('That address is not valid.');
    expect((await request(bridge.port, { path: '/%E0%A4%A', headers: { host: `127.0.0.1:${bridge.port}` } })).status).toBe(400);
    expect((await api('app.info', {})).status).toBe(200);
  });

  it('stays up under random paths, headers and bodies (bounded fuzz)', async () => {
    const rawCall = (bytes: Buffer) =>
      new Promise<void>((resolve) => {
        const socket = net.connect(bridge.port, '127.0.0.1', () => socket.end(bytes));
        socket.on('data', () => undefined);
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.setTimeout(2000, () => socket.destroy());
      });
    const pathArb = fc.oneof(
      fc.string({ maxLength: 40 }).map((t) => `/api/${encodeURIComponent(t)}`),
      fc.stringMatching(/^[%A-Za-z0-9./_-]{0,40}$/).map((t) => `/${t}`),
      fc.constantFrom('/api/%', '/api/%E0%A4%A', '/api/%ZZ', '/api/app.info?%', '/%C0%AF', '/api/../../etc/passwd', '/api/__proto__', '/api/constructor'),
    );
    const headerArb = fc.record({
      token: fc.constantFrom(bridge.token, 'wrong', ''),
      type: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''),
      host: fc.constantFrom(`127.0.0.1:${bridge.port}`, `localhost:${bridge.port}`, 'evil.example', ''),
      length: fc.option(fc.integer({ min: 0, max: 1e9 })),
    });
    const bodyArb = fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a).toString('latin1')));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('POST', 'GET', 'PUT', 'HEAD', 'OPTIONS'), pathArb, headerArb, bodyArb, async (method, p, h, body) => {
        const head = [`${method} ${p} HTTP/1.1`, h.host && `Host: ${h.host}`, h.token && `X-Outturn-Token: ${h.token}`, h.type && `Content-Type: ${h.type}`, `Content-Length: ${h.length ?? Buffer.byteLength(body, 'latin1')}`, 'Connection: close', '', ''].filter((x) => x !== '').join('\r\n');
        await rawCall(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.from(body, 'latin1')]));
      }),
      { numRuns: 300, seed: 20261130 },
    );
    const after = await api('kad.table', { period: '2023-08', serviceId: 'learning-disability-partnership' });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body).ok).toBe(true);
  }, 120_000);
});
