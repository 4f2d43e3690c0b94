import path from 'node:path';
import type { CustomScheme } from 'electron';
import { staticFile, type StaticFile } from '../transports/static';
import { APP_SCHEME, isAppUrl } from './origin';

/**
 * The app:// scheme. standard + secure give the renderer a real, secure origin (relative URLs, module
 * scripts, storage); supportFetchAPI lets it fetch its own files. corsEnabled is deliberately left off:
 * it would let other origins read app:// responses.
 */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Serves dist/renderer through the same staticFile() as the HTTP bridge, so the same CSP and nonce apply. */
export function appResponse(rendererDir: string, requestUrl: string, method = 'GET'): StaticFile {
  if (!isAppUrl(requestUrl)) return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('Not found') };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('Method not allowed') };
  return staticFile(rendererDir, new URL(requestUrl).pathname);
}

/**
 * The workspace to open: the first plain argument after the app (a path, relative to where Outturn was
 * started), else null for the demo. Electron run from a checkout (defaultApp) has the app folder as argv[1];
 * Chromium switches (--foo) are skipped.
 */
export function workspaceArgument(argv: readonly string[], defaultApp: boolean, cwd: string = process.cwd()): string | null {
  const arg = argv.slice(defaultApp ? 2 : 1).find((a) => !a.startsWith('-'));
  return arg ? path.resolve(cwd, arg) : null;
}
