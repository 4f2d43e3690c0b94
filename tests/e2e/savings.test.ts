import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';
import { screenshotPath } from '../helpers/screenshots';

const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);
const LDP = '2023-24-ahc-4';

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('Savings Tracker page in Chromium against outturn serve', () => {
  it('shows both published Quarter 1 trackers with RAG words filled in their colours', async () => {
    await page.goto(served.url);
    await page.getByTestId('nav-savings').click();
    await expect.poll(() => page.getByTestId('savings-caption').textContent()).toBe('Quarter 1 2023/24 (published in August 2023)');
    await expect.poll(() => cell(page, '2023-24-ahc-1', 'rag').textContent()).toBe('Black');
    expect(await cell(page, '2023-24-ahc-1', 'originalSaving').textContent()).toBe('-91');
    expect(await cell(page, '2023-24-ahc-9', 'rag').textContent()).toBe('Blue');
    expect(await cell(page, '2023-24-ahc-9', 'pctVariance').textContent()).toBe('-16%');
    expect(await cell(page, '2023-24-ph-2', 'rag').textContent()).toBe('Green');
    // LDP Pooled Budget Rebaselining: Green by the key, Amber as published (CHECKS.md §7).
    expect(await cell(page, LDP, 'rag').textContent()).toBe('Green');
    expect(await cell(page, LDP, 'reportedRag').textContent()).toBe('Amber');
    expect(await cell(page, 'total_ahc', 'originalSaving').textContent()).toBe('-3,853');
    expect(await cell(page, 'total_ahc', 'variance').textContent()).toBe('509');
    expect(await cell(page, 'total_ph', 'forecastSaving').textContent()).toBe('-281');
    const colours = await page.evaluate(`(() => {
      const bg = (row) => getComputedStyle(document.querySelector('[role="row"][row-id="' + row + '"] [col-id="rag"]')).backgroundColor;
      return { black: bg('2023-24-ahc-1'), amber: bg('2023-24-ahc-2'), green: bg('2023-24-ahc-5'), blue: bg('2023-24-ahc-9') };
    })()`);
    expect(colours).toEqual({ black: 'rgb(0, 0, 0)', amber: 'rgb(255, 192, 0)', green: 'rgb(0, 176, 80)', blue: 'rgb(0, 112, 192)' });
    expect(await page.getByTestId('savings-key').textContent()).toContain('Underachieving by 14% to 19%');
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('takes an officer\'s RAG only with a reason, and marks it', async () => {
    await page.getByTestId('savings-line').selectOption(LDP);
    await page.locator('#savings-rag').selectOption('Amber');
    await page.getByRole('button', { name: 'Save RAG' }).click();
    await expect.poll(() => page.getByTestId('savings-editor-error').textContent()).toMatch(/Give the reason for setting Learning Disability Partnership Pooled Budget Rebaselining to Amber/);
    expect(await cell(page, LDP, 'rag').textContent()).toBe('Green');
    await page.locator('#savings-reason').fill('Later years at risk until the pool review is done');
    await page.getByRole('button', { name: 'Save RAG' }).click();
    await expect.poll(() => cell(page, LDP, 'rag').textContent()).toBe('Amber (override)');
    expect(await cell(page, LDP, 'ruleRag').textContent()).toBe('Green');
    expect(await page.getByTestId('savings-overrides').textContent()).toContain('Reason: Later years at risk until the pool review is done');
    await page.reload();
    await expect.poll(() => cell(page, LDP, 'rag').textContent()).toBe('Amber (override)');
    await page.screenshot({ path: screenshotPath('savings-tracker.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('prints Appendix 4 in the print view with the RAG words, their colours and the override marked', async () => {
    const print = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    try {
      await print.goto(`${served.url}&area=print&period=2023-08&sections=savings`);
      await print.waitForSelector('body[data-print-ready="true"]', { state: 'attached', timeout: 30_000 });
      expect(await print.getByRole('heading', { level: 1 }).textContent()).toBe('Appendix 4 – Savings Tracker');
      expect(await print.getByTestId(`print-rag-${LDP}`).textContent()).toBe('Amber (override)');
      expect(await print.getByTestId('print-rag-2023-24-ahc-1').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
      expect(await print.getByTestId('print-savings-overrides').textContent()).toContain('Reason: Later years at risk until the pool review is done');
      expect(await seriousAxeViolations(print)).toEqual([]);
    } finally {
      await print.close();
    }
  });

  it('edits a forecast in the grid, re-rates it and re-adds the total', async () => {
    await cell(page, '2023-24-ahc-5', 'forecastSaving').focus();
    await page.keyboard.type('-100');
    await page.keyboard.press('Enter');
    // -154 planned, -100 forecast: 54 short, 35% of £154k: Amber in the £100–500k band.
    await expect.poll(() => cell(page, '2023-24-ahc-5', 'rag').textContent()).toBe('Amber');
    expect(await cell(page, 'total_ahc', 'forecastSaving').textContent()).toBe('-3,290');
    expect(watch.problems).toEqual([]);
  });
});
