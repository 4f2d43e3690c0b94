import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openWorkspace(): void;
  /** Opens one of the app's pages (import, backups) in the window. */
  showArea(area: 'import' | 'backups'): void;
  /** Prints the committee pack of the latest month with data to a PDF the officer names. */
  savePackPdf(): void;
  resetDemo(): void;
  about(): void;
}

/**
 * The application menu as data (main.ts builds it), so what it offers is unit-tested. Edit has no
 * undo/redo roles: Ctrl+Z/Ctrl+Y must reach the renderer, which calls the main process's own undo
 * history (saved and audited), not Chromium's text-field undo.
 */
export function menuTemplate(actions: MenuActions, opts: { isDemo: boolean; isPackaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }];
  if (!opts.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  return [
    ...(mac ? [{ label: 'Outturn', submenu: [{ label: 'About Outturn', click: () => actions.about() }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
        { type: 'separator' },
        { label: 'Import a workbook…', accelerator: 'CmdOrCtrl+I', click: () => actions.showArea('import') },
        { label: 'Restore a backup…', click: () => actions.showArea('backups') },
        { label: 'Save committee pack as PDF…', accelerator: 'CmdOrCtrl+P', click: () => actions.savePackPdf() },
        { type: 'separator' },
        { label: 'Reset demo…', enabled: opts.isDemo, click: () => actions.resetDemo() },
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    { label: '&Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }] },
    { label: '&View', submenu: view },
    { label: '&Help', submenu: [{ label: 'About Outturn', click: () => actions.about() }] },
  ];
}
