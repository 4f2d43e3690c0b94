import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.OUTTURN_CHROMIUM ?? '/usr/bin/chromium';

/** A demo workspace served by the built `outturn` bin, as a user would run it. */
export interface Served {
  url: string;
  file: string;
  dir: string;
  stop(): Promise<void>;
}

/** Who the served app acts as: tests name a second officer through the test-only override of main/store/identity.ts. */
export interface ServeOptions {
  /** The OS user the server records (OUTTURN_TEST_OS_USER; honoured only while NODE_ENV is test). */
  user?: string;
  /** Leave the folder when stopped, to serve the same workspace again (as another officer). */
  keep?: boolean;
}

export async function serveDemo(opts: ServeOptions = {}): Promise<Served> {
  if (!fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build first: npm run build');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-e2e-'));
  const file = path.join(dir, 'demo.db');
  const bin = path.join(ROOT, 'bin/outturn.js');
  await new Promise<void>((resolve, reject) => {
    const init = spawn(process.execPath, [bin, 'init', file, '--demo'], { stdio: 'inherit' });
    init.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`init exited ${code}`))));
  });
  return serveFile(file, opts);
}

/** Serves a workspace that exists, in its folder, as `outturn serve` does. */
export async function serveFile(file: string, opts: ServeOptions = {}): Promise<Served> {
  const dir = path.dirname(file);
  const bin = path.join(ROOT, 'bin/outturn.js');
  const env = opts.user ? { ...process.env, NODE_ENV: 'test', OUTTURN_TEST_OS_USER: opts.user } : process.env;
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', file], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return {
    url,
    file,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.on('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls the same API the page uses, with the token the served address carries. */
export async function callApi<T>(served: Served, method: string, input: unknown): Promise<T> {
  const [base, hash] = served.url.split('#') as [string, string];
  const token = decodeURIComponent(/token=([^&]+)/.exec(hash)![1]!);
  const res = await fetch(`${base}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-outturn-token': token }, body: JSON.stringify(input) });
  const envelope = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (CI does this).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Collects CSP violations and page errors so a test can assert there were none. */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  return { problems };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

const EXCEPTIONS_FILE = path.join(__dirname, 'axe-exceptions.json');

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page and returns the serious or critical
 * violations that are not listed, with their reason, in tests/e2e/axe-exceptions.json.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const exceptions = JSON.parse(fs.readFileSync(EXCEPTIONS_FILE, 'utf8')) as { rule: string; selectorContains: string; reason: string }[];
  // Evaluated over the DevTools protocol, which the page's CSP does not govern (a script tag would be refused).
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // A string, so this Node-side file needs no DOM typings.
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }).then((r) => r.violations)`,
  )) as AxeViolation[];
  const found: string[] = [];
  for (const v of violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const node of v.nodes) {
      const target = node.target.join(' ');
      if (exceptions.some((e) => e.rule === v.id && target.includes(e.selectorContains))) continue;
      found.push(`${v.id} (${v.impact}): ${v.help} at ${target}: ${node.html.slice(0, 160)}`);
    }
  }
  return found;
}

/** A served demo and one page in Chromium for a whole test file, set up before and torn down after it. */
export interface DemoPage {
  readonly served: Served;
  readonly page: Page;
  /** Page errors and CSP violations seen so far. */
  readonly problems: string[];
  /** A call straight to the bridge's API, as the renderer makes it. */
  api<T>(method: string, input: unknown): Promise<T>;
}

export function demoPage(viewport: { width: number; height: number }): DemoPage {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let watch: { problems: string[] } = { problems: [] };
  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport });
    watch = watchPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('The demo page is set up in beforeAll: use it inside a test.');
    return x;
  };
  return {
    get served() {
      return ready(served);
    },
    get page() {
      return ready(page);
    },
    get problems() {
      return watch.problems;
    },
    async api<T>(method: string, input: unknown): Promise<T> {
      const [base, hash] = ready(served).url.split('#') as [string, string];
      const token = decodeURIComponent(/token=([^&]+)/.exec(hash)![1]!);
      const res = await fetch(`${base}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-outturn-token': token }, body: JSON.stringify(input) });
      const envelope = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    },
  };
}
