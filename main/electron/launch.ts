import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** What @electron/get's downloadArtifact takes, as far as Outturn uses it. */
export type DownloadArtifact = (opts: {
  version: string;
  artifactName: 'electron';
  platform: string;
  arch: string;
  checksums?: Record<string, string>;
  cacheRoot?: string;
  downloadOptions: { quiet: boolean; signal?: AbortSignal; getProgressCallback: (p: { percent: number; transferred: number; total: number | null }) => Promise<void> };
}) => Promise<string>;

const STALL_MS = 30_000;

/** The first line of an error and of its cause (fetch says only "fetch failed"; the cause says why). */
function reasonOf(err: unknown): string {
  const first = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));
  const cause = err instanceof Error && err.cause ? first(err.cause) : '';
  return cause ? `${first(err)}: ${cause}` : first(err);
}

export interface FetchElectronOptions {
  electronDir?: string;
  log: (line: string) => void;
  /** For tests: the downloader (default: the electron package's own @electron/get). */
  download?: DownloadArtifact;
  /** For tests: unpacks the downloaded archive where the electron package looks (default: its install.js). */
  unpack?: (electronDir: string) => void;
}

async function packageDownloader(dir: string): Promise<DownloadArtifact> {
  const entry = require.resolve('@electron/get', { paths: [dir] });
  const mod = (await import(pathToFileURL(entry).href)) as { downloadArtifact: DownloadArtifact };
  return mod.downloadArtifact;
}

function runInstaller(dir: string): void {
  // The archive is in Electron's download cache by now: the package's installer only unpacks it.
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: 'ignore', timeout: 10 * 60_000, env: withoutRunAsNode(process.env) });
}

/**
 * The Electron executable, downloaded on the first start where it is missing, saying how far it has got
 * (about 100 MB). Null where it cannot be had (offline, or a build machine): `npm start` then serves the
 * same app to a browser instead, and the next start with internet tries again.
 */
export async function fetchElectron(opts: FetchElectronOptions): Promise<string | null> {
  const dir = opts.electronDir ?? electronPackageDir();
  if (!dir) return null;
  const found = installedElectron(dir);
  if (found) return found;
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  opts.log(`Downloading Electron ${version}, the desktop shell (first start only, about 100 MB)…`);
  let shown = -1;
  // A network that drops packets rather than refusing would otherwise hold the start for minutes.
  const stalled = new AbortController();
  let stall = setTimeout(() => stalled.abort(new Error('no answer from the download server for 30 seconds')), STALL_MS);
  try {
    const download = opts.download ?? (await packageDownloader(dir));
    const checksums = path.join(dir, 'checksums.json');
    await download({
      version,
      artifactName: 'electron',
      platform: process.env.ELECTRON_INSTALL_PLATFORM ?? process.platform,
      arch: process.env.ELECTRON_INSTALL_ARCH ?? process.arch,
      ...(fs.existsSync(checksums) ? { checksums: JSON.parse(fs.readFileSync(checksums, 'utf8')) as Record<string, string> } : {}),
      ...(process.env.electron_config_cache ? { cacheRoot: process.env.electron_config_cache } : {}),
      downloadOptions: {
        quiet: true,
        signal: stalled.signal,
        getProgressCallback: async ({ percent, transferred, total }) => {
          clearTimeout(stall);
          stall = setTimeout(() => stalled.abort(new Error('the download stopped for 30 seconds')), STALL_MS);
          const step = Math.floor(percent * 10) * 10;
          if (step <= shown) return;
          shown = step;
          const mb = (n: number) => (n / 1_048_576).toFixed(0);
          opts.log(`  ${step}%${total ? ` (${mb(transferred)} of ${mb(total)} MB)` : ''}`);
        },
      },
    });
    clearTimeout(stall);
    (opts.unpack ?? runInstaller)(dir);
  } catch (err) {
    clearTimeout(stall);
    opts.log(`Electron could not be downloaded (${reasonOf(err)}). Are you offline? Outturn opens in your browser instead; the next start with internet tries again.`);
    return null;
  }
  const binary = installedElectron(dir);
  if (!binary) opts.log('Electron was downloaded but could not be unpacked; Outturn opens in your browser instead.');
  return binary;
}

/** The Electron executable if it is already there; never downloads. */
export function electronBinary(): string | null {
  const dir = electronPackageDir();
  return dir ? installedElectron(dir) : null;
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
  const binary = opts.binary ?? electronBinary();
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
