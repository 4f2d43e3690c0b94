import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchElectron, installedElectron, launchElectron, withoutRunAsNode, type DownloadArtifact } from '../../main/electron/launch';
import { menuTemplate } from '../../main/electron/menu';
import { electronBuildEnv, electronNativeBinding, electronNativeDir, electronNativeStatus, nativeBindingFor, nodeGypArgs } from '../../main/electron/native';
import { isAppUrl } from '../../main/electron/origin';
import { APP_SCHEME_DEFINITION, appResponse, workspaceArgument } from '../../main/electron/protocol';
import type * as StaticModule from '../../main/transports/static';
import { hardenContents, hardenSession, windowOptions, type SessionLike, type WebContentsLike } from '../../main/electron/window';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-electron-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('window options', () => {
  const options = windowOptions('/app/dist/preload/preload.js');
  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });
  it('is titled Outturn with a sensible size', () => {
    expect(options.title).toBe('Outturn');
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

function fakeContents() {
  const listeners: Record<string, (event: { preventDefault(): void }, url?: string) => void> = {};
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents: WebContentsLike = {
    on: ((event: string, listener: (e: { preventDefault(): void }, url?: string) => void) => {
      listeners[event] = listener;
    }) as WebContentsLike['on'],
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    listeners[event]?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenContents', () => {
  const { contents, fire, open } = fakeContents();
  hardenContents(contents);
  it('blocks navigation and redirects to any other origin', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
  });
  it('lets the app navigate within app://outturn (reload)', () => {
    expect(fire('will-navigate', 'app://outturn/index.html')).toBe(false);
  });
  it('denies window.open and webviews', () => {
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://outturn/index.html')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] = () => {};
  let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] = () => true;
  let beforeRequest: Parameters<SessionLike['webRequest']['onBeforeRequest']>[1] = () => {};
  hardenSession({
    setPermissionRequestHandler: (h) => (request = h),
    setPermissionCheckHandler: (h) => (check = h),
    webRequest: { onBeforeRequest: (_f, l) => (beforeRequest = l) },
  });
  const ask = (permission: string, requestingUrl: string) => {
    let granted: boolean | undefined;
    request(null, permission, (g) => (granted = g), { requestingUrl });
    return granted;
  };
  it('denies permission requests', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      expect(ask(p, 'app://outturn/index.html'), p).toBe(false);
      expect(check(null, p, 'app://outturn'), p).toBe(false);
    }
  });
  it('allows only writing text to the clipboard, and only for the app', () => {
    expect(ask('clipboard-sanitized-write', 'app://outturn/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
  });
  it('cancels network requests made by pages', () => {
    const cancel = (details: { url: string; webContentsId?: number }) => {
      let response: { cancel: boolean } | undefined;
      beforeRequest(details, (r) => (response = r));
      return response?.cancel;
    };
    expect(cancel({ url: 'https://example.com/x.js', webContentsId: 1 })).toBe(true);
    expect(cancel({ url: 'https://redirector.gvt1.com/dict' })).toBe(false);
  });
});

describe('app:// origin and protocol', () => {
  it('recognises only app://outturn', () => {
    expect(isAppUrl('app://outturn/index.html')).toBe(true);
    expect(isAppUrl('app://OUTTURN/')).toBe(true);
    for (const url of ['app://outturn.evil/', 'app://outturn:81/', 'app://a:b@outturn/', 'https://outturn/', '', null, 'not a url']) expect(isAppUrl(url), String(url)).toBe(false);
  });
  it('registers a standard, secure, fetchable scheme without opening it to other origins', () => {
    expect(APP_SCHEME_DEFINITION).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_SCHEME_DEFINITION.privileges?.corsEnabled).toBeFalsy();
    expect(APP_SCHEME_DEFINITION.privileges?.bypassCSP).toBeFalsy();
  });
  it('serves index.html with a strict CSP carrying a fresh nonce', () => {
    const root = path.join(tmp, 'renderer');
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><script nonce="__CSP_NONCE__"></script>');
    const a = appResponse(root, 'app://outturn/index.html');
    const b = appResponse(root, 'app://outturn/');
    expect(a.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(a.headers['Content-Security-Policy'] ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(a.body.toString()).toContain(`content="${nonce}"`);
    expect(a.headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(b.headers['Content-Security-Policy']).not.toBe(a.headers['Content-Security-Policy']);
    expect(appResponse(root, 'app://other/index.html').status).toBe(404);
    expect(appResponse(root, 'app://outturn/%2e%2e/%2e%2e/etc/passwd').status).toBeGreaterThanOrEqual(400);
    expect(appResponse(root, 'app://outturn/index.html', 'POST').status).toBe(405);
  });
});

describe('workspace argument', () => {
  it('takes the first plain argument after the app, skipping switches', () => {
    expect(workspaceArgument(['/electron', '/repo', '--no-sandbox', 'ws.db'], true, '/home/u')).toBe(path.resolve('/home/u', 'ws.db'));
    expect(workspaceArgument(['/opt/Outturn/outturn', '/data/fmr.db'], false)).toBe(path.resolve('/data/fmr.db'));
    expect(workspaceArgument(['/electron', '/repo'], true)).toBeNull();
    expect(workspaceArgument(['C:\\Outturn\\Outturn.exe'], false)).toBeNull();
  });
});

describe('application menu', () => {
  const actions = { openWorkspace: vi.fn(), showArea: vi.fn(), savePackPdf: vi.fn(), resetDemo: vi.fn(), about: vi.fn() };
  type Item = { label?: string; role?: string; enabled?: boolean; click?: () => void; submenu?: Item[] };
  const items = (t: Item[]): Item[] => t.flatMap((i) => [i, ...(i.submenu ? items(i.submenu) : [])]);
  const build = (o: { isDemo: boolean; isPackaged: boolean; platform: NodeJS.Platform }) => items(menuTemplate(actions, o) as Item[]);

  it('leaves Ctrl+Z / Ctrl+Y to the app: no undo or redo roles', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const all = build({ isDemo: true, isPackaged: true, platform });
      expect(all.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
      expect(all.some((i) => i.role === 'copy')).toBe(true);
    }
  });
  it('offers developer tools only when unpackaged', () => {
    expect(build({ isDemo: true, isPackaged: true, platform: 'win32' }).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build({ isDemo: true, isPackaged: false, platform: 'win32' }).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
  it('enables Reset demo only on the demo workspace and wires the actions', () => {
    const reset = (isDemo: boolean) => build({ isDemo, isPackaged: true, platform: 'linux' }).find((i) => i.label?.startsWith('Reset demo'));
    expect(reset(false)?.enabled).toBe(false);
    const item = reset(true);
    expect(item?.enabled).toBe(true);
    item?.click?.();
    expect(actions.resetDemo).toHaveBeenCalledOnce();
    build({ isDemo: true, isPackaged: true, platform: 'linux' }).find((i) => i.label === 'Open workspace…')?.click?.();
    expect(actions.openWorkspace).toHaveBeenCalledOnce();
  });
  it('opens the import page and the backups page from the File menu', () => {
    const all = build({ isDemo: false, isPackaged: true, platform: 'win32' });
    all.find((i) => i.label === 'Import a workbook…')?.click?.();
    all.find((i) => i.label === 'Restore a backup…')?.click?.();
    expect(actions.showArea.mock.calls).toEqual([['import'], ['backups']]);
    all.find((i) => i.label === 'Save committee pack as PDF…')?.click?.();
    expect(actions.savePackPdf).toHaveBeenCalledOnce();
  });
});

describe('Electron build of better-sqlite3', () => {
  it('uses the cached Electron build only when running unpackaged', () => {
    expect(nativeBindingFor({ isPackaged: false, appPath: '/repo' })).toBe(path.join('/repo', '.cache', 'electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(nativeBindingFor({ isPackaged: true, appPath: '/opt/Outturn/resources/app.asar' })).toBeUndefined();
  });
  it('compiles against Electron, not the Node headers CI points npm at', () => {
    expect(nodeGypArgs('45.5.0', 'x64', '/h')).toEqual(['rebuild', '--release', '--runtime=electron', '--target=45.5.0', '--arch=x64', '--dist-url=https://electronjs.org/headers', '--devdir=/h']);
    const env = electronBuildEnv({ PATH: '/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });
  it('reports missing, stale and ready builds', () => {
    const root = path.join(tmp, 'repo');
    const wanted = { electron: '45.5.0', betterSqlite3: '12.6.2', platform: 'linux', arch: 'x64' };
    expect(electronNativeStatus(root, wanted)).toBe('missing');
    fs.mkdirSync(path.dirname(electronNativeBinding(root)), { recursive: true });
    fs.writeFileSync(electronNativeBinding(root), '');
    expect(electronNativeStatus(root, wanted)).toBe('stale');
    fs.writeFileSync(path.join(electronNativeDir(root), 'outturn-electron-build.json'), JSON.stringify(wanted));
    expect(electronNativeStatus(root, wanted)).toBe('ready');
    expect(electronNativeStatus(root, { ...wanted, electron: '46.0.0' })).toBe('stale');
  });
});

describe('launching Electron from a checkout', () => {
  it('finds the binary only where the electron package really has it', () => {
    const pkg = path.join(tmp, 'electron-pkg');
    fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    expect(installedElectron(pkg, {})).toBeNull();
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(installedElectron(pkg, {})).toBeNull();
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(installedElectron(pkg, {})).toBe(path.join(pkg, 'dist', 'electron'));
    expect(installedElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'nowhere') })).toBeNull();
  });
  it('downloads Electron on the first start, saying how far it has got, then finds the binary', async () => {
    const pkg = path.join(tmp, 'electron-first-start');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ version: '45.5.0' }));
    const lines: string[] = [];
    const total = 100 * 1_048_576;
    const download: DownloadArtifact = async (o) => {
      expect(o).toMatchObject({ version: '45.5.0', artifactName: 'electron', platform: process.platform });
      for (const percent of [0, 0.04, 0.25, 0.26, 0.5, 1]) await o.downloadOptions.getProgressCallback({ percent, transferred: percent * total, total });
      return '/cache/electron.zip';
    };
    const unpack = (dir: string) => {
      fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
      fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    };
    expect(await fetchElectron({ electronDir: pkg, log: (l) => void lines.push(l), download, unpack })).toBe(path.join(pkg, 'dist', 'electron'));
    expect(lines).toEqual(['Downloading Electron 45.5.0, the desktop shell (first start only, about 100 MB)…', '  0% (0 of 100 MB)', '  20% (25 of 100 MB)', '  50% (50 of 100 MB)', '  100% (100 of 100 MB)']);
    // The next start finds it and downloads nothing.
    expect(await fetchElectron({ electronDir: pkg, log: (l) => void lines.push(l), download: () => Promise.reject(new Error('must not download')) })).toBe(path.join(pkg, 'dist', 'electron'));
    expect(lines).toHaveLength(5);
  });
  it('says plainly when Electron cannot be downloaded (offline), so the browser is used instead', async () => {
    const pkg = path.join(tmp, 'electron-offline');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ version: '45.5.0' }));
    const lines: string[] = [];
    const offline: DownloadArtifact = () => Promise.reject(new Error('getaddrinfo ENOTFOUND github.com\n    at stack'));
    expect(await fetchElectron({ electronDir: pkg, log: (l) => void lines.push(l), download: offline, unpack: () => expect.unreachable() })).toBeNull();
    expect(lines[1]).toBe('Electron could not be downloaded (getaddrinfo ENOTFOUND github.com). Are you offline? Outturn opens in your browser instead; the next start with internet tries again.');
  });
  it('never passes ELECTRON_RUN_AS_NODE on', () => {
    expect(withoutRunAsNode({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
  it.skipIf(process.platform === 'win32')('builds the native module first, then runs the binary on the app folder and returns its exit code', async () => {
    const binary = path.join(tmp, 'fake-electron');
    const argsFile = path.join(tmp, 'args.txt');
    fs.writeFileSync(binary, `#!/bin/sh\necho "$@" > '${argsFile}'\nexit 3\n`, { mode: 0o755 });
    const order: string[] = [];
    const code = await launchElectron('/repo', ['ws.db'], { binary, ensureNative: async () => void order.push('native'), log: () => {} });
    expect(order).toEqual(['native']);
    expect(code).toBe(3);
    expect(fs.readFileSync(argsFile, 'utf8').trim()).toBe('/repo ws.db');
  });
  it('does not launch when the native build fails', async () => {
    const binary = path.join(tmp, 'never-run');
    await expect(launchElectron('/repo', [], { binary, ensureNative: () => Promise.reject(new Error('no headers')), log: () => {} })).rejects.toThrow('no headers');
  });
});

/**
 * main.ts itself, with Electron replaced by fakes: proves the wiring (scheme, protocol handler, IPC,
 * demo workspace, window, menu, lock release on quit) without the Electron binary this machine lacks.
 */
const fake = vi.hoisted(() => {
  const appEvents: Record<string, (...args: unknown[]) => void> = {};
  const state = {
    appPath: '',
    schemes: [] as unknown[],
    protocolHandler: undefined as undefined | ((req: { url: string; method: string }) => Response),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    windows: [] as { options: unknown; url?: string }[],
    menus: [] as unknown[],
    sandboxEnabled: false,
    permissionHandler: undefined as unknown,
    quit: 0,
    errors: [] as string[],
    appEvents,
    /** Utility processes forked: the host runs in this process here, over a message boundary that clones like Electron's. */
    forks: [] as { modulePath: string; options: unknown; alive: () => boolean }[],
  };
  return state;
});

// A renderer folder of the test's own, so the test does not depend on (or race) `npm run build`.
vi.mock('../../main/transports/static', async (importOriginal) => ({
  ...(await importOriginal<typeof StaticModule>()),
  rendererDir: () => path.join(fake.appPath, 'renderer'),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { serveHost } = await import('../../main/host/host.js');
  /** A utility process standing in for Electron's: the host module itself, messages structured-cloned across. */
  function fork(modulePath: string, _args: string[], options: unknown) {
    const toChild = new EventEmitter();
    const toParent = new EventEmitter();
    let alive = true;
    const exit = () => {
      if (!alive) return;
      alive = false;
      toParent.emit('exit', 0);
    };
    serveHost(
      { post: (m: unknown) => setImmediate(() => toParent.emit('message', structuredClone(m))), listen: (l) => void toChild.on('message', (m: Parameters<typeof l>[0]) => l(m)) },
      () => setImmediate(exit),
      { importThread: false },
    );
    fake.forks.push({ modulePath, options, alive: () => alive });
    return {
      postMessage: (m: unknown) => setImmediate(() => toChild.emit('message', structuredClone(m))),
      on(event: string, listener: (...args: unknown[]) => void) {
        toParent.on(event, listener);
        return this;
      },
      kill: () => {
        exit();
        return true;
      },
    };
  }
  class BrowserWindow {
    webContents = { on: () => {}, once: () => {}, reload: () => {}, setWindowOpenHandler: () => {} };
    record: { options: unknown; url?: string };
    constructor(options: unknown) {
      this.record = { options };
      fake.windows.push(this.record);
    }
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      this.record.url = url;
    }
  }
  return {
    app: {
      isPackaged: false,
      getAppPath: () => fake.appPath,
      enableSandbox: () => (fake.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => (fake.appEvents[event] = listener),
      whenReady: () => Promise.resolve(),
      quit: () => fake.quit++,
      exit: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => fake.schemes.push(...s),
      handle: (_scheme: string, h: typeof fake.protocolHandler) => (fake.protocolHandler = h),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => (fake.permissionHandler = h),
        setPermissionCheckHandler: () => {},
        setSpellCheckerLanguages: () => {},
        webRequest: { onBeforeRequest: () => {} },
      },
    },
    ipcMain: {
      handle: (channel: string, l: (event: unknown, ...args: unknown[]) => unknown) => fake.ipc.set(channel, l),
      removeHandler: (channel: string) => fake.ipc.delete(channel),
    },
    BrowserWindow,
    utilityProcess: { fork },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => fake.menus.push(m) },
    dialog: { showErrorBox: (title: string, message: string) => fake.errors.push(`${title}: ${message}`) },
  };
});

describe('main process wiring (Electron mocked)', () => {
  const argv = process.argv;
  const dataDir = process.env.OUTTURN_DATA_DIR;
  let started = false;
  beforeAll(async () => {
    fake.appPath = path.join(tmp, 'app');
    const binding = electronNativeBinding(fake.appPath);
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    // Node's own build stands in for the Electron build: it is what this process can load.
    fs.copyFileSync(path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
    fs.mkdirSync(path.join(fake.appPath, 'renderer'));
    fs.writeFileSync(path.join(fake.appPath, 'renderer', 'index.html'), '<script nonce="__CSP_NONCE__"></script>');
    process.env.OUTTURN_DATA_DIR = path.join(tmp, 'userdata');
    process.argv = ['/usr/bin/electron', fake.appPath];
    Object.assign(process, { defaultApp: true });
    await import('../../main/electron/main.js');
    // The window opens once the host has created the demo workspace: seconds on a loaded machine.
    await vi.waitFor(
      () => {
        expect(fake.errors).toEqual([]);
        expect(fake.windows.length).toBe(1);
      },
      { timeout: 60_000, interval: 50 },
    );
    started = true;
  }, 120_000);
  afterAll(() => {
    if (started) fake.appEvents['will-quit']?.({ preventDefault: () => undefined });
    process.argv = argv;
    if (dataDir === undefined) delete process.env.OUTTURN_DATA_DIR;
    else process.env.OUTTURN_DATA_DIR = dataDir;
  });

  it('registers app:// as privileged and enables the sandbox before anything loads', () => {
    expect(fake.schemes).toEqual([APP_SCHEME_DEFINITION]);
    expect(fake.sandboxEnabled).toBe(true);
    expect(fake.permissionHandler).toBeTypeOf('function');
  });
  it('opens one hardened window on app://outturn with the bundled preload', () => {
    const [win] = fake.windows;
    expect(win?.url).toBe('app://outturn/index.html');
    const prefs = (win?.options as { webPreferences: { preload: string; sandbox: boolean } }).webPreferences;
    expect(prefs.sandbox).toBe(true);
    expect(prefs.preload.endsWith(path.join('preload', 'preload.js'))).toBe(true);
    expect(fake.appEvents['web-contents-created']).toBeTypeOf('function');
  });
  it('opens the workspace in a utility process (the host), which creates the demo in the data folder and answers IPC', async () => {
    expect(fake.forks).toHaveLength(1);
    expect(fake.forks[0]!.modulePath).toBe(path.resolve(__dirname, '../../main/host/utility-entry.js'));
    expect(fake.forks[0]!.options).toMatchObject({ serviceName: 'Outturn workspace' });
    expect(fs.existsSync(path.join(tmp, 'userdata', 'demo-workspace.db'))).toBe(true);
    const info = (await fake.ipc.get('outturn:call')?.({ senderFrame: { url: 'app://outturn/index.html' } }, 'app.info', {})) as { ok: boolean; value: { isDemo: boolean } };
    expect(info).toMatchObject({ ok: true, value: { isDemo: true } });
  });
  it('carries uploads and the pack\'s bytes across the boundary as base64', async () => {
    const call = (method: string, input: unknown) => fake.ipc.get('outturn:call')!({ senderFrame: { url: 'app://outturn/index.html' } }, method, input) as Promise<{ ok: boolean; value: Record<string, unknown> }>;
    const bytes = Buffer.from('Item,Amount\n');
    const begun = await call('upload.begin', { fileName: 'x.csv', bytes: bytes.length });
    const chunk = await call('upload.chunk', { uploadId: begun.value.uploadId, offset: 0, data: bytes.toString('base64') });
    expect(chunk).toEqual({ ok: true, value: { received: bytes.length } });
    const pack = await call('pack.export', { period: '2023-08', sections: ['contents'] });
    expect(pack.ok).toBe(true);
    expect(Buffer.from(pack.value.data as string, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
  it('serves the renderer through the protocol handler, refusing other hosts', async () => {
    expect(fake.protocolHandler?.({ url: 'app://elsewhere/index.html', method: 'GET' }).status).toBe(404);
    const index = fake.protocolHandler?.({ url: 'app://outturn/index.html', method: 'GET' });
    expect(index?.status).toBe(200);
    expect(index?.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
  });
  it('builds a menu with Reset demo enabled for the demo', () => {
    const menu = fake.menus.at(-1) as { submenu?: { label?: string; enabled?: boolean }[] }[];
    expect(menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === 'Reset demo…')?.enabled).toBe(true);
  });
  it('releases the workspace and its channels on quit, once the host has closed it', async () => {
    const preventDefault = vi.fn();
    fake.appEvents['will-quit']?.({ preventDefault });
    started = false;
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(fake.ipc.size).toBe(0);
    await vi.waitFor(() => expect(fake.quit).toBe(1), { timeout: 30_000, interval: 50 });
    expect(fake.forks[0]!.alive()).toBe(false);
    expect(fs.existsSync(path.join(tmp, 'userdata', 'demo-workspace.db.lock'))).toBe(false);
    fake.appEvents['window-all-closed']?.();
    expect(fake.quit).toBe(2);
  });
});
