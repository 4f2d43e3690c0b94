import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserType } from 'playwright-core';
import { UserError } from '../../shared/api/errors';
import { chooseSections, type PackSectionId } from '../../shared/pack/sections';
import { createHandlers } from '../api/handlers';
import { AppSession } from '../app/session';
import { startHttpBridge, type HttpBridge } from '../transports/http';
import { rendererDir } from '../transports/static';
import { requirePeriod } from '../store/periods';

/**
 * The committee pack as a PDF, from the command line: the app's own print view (renderer/src/print/),
 * served from the workspace on loopback and printed by a Chromium found at a configured path. The desktop
 * app prints the same view with Electron's printToPDF instead. Same layout, same figures, one code path.
 */
export interface PackPdfOptions {
  workspace: string;
  period: string;
  /** Section ids as the registry lists them; every section when absent or empty. */
  sections?: string[];
  out: string;
  /** The browser program; else OUTTURN_CHROMIUM, else /usr/bin/chromium. */
  chromium?: string;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Laying out six tables and twelve charts takes about a second; a minute means something is stuck. */
const READY_TIMEOUT_MS = 60_000;

/** As tests/e2e/harness.ts launches it: no sandbox (containers, CI), no GPU, no calls home. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function chromiumPath(given?: string): string {
  return given ?? (process.env.OUTTURN_CHROMIUM || DEFAULT_CHROMIUM);
}

function sectionsOf(raw: readonly string[] | undefined): PackSectionId[] {
  try {
    return chooseSections(raw?.length ? raw : undefined);
  } catch (err) {
    throw new UserError('invalid_input', `${(err as Error).message}.`);
  }
}

/** Where the PDF goes: checked before a browser is started, so a typo fails fast. */
export function pdfTarget(out: string): string {
  const file = path.resolve(out);
  const dir = path.dirname(file);
  if (!file.toLowerCase().endsWith('.pdf')) throw new UserError('invalid_input', `The PDF pack needs a file name ending in .pdf, for example ${path.basename(file).replace(/\.[^.]*$/, '') || 'pack'}.pdf.`);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError('invalid_input', `The folder ${dir} does not exist, so the PDF could not be saved there.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UserError('invalid_input', `${file} is a folder. Name a file ending in .pdf.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserError('invalid_input', `Outturn is not allowed to save files in ${dir}. Choose a folder you can save files in.`);
  }
  return file;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Chromium draws these in the page margins of every page. They are rendered apart from the page (no
 * access to its stylesheet), so they carry their own inline styles; their default font size is tiny.
 */
export function headerFooterTemplates(header: string): { headerTemplate: string; footerTemplate: string } {
  const style = "font-family: Calibri, Carlito, Arial, 'Liberation Sans', sans-serif; font-size: 8pt; color: #4a5360; width: 100%; margin: 0 12mm;";
  return {
    headerTemplate: `<div style="${style} text-align: center;">${escapeHtml(header)}</div>`,
    footerTemplate: `<div style="${style} text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
  };
}

/** Pages in a PDF Chromium wrote (one page object each), or null when they cannot be counted. */
export function countPdfPages(pdf: Buffer): number | null {
  const n = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  return n > 0 ? n : null;
}

function friendly(err: unknown, file: string): unknown {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (['EBUSY', 'EPERM', 'EACCES'].includes(code)) return new UserError('invalid_input', `${path.basename(file)} could not be saved: it is open in another program, or Outturn is not allowed to save files in ${path.dirname(file)}. Close it or choose another folder, and export again.`);
  if (code === 'EROFS') return new UserError('invalid_input', `Outturn is not allowed to save files in ${path.dirname(file)}. Choose a folder you can save files in.`);
  if (code === 'ENOSPC') return new UserError('invalid_input', `There is not enough disk space to save ${file}.`);
  return err;
}

async function launch(exe: string): Promise<Browser> {
  // Loaded only here, so the rest of the command line never waits for it (or needs it).
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new UserError('not_found', 'This installation of Outturn cannot print PDFs: its browser driver (playwright-core) is missing. Reinstall Outturn, or export the workbook without --pdf.');
  }
  try {
    return await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS });
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new UserError('invalid_input', `The browser at ${exe} could not be started to print the PDF (${why}). Set OUTTURN_CHROMIUM to a Chrome or Chromium program.`);
  }
}

export async function exportPackPdf(opts: PackPdfOptions): Promise<{ pages: number | null }> {
  const exe = chromiumPath(opts.chromium);
  if (!fs.existsSync(exe)) {
    throw new UserError('not_found', `No browser to print the PDF with was found at ${exe}. Install Chromium, or set OUTTURN_CHROMIUM to a Chrome or Chromium program.`);
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.period)) throw new UserError('invalid_input', `"${opts.period}" is not a month: write it YYYY-MM, for example 2023-08.`);
  const sections = sectionsOf(opts.sections);
  const file = pdfTarget(opts.out);

  // Read-only: printing never writes, and it works while someone else has the workspace open for editing.
  const session = new AppSession(opts.workspace, { readOnly: true });
  let browser: Browser | null = null;
  let bridge: HttpBridge | null = null;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    requirePeriod(session.ws, opts.period);
    bridge = await startHttpBridge({ handlers: createHandlers(session), staticDir: rendererDir() });
    browser = await launch(exe);
    const page = await browser.newPage();
    // The bridge URL is http://127.0.0.1:PORT/#token=…: the print request joins the same fragment.
    await page.goto(`${bridge.url}&area=print&period=${opts.period}&sections=${sections.join(',')}`);
    // A selector, not waitForFunction: the page's CSP refuses the string evaluation that one polls with.
    await page.waitForSelector('body[data-print-ready]', { state: 'attached', timeout: READY_TIMEOUT_MS });
    const state = (await page.evaluate(`({ ready: document.body.dataset.printReady, header: document.body.dataset.printHeader ?? '', error: document.body.dataset.printError ?? '' })`)) as { ready: string; header: string; error: string };
    if (state.ready !== 'true') throw new Error(`The print view could not lay out the pack: ${state.error}`);

    await page.pdf({
      path: temp,
      format: 'A4',
      landscape: true,
      printBackground: true,
      // The same 12 mm as the print view's @page rule; the header and footer sit in it.
      margin: { top: '12mm', right: '12mm', bottom: '12mm', left: '12mm' },
      displayHeaderFooter: true,
      ...headerFooterTemplates(state.header),
      tagged: true,
      outline: true,
    });
    const pages = countPdfPages(fs.readFileSync(temp));
    // Only a complete PDF replaces the target: a failure above leaves any earlier file as it was.
    fs.renameSync(temp, file);
    return { pages };
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError') throw new Error(`The print view did not finish laying out the pack within ${READY_TIMEOUT_MS / 1000} seconds.`, { cause: err });
    throw friendly(err, file);
  } finally {
    fs.rmSync(temp, { force: true });
    await browser?.close().catch(() => undefined);
    await bridge?.close();
    session.close();
  }
}
