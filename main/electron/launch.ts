import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureElectronNative } from './native';

/**
 * Starting Electron from a checkout (`npm start`). The electron package does not download its binary at
 * install time; `require('electron')` would fetch it on first use with a noisy stack trace when offline,
 * so this reads the package's own path.txt and runs its installer quietly instead.
 */
function electronPackageDir(): string | null {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary the electron package points at, if it is really there (honours ELECTRON_OVERRIDE_DIST_PATH). */
export function installedElectron(electronDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let rel = '';
  try {
    rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    // not downloaded yet
  }
  let binary: string | null = null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
  else if (rel) binary = path.join(electronDir, 'dist', rel);
  return binary && fs.existsSync(binary) ? binary : null;
}

export interface ElectronBinaryOptions {
  electronDir?: string;
  /** Try the electron package's downloader when the binary is missing (needs internet; default true). */
  download?: boolean;
  log?: (line: string) => void;
}

/** The Electron executable, downloading it once if possible; null where it cannot be had (build machines). */
export function electronBinary(opts: ElectronBinaryOptions = {}): string | null {
  const dir = opts.electronDir ?? electronPackageDir();
  if (!dir) return null;
  const found = installedElectron(dir);
  if (found || opts.download === false || !fs.existsSync(path.join(dir, 'install.js'))) return found;
  opts.log?.('Fetching Electron (first run only)…');
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: 'ignore', timeout: 10 * 60_000, env: withoutRunAsNode(process.env) });
  return installedElectron(dir);
}

/** ELECTRON_RUN_AS_NODE inherited from a parent (VS Code sets it) would start Electron as plain Node. */
export function withoutRunAsNode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}

export interface LaunchOptions {
  binary?: string;
  ensureNative?: (appDir: string, log: (line: string) => void) => Promise<unknown>;
  log?: (line: string) => void;
}

/** Makes sure the Electron build of better-sqlite3 exists, runs Electron on appDir and returns its exit code. */
export async function launchElectron(appDir: string, args: string[], opts: LaunchOptions = {}): Promise<number> {
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const binary = opts.binary ?? electronBinary({ download: false });
  if (!binary) throw new Error('Electron is not installed on this machine.');
  await (opts.ensureNative ?? ensureElectronNative)(appDir, log);
  const child = spawn(binary, [appDir, ...args], { stdio: 'inherit', env: withoutRunAsNode(process.env), windowsHide: false });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise<number>((resolve, reject) => {
    const done = () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
    child.once('error', (err) => {
      done();
      reject(new Error(`Could not start Electron (${binary}): ${err.message}`));
    });
    child.once('close', (code) => {
      done();
      resolve(code ?? 1);
    });
  });
}
