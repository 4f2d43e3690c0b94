import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';
import { screenshotPath } from '../helpers/screenshots';

const SCREENSHOT = screenshotPath('kad-trends.png');
const LDP = 'learning-disability-partnership';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface PlottedPoint {
  period: string;
  label: string;
  packages: number | null;
  unitCost: number | null;
}

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

/** Calls the served API as the page does: POST /api/<method> with the per-run token. */
async function api(method: string, input: unknown): Promise<unknown> {
  const url = new URL(served.url);
  const token = decodeURIComponent(/token=([^&]+)/.exec(url.hash)![1]!);
  const base = `${url.origin}${url.pathname}`;
  const res = await fetch(`${base}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-outturn-token': token },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value;
}

const points = async (group: 'accommodation' | 'community'): Promise<PlottedPoint[]> =>
  JSON.parse((await page.getByTestId(`trend-chart-${group}`).getAttribute('data-points')) ?? '[]') as PlottedPoint[];

beforeAll(async () => {
  served = await serveDemo();
  // Three months after the published August, each with an edit of its own.
  const edits: [string, number][] = [
    ['2023-09', 25000], // Residential packages 234 -> 250: the bed-based subtotal goes from 261 to 277.
    ['2023-10', 24000],
    ['2023-11', 24500],
  ];
  let from = '2023-08';
  for (const [period, residential] of edits) {
    await api('periods.rollForward', { fromPeriod: from });
    await api('kad.setCell', { period, serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: residential });
    await api('kad.setCell', { period, serviceId: LDP, lineKey: 'supported_living', field: 'currentUnitCost', value: 180000 + (residential - 24000) * 10 });
    from = period;
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1100 }, acceptDownloads: true });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('KAD trend charts in Chromium after rolling forward three months', () => {
  it('shows a bar per month, the demo extract’s April 2022 to July 2023 then August to November, with the edited values plotted', async () => {
    await page.goto(served.url);
    await page.getByTestId('service-picker').locator(`[data-service-id="${LDP}"]`).click();
    const chart = page.getByTestId('trend-chart-accommodation');
    await chart.waitFor({ timeout: 20_000 }).catch(() => {
      throw new Error('No trend chart on the KAD page: is <KadTrendCharts> mounted under the grid in renderer/src/areas/kad/KadPage.tsx?');
    });
    // The FMR's span: from the April a year before the financial year began.
    await expect.poll(async () => (await points('accommodation')).length).toBe(20);
    const acc = await points('accommodation');
    expect(acc.map((p) => p.label).slice(-4)).toEqual(['Aug 23', 'Sep 23', 'Oct 23', 'Nov 23']);
    expect(acc[0]!.label).toBe('Apr 22');
    // Published August subtotal 261; September 261 - 234 + 250.
    expect(acc.map((p) => p.packages).slice(-4)).toEqual([261, 277, 267, 272]);
    expect(acc[16]!.unitCost).toBeGreaterThan(2000);
    const community = await points('community');
    expect(community).toHaveLength(20);
    expect(community.every((p) => p.packages !== null && p.unitCost !== null)).toBe(true);
    expect(await page.getByTestId('trend-chart-community').getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/Bed-Based Weekly Costs & People \(Apr 22 - Nov 23\)\..*Packages rose from [\d,]+ to 272 between April 2022 and November 2023/);
    // The charts are drawn: a canvas of the wrapper's size.
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
  });

  it('lists the plotted values in an accessible table under "Show data"', async () => {
    const details = page.getByTestId('trend-data-accommodation');
    await details.locator('summary').click();
    const rows = details.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(20);
    expect(await rows.nth(17).locator('th').textContent()).toBe('September 2023');
    expect(await rows.nth(17).locator('td').first().textContent()).toBe('277');
    await page.getByTestId('kad-trends').scrollIntoViewIfNeeded();
    await page.getByTestId('kad-trends').screenshot({ path: SCREENSHOT });
  });

  it('has no serious or critical accessibility violations, with the data table open', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('trend-data-accommodation').locator('summary').click();
  });

  it('draws its tooltip on the canvas without tripping the CSP', async () => {
    const box = (await page.getByTestId('trend-chart-accommodation').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.6);
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await page.mouse.move(0, 0);
    expect(watch.problems).toEqual([]);
  });

  it('downloads the chart as a PNG named for the service, group and range', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trend-download-accommodation').click()]);
    expect(download.suggestedFilename()).toBe(`${LDP}-accommodation-2022-04-to-2023-11.png`);
    const file = await download.path();
    const png = fs.readFileSync(file);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // pixelRatio 2: twice the on-screen width.
    const box = (await page.getByTestId('trend-chart-accommodation').boundingBox())!;
    expect(Math.abs(png.readUInt32BE(16) - 2 * Math.round(box.width))).toBeLessThanOrEqual(4);
  });

  it('refetches when the range changes, and shows the months chosen', async () => {
    await page.getByTestId('kad-trends').getByLabel('From', { exact: true }).selectOption('2023-09');
    await expect.poll(async () => (await points('accommodation')).map((p) => p.label)).toEqual(['Sep 23', 'Oct 23', 'Nov 23']);
    await page.getByTestId('kad-trends').getByLabel('To', { exact: true }).selectOption('2023-10');
    await expect.poll(async () => (await points('community')).map((p) => p.label)).toEqual(['Sep 23', 'Oct 23']);
    expect(await page.getByTestId('trend-chart-accommodation').getAttribute('aria-label')).toMatch(/\(Sep 23 - Oct 23\)/);
    await page.getByTestId('kad-trends').getByLabel('To', { exact: true }).selectOption('2023-08');
    await expect.poll(() => page.getByTestId('kad-trends').getByRole('alert').textContent()).toMatch(/starts \(September 2023\) after it ends \(August 2023\)/);
    expect(watch.problems).toEqual([]);
  });
});
