import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * better-sqlite3 is a native module: the copy in node_modules is built for Node (tests, CLI, HTTP bridge)
 * and will not load in Electron, nor the reverse. So Electron gets its own build in
 * .cache/electron-native/better-sqlite3, chosen at open time with better-sqlite3's nativeBinding option.
 * Packaged apps do not use this: electron-builder rebuilds node_modules for Electron when packaging.
 */
export const NATIVE_CACHE_DIR = path.join('.cache', 'electron-native');
const STAMP = 'outturn-electron-build.json';

export function electronNativeDir(projectRoot: string): string {
  return path.join(projectRoot, NATIVE_CACHE_DIR, 'better-sqlite3');
}

/** What main.ts passes as nativeBinding when Electron runs from a checkout (unpackaged). */
export function electronNativeBinding(projectRoot: string): string {
  return path.join(electronNativeDir(projectRoot), 'build', 'Release', 'better_sqlite3.node');
}

/** Packaged: node_modules inside the app was rebuilt for Electron, so better-sqlite3 finds its own. */
export function nativeBindingFor(opts: { isPackaged: boolean; appPath: string }): string | undefined {
  return opts.isPackaged ? undefined : electronNativeBinding(opts.appPath);
}

function packageVersion(projectRoot: string, name: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface BuildStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export function wantedStamp(projectRoot: string): BuildStamp {
  return { electron: packageVersion(projectRoot, 'electron'), betterSqlite3: packageVersion(projectRoot, 'better-sqlite3'), platform: process.platform, arch: process.arch };
}

/** 'stale' when Electron or better-sqlite3 was upgraded since the build, which would fail to load. */
export function electronNativeStatus(projectRoot: string, wanted: BuildStamp = wantedStamp(projectRoot)): 'ready' | 'missing' | 'stale' {
  if (!fs.existsSync(electronNativeBinding(projectRoot))) return 'missing';
  try {
    const have = JSON.parse(fs.readFileSync(path.join(electronNativeDir(projectRoot), STAMP), 'utf8')) as BuildStamp;
    return (Object.keys(wanted) as (keyof BuildStamp)[]).every((k) => have[k] === wanted[k]) ? 'ready' : 'stale';
  } catch {
    return 'stale';
  }
}

/** Headers go to ~/.electron-gyp (as @electron/rebuild does), apart from Node's in ~/.cache/node-gyp. */
export function nodeGypArgs(electronVersion: string, arch: string = process.arch, devDir: string = path.join(os.homedir(), '.electron-gyp')): string[] {
  return ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', `--devdir=${devDir}`];
}

/** node-gyp from node_modules (electron-builder brings it), else the copy bundled with npm. */
export function findNodeGyp(projectRoot: string, env: NodeJS.ProcessEnv = process.env, execPath: string = process.execPath): string | null {
  const candidates = [path.join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  if (env.npm_execpath) candidates.push(path.join(path.dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(path.dirname(execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

/**
 * npm settings meant for Node's build (CI sets npm_config_nodedir=/usr so Node's headers are found
 * offline) would make node-gyp compile against Node instead of Electron.
 */
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_config_(nodedir|target|runtime|dist_?url|arch|devdir|build_from_source)$/i.test(k)) out[k] = v;
  return out;
}

export class ElectronNativeError extends Error {
  override name = 'ElectronNativeError';
}

/** Copies better-sqlite3 (without its Node build) into the cache and compiles it for Electron. */
export async function buildElectronNative(projectRoot: string, log: (line: string) => void = () => {}): Promise<string> {
  const wanted = wantedStamp(projectRoot);
  const nodeGyp = findNodeGyp(projectRoot);
  if (!nodeGyp) throw new ElectronNativeError('Cannot build the SQLite module for Electron: node-gyp was not found (run npm install).');
  const src = path.join(projectRoot, 'node_modules', 'better-sqlite3');
  const dest = electronNativeDir(projectRoot);
  const logFile = path.join(projectRoot, NATIVE_CACHE_DIR, 'build.log');
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const nodeBuild = path.join(src, 'build');
  fs.cpSync(src, dest, { recursive: true, filter: (p) => p !== nodeBuild && !p.startsWith(nodeBuild + path.sep) });
  log(`Building the SQLite module for Electron ${wanted.electron} (first run only, about two minutes)…`);
  const out = fs.openSync(logFile, 'w');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [nodeGyp, ...nodeGypArgs(wanted.electron, wanted.arch)], { cwd: dest, env: electronBuildEnv(process.env), stdio: ['ignore', out, out] });
    child.on('error', () => resolve(-1));
    child.on('close', (c) => resolve(c ?? -1));
  });
  fs.closeSync(out);
  if (code !== 0 || !fs.existsSync(electronNativeBinding(projectRoot))) {
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    const why = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(text) ? "node-gyp could not download Electron's headers (this needs internet access)" : 'node-gyp failed';
    throw new ElectronNativeError(`Could not build the SQLite module for Electron ${wanted.electron}: ${why}; details in ${logFile}.`);
  }
  fs.writeFileSync(path.join(dest, STAMP), JSON.stringify(wanted, null, 2) + '\n');
  return electronNativeBinding(projectRoot);
}

/** Builds only when missing or stale; returns the binding path. */
export async function ensureElectronNative(projectRoot: string, log?: (line: string) => void): Promise<string> {
  if (electronNativeStatus(projectRoot) === 'ready') return electronNativeBinding(projectRoot);
  return buildElectronNative(projectRoot, log);
}
