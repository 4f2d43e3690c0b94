import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Serving the built renderer, shared by the HTTP bridge and Electron's app:// protocol so both send the
 * same strict Content-Security-Policy. AG Grid injects <style> elements; they carry the per-load nonce
 * (renderer reads it from <meta name="csp-nonce"> and passes it as AG Grid's styleNonce).
 */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

export function newNonce(): string {
  return crypto.randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Resolves a URL path inside the renderer folder (never outside it) and renders index.html with a nonce. */
export function staticFile(rootDir: string, urlPath: string): StaticFile {
  const root = path.resolve(rootDir);
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('Bad request') };
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('Forbidden') };
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('Not found') };
  const ext = path.extname(file).toLowerCase();
  const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', ...SECURITY_HEADERS };
  if (ext === '.html') {
    const nonce = newNonce();
    headers['Content-Security-Policy'] = contentSecurityPolicy(nonce);
    headers['Cache-Control'] = 'no-store';
    return { status: 200, headers, body: Buffer.from(fs.readFileSync(file, 'utf8').split(NONCE_PLACEHOLDER).join(nonce)) };
  }
  headers['Cache-Control'] = 'no-cache';
  return { status: 200, headers, body: fs.readFileSync(file) };
}

export function rendererDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'dist', 'renderer');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.basename(dir) === 'dist' && fs.existsSync(path.join(dir, 'renderer', 'index.html'))) return path.join(dir, 'renderer');
    dir = path.dirname(dir);
  }
  throw new Error('The app has not been built: run `npm run build` first.');
}
