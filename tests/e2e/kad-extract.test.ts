import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCsv, HAND_FINDINGS } from '../import-fixtures/care-extract';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

/**
 * An officer drops a care-package extract on the Import page: the preview lists each month and service
 * with the rows it left out, applying writes the figures, and the trend chart spans the months, the
 * grid marking figures as the extract's.
 */
const LDP = 'learning-disability-partnership';
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);

interface PlottedPoint {
  label: string;
  packages: number | null;
}

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };
let dir: string;

beforeAll(async () => {
  served = await serveDemo();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-e2e-extract-'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a care-package extract imported in Chromium', () => {
  it('previews every month and service with the rows left out, and applies them in one step', async () => {
    const file = path.join(dir, 'care-extract.csv');
    fs.writeFileSync(file, extractCsv());
    await page.goto(served.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    const notes = page.getByTestId('import-notes').locator('li');
    expect(await notes.count()).toBe(HAND_FINDINGS.length);
    for (const [i, f] of HAND_FINDINGS.entries()) expect(await notes.nth(i).textContent()).toContain(`Row ${f.row}, package ${f.packageId}: ${f.says}`);
    // By default, April 2022 to the latest month held (August 2023): 17 months of six services.
    expect(await page.getByTestId('import-table').count()).toBe(50);
    expect(await page.locator('[data-testid="import-table"][data-period="2022-04"]').count()).toBe(6);
    expect(await page.locator('[data-testid="import-table"]').first().locator('th').textContent()).toBe('whole file');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-apply-confirm').click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('applied');
    expect(await page.getByTestId('import-message').textContent()).toMatch(/^Import care-extract\.csv: .*\(April 2022, .*August 2023\)$/);
  });

  it('shows the extract’s figures marked with their source, and the trend chart over the seventeen months', async () => {
    await page.getByTestId('nav-kad').click();
    await page.getByTestId('service-picker').locator(`[data-service-id="${LDP}"]`).click();
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('1');
    const marked = cell(page, 'residential', 'currentPackages');
    expect(await marked.locator('.sheet-cell__noted').getAttribute('title')).toMatch(/^computed from the care-package extract care-extract\.csv \(SHA-256 [0-9a-f]{12}…\)$/);
    expect(await marked.getAttribute('aria-label')).toContain('computed from the care-package extract care-extract.csv');
    // Committed full-year spend beside Total spend: £118k, worked out by hand in HAND_EXPECTED.
    expect(await cell(page, 'residential', 'committedK').textContent()).toBe('£118k');

    const chart = page.getByTestId('trend-chart-accommodation');
    await chart.waitFor({ timeout: 20_000 });
    const points = async () => JSON.parse((await chart.getAttribute('data-points')) ?? '[]') as PlottedPoint[];
    await expect.poll(async () => (await points()).length).toBe(17);
    const plotted = await points();
    expect([plotted[0]!.label, plotted[16]!.label]).toEqual(['Apr 22', 'Aug 23']);
    // LDP's bed-based packages: none before PK1 starts in January 2023, then the one (PK9 ran 1 to 15 June only).
    expect(plotted.map((p) => p.packages)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(await chart.getAttribute('aria-label')).toMatch(/\(Apr 22 - Aug 23\)/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });

  it('changes which service a support reason counts under in Settings, and the next import counts it there', async () => {
    await page.getByTestId('nav-settings').click();
    const table = page.getByTestId('mapping-table');
    await table.waitFor({ timeout: 20_000 });
    const row = await page.locator('[data-testid^="mapping-reason-"]').evaluateAll((inputs) => inputs.findIndex((i) => (i as HTMLInputElement).value === 'Mental Health Support'));
    expect(row).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId(`mapping-split-${row}`).isChecked()).toBe(true);
    await page.getByTestId(`mapping-split-${row}`).click();
    await page.getByTestId(`mapping-service-${row}`).selectOption(LDP);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('mapping-save').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Support reason mapping saved: the next care-package extract import uses it');
    expect(await page.getByTestId('mapping-alert').textContent()).toBe('');

    // PK4 (mental health support, open from 1 August at £900) now counts under LDP beside PK1 (£2,205):
    // 2 packages, (2,205 + 900) ÷ 2 = £1,552.50 → £1,553, worked out by hand.
    const file = path.join(dir, 'care-extract-again.csv');
    fs.writeFileSync(file, extractCsv());
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-apply-confirm').click();
    await page.getByTestId('import-outcome').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-kad').click();
    await page.getByTestId('service-picker').locator(`[data-service-id="${LDP}"]`).click();
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('2');
    expect(await cell(page, 'residential', 'currentUnitCost').textContent()).toBe('£1,553');
    expect(watch.problems).toEqual([]);
  });
});
