import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';
import { screenshotPath } from '../helpers/screenshots';

const SCREENSHOT = screenshotPath('kad-grid.png');
// Row ids are unique across the body and the pinned total rows (AG Grid 36 DOM).
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('Key Activity Data grid in Chromium against outturn serve', () => {
  it('opens on the demo with the published LDP Residential line', async () => {
    await page.goto(served.url);
    await expect.poll(() => cell(page, 'residential', 'expectedPackages').textContent()).toBe('245');
    expect(await cell(page, 'residential', 'budgetUnitCost').textContent()).toBe('£2,271');
    expect(await cell(page, 'residential', 'annualBudgetK').textContent()).toBe('£28,942k');
    expect(await page.getByTestId('kad-caption').textContent()).toContain('Learning Disability Partnership');
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('names every grid cell by row, column and value', async () => {
    expect(await cell(page, 'residential', 'expectedPackages').getAttribute('aria-label')).toBe('Residential, Expected No. of Care Packages, 245');
    expect(await cell(page, 'residential', 'currentPackages').getAttribute('aria-label')).toBe('Residential, Current Care Packages, 234');
    expect(await cell(page, 'subtotal_accommodation', 'currentPackages').getAttribute('aria-label')).toBe('Accommodation based subtotal, Current Care Packages, 261');
    expect(await page.getByRole('gridcell', { name: 'Residential, Annual Budget, £28,942k' }).count()).toBe(1);
  });

  it('has no serious or critical accessibility violations on the KAD page', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('edits a cell with the keyboard alone, recomputes the subtotal, keeps it after a reload, and undoes it', async () => {
    await cell(page, 'residential', 'currentPackages').focus();
    await page.keyboard.type('240');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('240');
    await expect.poll(() => cell(page, 'subtotal_accommodation', 'currentPackages').textContent()).toBe('267');
    await expect.poll(() => cell(page, 'total_expenditure', 'currentPackages').textContent()).toBe('2,556');

    await page.reload();
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('240');
    expect(await cell(page, 'subtotal_accommodation', 'currentPackages').textContent()).toBe('267');

    await page.locator('body').press('Control+z');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
    await expect.poll(() => cell(page, 'subtotal_accommodation', 'currentPackages').textContent()).toBe('261');
    await page.reload();
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
    await page.locator('body').press('Control+y');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('240');
  });

  it('refuses invalid input in the cell with a message and saves nothing', async () => {
    await cell(page, 'nursing', 'currentUnitCost').focus();
    await page.keyboard.type('4,79x');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('alert').textContent()).toMatch(/Nursing · Current Average Unit Cost \(per week\): "4,79x" is not an amount of money\. Nothing was saved\./);
    await expect.poll(() => cell(page, 'nursing', 'currentUnitCost').getAttribute('aria-invalid')).toBe('true');
    await page.reload();
    await expect.poll(() => cell(page, 'nursing', 'currentUnitCost').textContent()).toBe('£4,792');
    await cell(page, 'residential', 'expectedPackages').focus();
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('alert').textContent()).toMatch(/cannot be/);
    // The refused text stays in the editor to be corrected; Esc gives it up and the saved figure is back.
    expect(await cell(page, 'residential', 'expectedPackages').locator('input').inputValue()).toBe('-5');
    await page.keyboard.press('Escape');
    await expect.poll(() => cell(page, 'residential', 'expectedPackages').textContent()).toBe('245');
  });

  it('shows every page of the nav and passes axe on each, with no CSP violation anywhere', async () => {
    const pages = await page.locator('nav.nav [data-testid^="nav-"]:not([data-testid$="-count"])').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!));
    expect(pages.length).toBeGreaterThan(1);
    for (const nav of [...pages.filter((p) => p !== 'nav-kad'), 'nav-kad']) {
      await page.getByTestId(nav).click();
      expect(await page.getByTestId(nav).getAttribute('aria-current'), nav).toBe('page');
      await expect.poll(async () => (await page.locator('main h1, main h2').count()) > 0).toBe(true);
      expect(await seriousAxeViolations(page), nav).toEqual([]);
    }
    await page.getByTestId('service-picker').locator('[data-service-id="autism"]').click();
    await expect.poll(() => cell(page, 'residential', 'expectedPackages').textContent()).toBe('4');
    expect(await cell(page, 'nursing', 'expectedPackages').getAttribute('aria-disabled')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
