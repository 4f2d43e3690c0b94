import fs from 'node:fs';
import path from 'node:path';
import { packSectionIds } from '../../shared/pack/sections';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { dispatch } from '../api/dispatch';
import { createHandlers, type Handlers } from '../api/handlers';
import { defaultWorkspacePath, ensureDemoWorkspace } from '../app/paths';
import { AppSession } from '../app/session';
import { APP_VERSION } from '../app/version';
import { registerIpc } from '../transports/ipc';
import { rendererDir } from '../transports/static';
import { menuTemplate } from './menu';
import { headerFooterTemplates } from '../pack/pdf';
import { nativeBindingFor } from './native';
import { APP_INDEX_URL, APP_SCHEME } from './origin';
import { APP_SCHEME_DEFINITION, appResponse, workspaceArgument } from './protocol';
import { hardenContents, hardenSession, windowOptions } from './window';

/**
 * The Electron main process: only window, menu, dialog and wiring. Everything it decides with lives in
 * tested modules (window.ts, protocol.ts, menu.ts, native.ts, transports/ipc.ts).
 */
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
app.enableSandbox();

interface Open {
  session: AppSession;
  handlers: Handlers;
  unregister: () => void;
}

let win: BrowserWindow | null = null;
let current: Open | null = null;
const nativeBinding = nativeBindingFor({ isPackaged: app.isPackaged, appPath: app.getAppPath() });
const openOptions = nativeBinding ? { nativeBinding } : {};

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Opens the new workspace before letting go of the old one, so a failed open changes nothing. */
function openWorkspace(file: string): void {
  const next = new AppSession(file, openOptions);
  const handlers = createHandlers(next);
  if (current) {
    current.unregister();
    current.session.close();
  }
  current = { session: next, handlers, unregister: registerIpc(ipcMain, handlers) };
  refreshMenu();
}

function refreshMenu(): void {
  const template = menuTemplate(
    { openWorkspace: () => void chooseWorkspace(), showArea: (area) => void win?.loadURL(`${APP_INDEX_URL}#area=${area}`), savePackPdf: () => void savePackPdf(), resetDemo: () => void resetDemo(), about: () => void about() },
    { isDemo: current?.session.isDemo ?? false, isPackaged: app.isPackaged, platform: process.platform },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function chooseWorkspace(): Promise<void> {
  const options = { title: 'Open workspace', properties: ['openFile' as const], filters: [{ name: 'Outturn workspaces', extensions: ['db'] }, { name: 'All files', extensions: ['*'] }] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (picked.canceled || !file || path.resolve(file) === current?.session.file) return;
  try {
    openWorkspace(path.resolve(file));
    win?.webContents.reload();
  } catch (err) {
    dialog.showErrorBox('Outturn could not open that workspace', `${file}\n\n${messageOf(err)}`);
  }
}

async function resetDemo(): Promise<void> {
  if (!current) return;
  const confirm = { type: 'warning' as const, buttons: ['Reset demo', 'Cancel'], defaultId: 1, cancelId: 1, title: 'Reset demo', message: 'Reset the demo workspace?', detail: 'Every change made to the demo data is replaced by the published August 2023 figures. Your own workspaces are not touched.' };
  const answer = win ? await dialog.showMessageBox(win, confirm) : await dialog.showMessageBox(confirm);
  if (answer.response !== 0) return;
  // The same handler the renderer could call, so the demo-only and read-only guards apply.
  const result = await dispatch(current.handlers, 'demo.reset', {}, { channel: 'grid' });
  if (!result.ok) dialog.showErrorBox('The demo was not reset', result.error.message);
  else win?.webContents.reload();
}

/**
 * Electron's printToPDF on the app's own print view (the same view the command line prints in Chromium),
 * in a hidden window, for the latest month with data; written to a temp file and renamed.
 */
async function savePackPdf(): Promise<void> {
  if (!current) return;
  const periods = await current.handlers['periods.list']({}, { channel: 'grid' });
  const month = [...periods.months].reverse().find((m) => m.areas.length > 0);
  if (!month) {
    dialog.showErrorBox('No committee pack to print', 'No month of this workspace holds any figures yet.');
    return;
  }
  const options = { title: 'Save committee pack as PDF', defaultPath: `Committee pack ${month.label}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return;
  const printer = new BrowserWindow({ ...windowOptions(path.join(__dirname, '..', '..', 'preload', 'preload.js')), show: false });
  try {
    await printer.loadURL(`${APP_INDEX_URL}#area=print&period=${month.id}&sections=${packSectionIds().join(',')}`);
    let ready = '';
    for (let i = 0; i < 300 && ready !== 'true' && ready !== 'error'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = String(await printer.webContents.executeJavaScript('document.body.dataset.printReady ?? ""'));
    }
    if (ready !== 'true') throw new Error('the print view did not finish drawing');
    const header = String(await printer.webContents.executeJavaScript('document.body.dataset.printHeader ?? ""'));
    const pdf = await printer.webContents.printToPDF({
      landscape: true,
      pageSize: 'A4',
      printBackground: true,
      margins: { top: 0.47, bottom: 0.47, left: 0.47, right: 0.47 },
      displayHeaderFooter: true,
      ...headerFooterTemplates(header),
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    const tmp = `${picked.filePath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, pdf);
    fs.renameSync(tmp, picked.filePath);
  } catch (err) {
    dialog.showErrorBox('The committee pack was not saved as PDF', messageOf(err));
  } finally {
    printer.destroy();
  }
}

async function about(): Promise<void> {
  const detail = [`Version ${APP_VERSION}`, current ? `Workspace: ${current.session.file}` : '', `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}`].filter(Boolean).join('\n');
  const box = { type: 'info' as const, title: 'About Outturn', message: 'Outturn', detail, buttons: ['OK'] };
  if (win) await dialog.showMessageBox(win, box);
  else await dialog.showMessageBox(box);
}

function createWindow(): void {
  const preload = path.join(__dirname, '..', '..', 'preload', 'preload.js');
  win = new BrowserWindow(windowOptions(preload));
  win.once('ready-to-show', () => win?.show());
  // Show the window even when the page fails, rather than leave an invisible process running.
  win.webContents.once('did-fail-load', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(APP_INDEX_URL);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  try {
    session.defaultSession.setSpellCheckerLanguages(['en-GB']);
  } catch {
    // macOS uses the system spell checker and its languages
  }
  const renderer = rendererDir();
  protocol.handle(APP_SCHEME, (request) => {
    const res = appResponse(renderer, request.url, request.method);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(res.body), { status: res.status, headers: res.headers });
  });
  if (nativeBinding && !fs.existsSync(nativeBinding)) {
    throw new Error(`The SQLite module has not been built for Electron. Run \`npm start\` (or \`node scripts/electron-native.mjs\`) from ${app.getAppPath()}.`);
  }
  const given = workspaceArgument(process.argv, process.defaultApp === true);
  const file = given ?? defaultWorkspacePath();
  if (!given) ensureDemoWorkspace(file, openOptions);
  openWorkspace(file);
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  // Releases the workspace lock so the next start (here or on another PC) can edit it.
  app.on('will-quit', () => {
    current?.unregister();
    current?.session.close();
    current = null;
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Outturn could not start', messageOf(err));
    app.exit(1);
  });
}
