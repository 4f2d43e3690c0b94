import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initWorkspace } from './session';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for "Outturn", so the
 * desktop app and the browser mode share the demo workspace. OUTTURN_DATA_DIR overrides it (tests).
 */
export function userDataDir(): string {
  if (process.env.OUTTURN_DATA_DIR) return path.resolve(process.env.OUTTURN_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Outturn');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Outturn');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Outturn');
}

export function defaultWorkspacePath(): string {
  return path.join(userDataDir(), 'demo-workspace.db');
}

/** Creates the demo workspace once; never reseeds over the user's edits ("Reset demo" does that on request). */
export function ensureDemoWorkspace(file: string, opts: { nativeBinding?: string } = {}): void {
  if (fs.existsSync(file)) return;
  initWorkspace(file, { demo: true, ...opts });
}
