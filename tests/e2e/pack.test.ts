import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedRagDepartures } from '../helpers/reference';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

const LDP = 'learning-disability-partnership';
const LDP_CAPTION = '5.1 Key activity data at the end of August 2023 for Learning Disability Partnership is shown below:';

async function openPack(): Promise<void> {
  await page.getByTestId('nav-pack').click();
  await page.getByTestId('pack-committee').waitFor();
}

/** Records whether the progress indicator was ever shown, however briefly (a small pack builds in well under a second). */
async function recordProgress(): Promise<void> {
  await page.evaluate(`(() => {
    const seen = (window.__packProgress = []);
    const look = () => {
      const el = document.querySelector('[data-testid="pack-progress"]');
      if (el && el.getClientRects().length) {
        const bar = el.querySelector('progress');
        seen.push({ text: el.textContent, role: bar ? 'progressbar' : null, indeterminate: bar ? !bar.hasAttribute('value') : null, named: bar ? (bar.getAttribute('aria-labelledby') ?? '') : '' });
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true });
  })()`);
}

/** Waits for the print view to say it is laid out (every chart decoded). */
async function printReady(): Promise<void> {
  await page.waitForSelector('body[data-print-ready="true"]', { state: 'attached', timeout: 30_000 });
}

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('Committee pack in Chromium against outturn serve', () => {
  it('opens the pack page with labelled settings, sections and the toolbar month', async () => {
    await page.goto(served.url);
    await openPack();
    expect(await page.getByTestId('nav-pack').getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Committee pack');
    expect(await page.getByLabel('Council name (required)').inputValue()).toBe('Cambridgeshire County Council');
    expect(await page.getByLabel('Committee', { exact: true }).inputValue()).toBe('Adults and Health Committee');
    expect(await page.getByLabel('Meeting date').inputValue()).toBe('2023-10-05');
    expect(await page.getByTestId('pack-month').textContent()).toBe('August 2023');
    expect(await page.getByLabel('Section 5 Key Activity Data').isChecked()).toBe(true);
    expect(await page.getByLabel(/^Contents/).isChecked()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refuses a blank council name in plain English, beside the field', async () => {
    await page.getByLabel('Council name (required)').fill('');
    await page.getByTestId('pack-settings-save').click();
    await expect.poll(() => page.getByTestId('pack-settings-alert').textContent()).toMatch(/^Nothing was saved\. Council name is needed/);
    expect(await page.getByLabel('Council name (required)').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Council name (required)').fill('Cambridgeshire County Council');
  });

  it('saves the settings in the workspace: they are still there after a reload', async () => {
    await page.getByLabel('Committee', { exact: true }).fill('Adults & Health Committee (pack test)');
    await page.getByTestId('pack-settings-save').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Committee pack settings saved');
    expect(await page.getByTestId('pack-settings-alert').textContent()).toBe('');
    await page.reload();
    await openPack();
    await expect.poll(() => page.getByLabel('Committee', { exact: true }).inputValue()).toBe('Adults & Health Committee (pack test)');
  });

  it('exports the workbook as a download, showing progress while it is prepared', async () => {
    await recordProgress();
    // The demo's findings are not reviewed yet: the dialog says so first, and the officer exports anyway.
    await page.getByTestId('pack-export').click();
    const dialog = page.getByTestId('pack-not-ready');
    await dialog.waitFor({ state: 'visible' });
    // With the savings whose published RAG departs from the key (CHECKS.md §7); capital and reserves have none open in August.
    const departures = publishedRagDepartures().length;
    expect(await dialog.locator('li').allTextContents()).toEqual([
      '36 Key Activity Data findings not yet accepted or acknowledged (Checks lists them).',
      '24 Revenue Monitoring findings not yet accepted or acknowledged (Checks lists them).',
      `${departures} Savings Tracker finding${departures === 1 ? '' : 's'} not yet accepted or acknowledged (Checks lists them).`,
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Cancel is focused first: Enter by habit does not export.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Not now');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-export-anyway').click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/August 2023.*\.xlsx$/);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as every .xlsx is
    expect(bytes.length).toBeGreaterThan(10_000);
    await expect.poll(() => page.getByTestId('pack-saved').textContent()).toBe(`Saved ${name}`);
    const seen = (await page.evaluate('window.__packProgress')) as { text: string; role: string | null; indeterminate: boolean | null; named: string }[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toEqual({ text: 'Preparing the committee pack…', role: 'progressbar', indeterminate: true, named: 'pack-progress-text' });
    expect(await page.getByTestId('pack-progress').count()).toBe(0);
  });

  it('opens the print view: the app chrome gone, the tables and charts laid out as published', async () => {
    await page.getByTestId('pack-print').click();
    await page.getByTestId('pack-export-anyway').click();
    await printReady();
    expect(await page.locator('nav.nav').count()).toBe(0);
    expect(await page.locator('header.header').count()).toBe(0);
    expect(await page.title()).toBe('Finance Monitoring Report – August 2023/24');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Finance Monitoring Report – August 2023/24');
    expect(await page.locator('.print-cover').textContent()).toContain('Adults & Health Committee (pack test)');

    const table = page.getByTestId(`print-kad-${LDP}`);
    expect(await table.locator('caption').textContent()).toBe(LDP_CAPTION);
    expect(await table.locator('thead tr').first().locator('th').allTextContents()).toEqual(['Learning Disability Partnership', 'BUDGET', 'ACTUAL (August 2023)', 'Outturn']);
    expect(await table.locator('thead th[scope="col"]').count()).toBe(12); // the service name and the 11 column headers
    const residential = table.locator('tr', { has: page.locator('th[scope="row"]', { hasText: /^~Residential$/ }) });
    expect(await residential.locator('td').allTextContents()).toEqual(['245', '£2,271', '£28,942k', '234', '↔', '£2,289', '↑', '£28,653k', '↓', '-£289k']);
    expect(await table.locator('tr.print-kad__total td').allTextContents()).toContain('£107,714k');
    expect(await table.locator('tr.print-kad__unused').count()).toBeGreaterThan(0);

    const chart = page.getByTestId(`print-chart-${LDP}-accommodation`).locator('img');
    expect(await chart.getAttribute('alt')).toMatch(/^Learning Disability Partnership Bed-Based Weekly Costs & People \(Apr 22 - Aug 23\)\. Bar and line chart/);
    expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('.print-chart img:not([alt])').count()).toBe(0);
    expect(await page.locator('.print-chart img').count()).toBe(12);
    // Appendix 5: each reserve schedule's history chart, its figures in its alt text.
    const histories = page.locator('.print-table-chart img');
    expect(await histories.count()).toBe(2);
    expect(await histories.nth(1).getAttribute('alt')).toMatch(/^5\.3\.2 Reserve history: Public Health, .*Best Start in Life: balance at the end of each month \(£'000\), Apr 23 191, /);
    expect(await histories.nth(1).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('prints from the browser with its running header, added under the CSP nonce and removed afterwards', async () => {
    await page.evaluate(`(() => {
      window.__printed = [];
      window.print = () => window.__printed.push([...document.querySelectorAll('style')].map((s) => s.textContent).join('').includes('Page " counter(page) " of " counter(pages)'));
    })()`);
    await page.getByTestId('print-print').click();
    expect(await page.evaluate('window.__printed')).toEqual([true]);
    await expect.poll(() => page.evaluate(`[...document.querySelectorAll('style')].some((s) => s.textContent.includes('counter(pages)'))`)).toBe(false);
  });

  it('keeps the print view on a reload, and goes back to the pack page', async () => {
    await page.reload();
    await printReady();
    expect(await page.getByTestId(`print-kad-${LDP}`).locator('caption').textContent()).toBe(LDP_CAPTION);
    await page.getByTestId('print-close').click();
    await page.getByTestId('pack-committee').waitFor();
    expect(await page.getByTestId('nav-pack').getAttribute('aria-current')).toBe('page');
  });

  it('opens the print view of chosen sections from its address, as the PDF exporter does', async () => {
    const other = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const otherWatch = watchPage(other);
    try {
      await other.goto(`${served.url}&area=print&period=2023-08&sections=kad`);
      await other.waitForSelector('body[data-print-ready="true"]', { state: 'attached', timeout: 30_000 });
      expect(await other.locator('.print-cover').count()).toBe(0);
      expect(await other.getByRole('heading', { level: 1 }).textContent()).toBe('5. Key Activity Data');
      expect(await other.locator('.print-kad').count()).toBe(6);
      expect(await other.evaluate('document.body.dataset.printHeader')).toBe('Adults & Health Committee (pack test) – Finance Monitoring Report – August 2023/24');
      expect(otherWatch.problems).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('raised no CSP violations or page errors', () => {
    expect(watch.problems).toEqual([]);
  });
});
