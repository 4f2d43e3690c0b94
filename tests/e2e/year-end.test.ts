import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

/**
 * The year-end rollover on the Month-end page: each area's offers to carry forward listed with a tick
 * box (the demo's six savings not achieved in full, by hand from the published Quarter 1 tracker as in
 * tests/integration/savings-year-end.test.ts), four unticked, and the rollover carrying only the two
 * left ticked into 2024/25's tracker.
 */
let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };
const api = <T>(method: string, input: unknown) => callApi<T>(served, method, input);

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const UNACHIEVED = ['Adult Social Care Transport', 'Micro-enterprises Support', 'Increased support for carers', 'Expansion of Direct Payments', 'Post hospital discharge reviews', 'Learning Disability mid-cost range placement review'];
const CARRIED = ['Adult Social Care Transport', 'Post hospital discharge reviews'];

describe('the year-end rollover in Chromium against outturn serve', () => {
  it('lists the offers with tick boxes and carries only those left ticked', { timeout: 60_000 }, async () => {
    await page.goto(served.url);
    await page.getByTestId('nav-monthend').click();
    const offers = page.getByTestId('yearend-offer');
    await expect.poll(() => offers.count()).toBe(6);
    const labels = await page.locator('.yearend__offer').allTextContents();
    expect(labels.map((l) => l.trim().replace(/^Adults, Health and Commissioning: /, '').replace(/, -\d+ unachieved$/, ''))).toEqual(UNACHIEVED);
    expect(await page.getByRole('heading', { name: 'Year-end rollover of 2023/24' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (let i = 0; i < 6; i++) {
      const label = labels[i]!;
      if (!CARRIED.some((t) => label.includes(`: ${t},`))) await offers.nth(i).uncheck();
    }
    await page.getByTestId('yearend-roll').click();
    await page.getByTestId('yearend-dialog').getByText('2 of 6 offers will be carried forward.', { exact: false }).waitFor();
    await page.getByTestId('yearend-confirm').click();
    const result = page.getByTestId('yearend-result');
    await result.waitFor();
    expect(await result.locator('li').allTextContents()).toContain(`Savings Tracker: 2 savings carried into 2024/25's tracker as "C/F 23-24 Saving" lines, ${-91 + -155} in all.`);
    const tracker = await api<{ groups: { rows: { bpRef: string; title: string; originalSaving: number }[] }[] }>('savings.tracker', { period: '2024-04' });
    const cf = tracker.groups.flatMap((g) => g.rows).filter((r) => r.bpRef === 'C/F 23-24 Saving');
    expect(cf.map((r) => [r.title, r.originalSaving])).toEqual([
      ['Adult Social Care Transport', -9100],
      ['Post hospital discharge reviews', -15500],
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
