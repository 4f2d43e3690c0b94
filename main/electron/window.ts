import type { BrowserWindowConstructorOptions } from 'electron';
import { isAppUrl } from './origin';

/**
 * How the app window is made and fenced in. Kept apart from main.ts (and typed structurally) so the
 * security settings are asserted by plain-Node unit tests.
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Outturn',
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: '#f3f2f1',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Keeps a window on app://outturn: no navigating or redirecting away, no pop-ups, no webviews. */
export function hardenContents(contents: WebContentsLike): void {
  const stayHome = (event: PreventableEvent, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The app has no links that need a browser; a page that tries window.open gets nothing.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string; webContentsId?: number }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Writing text to the clipboard lets a future copy-from-grid work; every other permission is refused. */
export function permissionAllowed(permission: string, origin: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(origin);
}

/**
 * Pages never need the network (the CSP already says so; this holds if a CSP is ever loosened). Requests
 * Electron makes itself, such as spell-check dictionaries on Linux, carry no webContentsId and pass.
 */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

export function cancelRequest(details: { webContentsId?: number }): boolean {
  return details.webContentsId !== undefined;
}

export function hardenSession(ses: SessionLike): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, origin) => permissionAllowed(permission, origin));
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (details, callback) => callback({ cancel: cancelRequest(details) }));
}
