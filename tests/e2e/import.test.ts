import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorkbook } from '../import-fixtures/committee';
import { publishedTables, type PublishedRow } from '../import-fixtures/published';
import { writeBigCommitteeWorkbook } from '../helpers/big-workbook';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

const LDP = 'learning-disability-partnership';
const plain = { asText: true, repeatHeaders: true, stacked: true } as const;
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);

/** The published August tables retitled as September (captions and bands). */
const septemberTables = () => JSON.parse(JSON.stringify(publishedTables()).replace(/August 2023/g, 'September 2023')) as ReturnType<typeof publishedTables>;
const isLdpResidential = (table: number, row: PublishedRow | 'header') => table === 0 && row !== 'header' && row.label === '~Residential';
/** LDP Residential current packages 234 → 240. */
const september = (table: number, row: PublishedRow | 'header', col: number, raw: string) => (isLdpResidential(table, row) && col === 4 ? '240' : raw);
/** …and a typo in a money cell (Budgeted Average Unit Cost). */
const typo = (table: number, row: PublishedRow | 'header', col: number, raw: string) => (isLdpResidential(table, row) && col === 2 ? '£2,27l' : september(table, row, col, raw));

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };
let dir: string;

/** The API as the served page reaches it, for checking what did (not) change. */
async function api<T>(method: string, input: object = {}): Promise<T> {
  const url = new URL(served.url);
  const token = decodeURIComponent(url.hash.replace(/^#token=/, ''));
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-outturn-token': token },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value as T;
}

/** What an import must leave alone when it is refused or cancelled. */
async function snapshot() {
  return {
    audit: await api<unknown[]>('audit.list', { limit: 1000 }),
    ldpAugust: await api<unknown>('kad.table', { period: '2023-08', serviceId: LDP }),
    months: (await api<{ months: { id: string; areas: string[] }[] }>('periods.list')).months,
    backups: await api<unknown[]>('backups.list'),
  };
}

async function startImport(file: string, opts: { period?: string } = {}) {
  await page.getByTestId('import-file').setInputFiles(file);
  if (opts.period) await page.getByTestId('import-period').selectOption(opts.period);
  await page.getByTestId('import-start').click();
}

/** Records every progress text the page shows, however briefly (a small file is read in well under a second). */
async function recordProgress(): Promise<void> {
  await page.evaluate(`(() => {
    const seen = (window.__progressSeen = []);
    const look = () => {
      for (const el of document.querySelectorAll('[data-testid="import-upload"], [data-testid="import-progress"]')) {
        const bar = el.querySelector('progress');
        seen.push({ id: el.getAttribute('data-testid'), role: bar ? bar.matches('progress') && bar.getAttribute('aria-valuetext') : null, text: el.textContent });
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
}

async function progressSeen(): Promise<{ id: string; role: string | null; text: string }[]> {
  return (await page.evaluate('window.__progressSeen')) as { id: string; role: string | null; text: string }[];
}

beforeAll(async () => {
  served = await serveDemo();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-e2e-import-'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Import and backups in Chromium against outturn serve', () => {
  it('opens the import page with a labelled file chooser and month choice', async () => {
    await page.goto(served.url);
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
    await page.getByTestId('nav-import').click();
    expect(await page.getByTestId('nav-import').getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Import');
    expect(await page.getByLabel('Workbook or CSV file').getAttribute('accept')).toBe('.xlsx,.csv');
    expect(await page.getByTestId('import-period').inputValue()).toBe('');
    expect(await page.getByTestId('import-period').locator('option').first().textContent()).toBe('As the file says');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('downloads the August template filled with its figures', async () => {
    const button = page.getByTestId('template-filled');
    expect(await button.textContent()).toBe('Download the template for August 2023 filled with August 2023’s figures');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Outturn template August 2023.xlsx');
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => page.getByTestId('template-saved').textContent()).toBe('Downloading Outturn template August 2023.xlsx.');
  });

  it('refuses a file with a typo in a money cell, listing the cell, and changes nothing', async () => {
    const before = await snapshot();
    const file = path.join(dir, 'typo.xlsx');
    fs.writeFileSync(file, await buildCommitteeWorkbook(septemberTables(), { ...plain, edit: typo }));
    await startImport(file);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.getByRole('alert').getByRole('heading').textContent()).toBe('Import refused');
    expect(await page.getByTestId('import-message').textContent()).toMatch(/^typo\.xlsx was not imported: 1 problem to fix first\. Nothing was changed\.$/);
    const problems = page.getByTestId('import-problem');
    expect(await problems.count()).toBe(1);
    expect(await problems.first().getAttribute('data-problem')).toMatch(/^Key Activity Data!C\d+: "£2,27l" is not an amount of money$/);
    const cells = await problems.first().locator('th, td').allTextContents();
    expect(cells[0]).toMatch(/^Key Activity Data!C\d+$/);
    expect(cells.slice(1)).toEqual(['£2,27l', 'Is not an amount of money']);
    // Focus moves to the result, so a screen reader starts there.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('import-result-title');
    expect(await page.getByTestId('import-problems-more').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('takes a file dropped on the zone, and refuses one that is not a workbook whatever its name', async () => {
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(33).map((_, i) => (i * 37) % 256)], 'notes.xlsx', { type: 'application/octet-stream' }));
      document.querySelector('[data-testid="import-drop"]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => page.getByTestId('import-chosen').textContent()).toBe('notes.xlsx (33 bytes)');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-refused').waitFor();
    expect(await page.getByTestId('import-problem').first().getAttribute('data-problem')).toMatch(/^The file: is not an Excel workbook/);
    expect(await page.getByTestId('import-problem').first().locator('th').textContent()).toBe('The file');
  });

  it('cancels a large import while it is being read: no row, audit entry, month or backup changes', { timeout: 240_000 }, async () => {
    const file = path.join(dir, 'big.xlsx');
    await writeBigCommitteeWorkbook(file, 200_000);
    const before = await snapshot();
    await startImport(file);
    const progress = page.getByTestId('import-progress');
    // Rows are being read and the bar says so, with an estimate once the sheet's size is known.
    await expect.poll(async () => Number((await progress.getAttribute('data-rows-read', { timeout: 120_000 })) ?? 0), { timeout: 120_000 }).toBeGreaterThan(0);
    const bar = page.getByRole('progressbar', { name: 'Reading big.xlsx' });
    expect(await bar.count()).toBe(1);
    expect(await page.getByTestId('import-progress-text').textContent()).toMatch(/^[\d,]+ (of about [\d,]+ )?rows? read( — about \d+ (s|min) left)?$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Still reading: the cancel must interrupt the read, not discard a finished one.
    expect(await progress.count()).toBe(1);
    await page.getByTestId('import-cancel').click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('cancelled');
    expect(await page.getByTestId('import-message').textContent()).toBe('Import cancelled: nothing was changed.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('imports a September committee workbook through the preview, with progress, a backup and the figures in KAD', async () => {
    const file = path.join(dir, 'september.xlsx');
    fs.writeFileSync(file, await buildCommitteeWorkbook(septemberTables(), { ...plain, edit: september }));
    await recordProgress();
    await startImport(file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // The file was sent and read behind a progress bar with the rows read.
    const seen = await progressSeen();
    expect(seen.some((s) => s.role !== null && /sent|rows? read/.test(s.text))).toBe(true);
    expect(await preview.textContent()).toMatch(/\d+ rows read/);

    expect(await page.getByTestId('import-table').count()).toBe(6);
    const ldp = page.locator(`[data-testid="import-table"][data-subject-id="${LDP}"]`);
    expect(await ldp.getAttribute('data-period')).toBe('2023-09');
    expect(await ldp.textContent()).toContain('new month');
    expect(await ldp.textContent()).not.toContain('new service');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await ldp.getByTestId('import-table-toggle').click();
    expect(await ldp.getByTestId('import-table-toggle').getAttribute('aria-expanded')).toBe('true');
    const lines = page.getByTestId('import-lines');
    // A new month is previewed against the month as rolling forward will make it: August's figures carried,
    // so the one figure the file changes is the only changed line, and no line is new.
    expect(await lines.getByTestId('import-lines-changed').getAttribute('aria-pressed')).toBe('true');
    const residential = lines.locator('[data-testid="import-line"][data-line-key="residential"]');
    await expect.poll(() => residential.locator('[data-field="currentPackages"]').textContent()).toMatch(/^Current Care Packages \(Key Activity Data!E\d+\): 234 → 240$/);
    expect(await residential.getAttribute('data-status')).toBe('changed');
    expect(await lines.getByTestId('import-line').count()).toBe(1);
    await lines.getByTestId('import-lines-new').click();
    await expect.poll(() => lines.locator('caption').textContent()).toBe('New lines of Learning Disability Partnership, September 2023: none');
    await lines.getByTestId('import-lines-all').click();
    const all = Number(/\((\d+)\)/.exec((await lines.getByTestId('import-lines-all').textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(5);
    await expect.poll(() => lines.getByTestId('import-line').count()).toBe(all);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId('import-apply').click();
    const dialog = page.getByTestId('import-apply-dialog');
    expect(await dialog.textContent()).toContain('Outturn backs up the workspace first; everything is imported in one step, or nothing');
    expect(await dialog.textContent()).toContain('Creates September 2023 by rolling forward');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('import-apply-confirm').click();

    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('applied');
    expect(await page.getByTestId('import-message').textContent()).toMatch(/^Import september\.xlsx: .*\(September 2023\)$/);
    expect(await page.getByTestId('import-backup').textContent()).toMatch(/backed up first, as \S+before-import-of-september-xlsx\.db\./);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('import-result-title');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('[data-testid="import-open"][data-period="2023-09"]').click();
    expect(await page.getByTestId('nav-kad').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByTestId('period-select').inputValue()).toBe('2023-09');
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('September 2023');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('240');
  });

  it('says there is nothing to import when the same file comes again', async () => {
    const before = await snapshot();
    await page.getByTestId('nav-import').click();
    await startImport(path.join(dir, 'september.xlsx'));
    // Outturn sees there is nothing to change as soon as the file is read: no preview, no Apply.
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('nothing-to-do');
    expect(await outcome.getByRole('heading').textContent()).toBe('Nothing to import');
    expect(await page.getByTestId('import-message').textContent()).toBe('Nothing to import: every figure in september.xlsx already matches this workspace.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('lists the backup taken before the import and restores it: September is empty again', async () => {
    await page.getByTestId('nav-backups').click();
    const rows = page.getByTestId('backup');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe('Before import of september.xlsx');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await rows.first().getByTestId('backup-restore').click();
    const dialog = page.getByTestId('restore-dialog');
    expect(await dialog.textContent()).toContain('Outturn first backs up the workspace as it is now');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('restore-confirm').click();
    await expect.poll(() => page.getByTestId('backups-done').textContent()).toMatch(/^Restored the backup taken /);
    // The state just before the restore is kept as the newest backup.
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().locator('td').first().textContent()).toMatch(/^Before restoring the backup taken \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    await expect.poll(() => page.locator('#period-select option[value="2023-09"]').textContent()).toBe('September 2023 (no data yet)');
    expect((await api<{ lines: unknown[] }>('kad.table', { period: '2023-09', serviceId: LDP })).lines).toEqual([]);

    await page.getByTestId('nav-kad').click();
    await page.getByTestId('period-select').selectOption('2023-09');
    await page.getByTestId('kad-empty').waitFor();
    await page.getByTestId('period-select').selectOption('2023-08');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
  });

  it('opens Backups from #area=backups, beside the access token and later from the menu', async () => {
    // A fresh load: the area survives the token being taken out of the address, which then names the page and month only.
    await page.goto('about:blank');
    await page.goto(`${served.url}&area=backups`);
    await expect.poll(() => page.getByTestId('nav-backups').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => new URL(page.url()).hash).toBe('#area=backups&period=2023-08');
    // Later, as the Electron menu does it: only the fragment changes.
    await page.getByTestId('nav-kad').click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#area=kad&period=2023-08&service=${LDP}`);
    await page.evaluate(`window.location.hash = 'area=backups'`);
    await expect.poll(() => page.getByTestId('nav-backups').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => new URL(page.url()).hash).toBe('#area=backups&period=2023-08');
    expect(page.url()).not.toContain('token=');
    expect(watch.problems).toEqual([]);
  });
});
