import fs from 'node:fs';
import path from 'node:path';
import { packSectionIds } from '../../shared/pack/sections';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { AppInfo } from '../../shared/api/contract';
import { defaultWorkspacePath } from '../app/paths';
import { APP_VERSION } from '../app/version';
import type { HostClient } from '../host/client';
import { startHostProcess } from './host-process';
import { registerIpc } from '../transports/ipc';
import { rendererDir } from '../transports/static';
import { menuTemplate } from './menu';
import { headerFooterTemplates } from '../pack/pdf';
import { nativeBindingFor } from './native';
import { APP_INDEX_URL, APP_SCHEME } from './origin';
import { APP_SCHEME_DEFINITION, appResponse, workspaceArgument } from './protocol';
import { hardenContents, hardenSession, windowOptions } from './window';

/**
 * The Electron main process: only window, menu, dialog and wiring. The workspace is open in the host,
 * a utility process (host-process.ts), which answers every IPC call; everything this process decides
 * with lives in tested modules (window.ts, protocol.ts, menu.ts, native.ts, transports/ipc.ts).
 */
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
app.enableSandbox();

interface Open {
  host: HostClient;
  info: AppInfo;
  unregister: () => void;
}

let win: BrowserWindow | null = null;
let current: Open | null = null;
const nativeBinding = nativeBindingFor({ isPackaged: app.isPackaged, appPath: app.getAppPath() });
const openOptions = nativeBinding ? { nativeBinding } : {};

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Opens the new workspace (in a new host) before letting go of the old one, so a failed open changes nothing. */
async function openWorkspace(file: string, demoIfMissing = false): Promise<void> {
  const host = await startHostProcess({ file, ...openOptions, ...(demoIfMissing ? { demoIfMissing } : {}) });
  let info: AppInfo;
  try {
    info = await host.call('app.info', {});
  } catch (err) {
    await host.close();
    throw err;
  }
  const previous = current;
  if (previous) previous.unregister();
  current = { host, info, unregister: registerIpc(ipcMain, host.dispatch) };
  refreshMenu();
  await previous?.host.close();
}

function refreshMenu(): void {
  const template = menuTemplate(
    { openWorkspace: () => void chooseWorkspace(), showArea: (area) => void win?.loadURL(`${APP_INDEX_URL}#area=${area}`), savePackPdf: () => void savePackPdf(), resetDemo: () => void resetDemo(), about: () => void about() },
    { isDemo: current?.info.isDemo ?? false, isPackaged: app.isPackaged, platform: process.platform },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function chooseWorkspace(): Promise<void> {
  const options = { title: 'Open workspace', properties: ['openFile' as const], filters: [{ name: 'Outturn workspaces', extensions: ['db'] }, { name: 'All files', extensions: ['*'] }] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (picked.canceled || !file || path.resolve(file) === current?.info.workspacePath) return;
  try {
    await openWorkspace(path.resolve(file));
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
  const result = await current.host.dispatch('demo.reset', {}, { channel: 'grid' });
  if (!result.ok) dialog.showErrorBox('The demo was not reset', result.error.message);
  else win?.webContents.reload();
}

/**
 * Electron's printToPDF on the app's own print view (the same view the command line prints in Chromium),
 * in a hidden window, for the latest month with data; written to a temp file and renamed.
 */
async function savePackPdf(): Promise<void> {
  if (!current) return;
  let periods: { months: { id: string; label: string; areas: string[] }[] };
  try {
    periods = await current.host.call('periods.list', {});
  } catch (err) {
    dialog.showErrorBox('No committee pack to print', messageOf(err));
    return;
  }
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
  const detail = [`Version ${APP_VERSION}`, current ? `Workspace: ${current.info.workspacePath}` : '', `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}`].filter(Boolean).join('\n');
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
  // The host creates the demo workspace on first run, like every other database step.
  await openWorkspace(given ?? defaultWorkspacePath(), !given);
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
  // Releases the workspace lock (the host closes the workspace) so the next start, here or on another
  // PC, can edit it; quitting goes on once the host has stopped.
  app.on('will-quit', (event) => {
    const closing = current;
    if (!closing) return;
    current = null;
    event.preventDefault();
    closing.unregister();
    void closing.host.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Outturn could not start', messageOf(err));
    app.exit(1);
  });
}
