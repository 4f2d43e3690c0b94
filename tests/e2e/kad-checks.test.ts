import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

const BIN = path.resolve(__dirname, '../../bin/outturn.js');
const LDP = 'learning-disability-partnership';
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);
const findingRows = (page: Page, table: string, rule: string) =>
  page.locator(`[data-testid="checks-table"][data-area="kad"][data-table="${table}"] [data-testid="finding"][data-rule="${rule}"]`);

interface CliFinding {
  area: string;
  table: string;
  row: string;
  column: string;
  reported: string | null;
  computed: string | null;
  rule: string;
}

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };
/** What `outturn check --period 2023-08 --json` says about the untouched demo: the panel must say the same. */
let published: CliFinding[];

beforeAll(async () => {
  served = await serveDemo();
  published = JSON.parse(execFileSync(process.execPath, [BIN, 'check', served.file, '--period', '2023-08', '--json'], { encoding: 'utf8' })) as CliFinding[];
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

async function rowCells(row: ReturnType<Page['locator']>): Promise<string[]> {
  // The tick box and the review status are the page's, not the finding's words.
  return row.locator('th, td:not(.findings__tick):not(.findings__status)').allTextContents();
}

describe('Checks, roll forward, settings and help in Chromium against outturn serve', () => {
  it('lists the August 2023 findings the check engine gives, with their count in the nav', async () => {
    await page.goto(served.url);
    await expect.poll(() => cell(page, 'residential', 'expectedPackages').textContent()).toBe('245');
    await expect.poll(async () => (await page.getByTestId('nav-checks-count').textContent())?.trim()).toBe(`(${published.length} findings)`);
    await page.getByTestId('nav-checks').click();
    expect(await page.getByTestId('nav-checks').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByTestId('finding').count()).toBe(published.length);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Checks for August 2023');
    expect(await page.locator('main').textContent()).toContain('Findings are not errors.');

    // The published errors (CHECKS.md), exactly as `outturn check` words them.
    const errors = published.filter((f) => f.area === 'kad' && f.rule === 'reported-total-mismatch');
    expect(errors.map((f) => f.table)).toEqual(expect.arrayContaining(['Adult Mental Health', 'Autism']));
    const amh = await Promise.all((await findingRows(page, 'Adult Mental Health', 'reported-total-mismatch').all()).map(rowCells));
    expect(amh).toContainEqual(['Community based subtotal', 'Current Care Packages', '41', '322']);
    const autism = await Promise.all((await findingRows(page, 'Autism', 'reported-total-mismatch').all()).map(rowCells));
    expect(autism).toContainEqual(['Accommodation based subtotal', 'Current Care Packages', '4', '3']);
    expect([...amh, ...autism]).toEqual(errors.map((f) => [f.row, f.column, f.reported, f.computed]));
    expect(await page.locator('[data-testid="checks-table"][data-table="Autism"] .checks__rule-text').first().textContent()).toMatch(/does not agree with the sum of its lines/);
  });

  it('filters by service and by rule', async () => {
    await page.getByTestId('checks-filter-table').selectOption('Adult Mental Health');
    await page.getByTestId('checks-filter-rule').selectOption('reported-total-mismatch');
    await expect.poll(() => page.getByTestId('finding').count()).toBe(published.filter((f) => f.table === 'Adult Mental Health' && f.rule === 'reported-total-mismatch').length);
    expect(await page.getByTestId('checks-table').count()).toBe(1);
  });

  it('has no serious accessibility violations on the checks page', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('opens the service of a finding in the KAD table', async () => {
    await findingRows(page, 'Adult Mental Health', 'reported-total-mismatch').filter({ hasText: 'Community based subtotal' }).first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('Adult Mental Health');
    expect(await page.getByTestId('nav-kad').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('service-picker').locator('[data-service-id="adult-mental-health"]').getAttribute('aria-pressed')).toBe('true');
  });

  it('rolls August forward to September from the toolbar, carrying the figures', async () => {
    await page.getByTestId('service-picker').locator(`[data-service-id="${LDP}"]`).click();
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
    expect(await page.locator('#period-select option[value="2023-09"]').textContent()).toBe('September 2023 (no data yet)');
    const button = page.getByTestId('roll-forward');
    expect(await button.textContent()).toBe('Roll forward to September 2023');
    await button.click();
    const dialog = page.getByTestId('roll-forward-dialog');
    expect(await dialog.textContent()).toContain('Budget columns are carried; actual figures are copied as a starting point and marked as not yet updated');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('roll-forward-confirm').click();

    await expect.poll(() => page.getByTestId('period-select').inputValue()).toBe('2023-09');
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('September 2023');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
    expect(await cell(page, 'residential', 'expectedPackages').textContent()).toBe('245');
    expect(await page.locator('#period-select option[value="2023-09"]').textContent()).toBe('September 2023');
    expect(await page.locator('#period-select option[value="2023-09"]').getAttribute('data-has-data')).toBe('true');
    expect(await page.getByTestId('status').textContent()).toMatch(/from August 2023 to September 2023/);
    expect(await page.getByTestId('roll-forward').textContent()).toBe('Roll forward to October 2023');
    // September's actuals are as carried: the checks say so.
    await page.getByTestId('nav-checks').click();
    await expect.poll(() => page.locator('[data-testid="finding"][data-rule="actuals-not-updated"]').count()).toBeGreaterThan(0);
  });

  it('saves a threshold that survives a reload', async () => {
    await page.getByTestId('nav-settings').click();
    const movement = page.getByTestId('setting-movementPct');
    await expect.poll(() => movement.inputValue()).toBe('10');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await movement.fill('abc');
    await page.getByTestId('kad-settings-save').click();
    await expect.poll(() => page.getByTestId('kad-settings-alert').textContent()).toBe('Nothing was saved. Movement threshold: "abc" is not a number. Enter a number between 0 and 1,000%, for example 10.');
    await movement.fill('5');
    await page.getByTestId('kad-settings-save').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Key Activity Data settings saved');
    expect(await page.getByTestId('kad-settings-alert').textContent()).toBe('');
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.getByTestId('setting-movementPct').inputValue()).toBe('5');
  });

  it('refuses to retire a type that still holds figures, with the plain message', async () => {
    await expect.poll(() => page.getByTestId('period-select').inputValue()).toBe('2023-09');
    const nursing = page.getByTestId(`type-in-use-${LDP}-nursing`);
    await expect.poll(() => nursing.isChecked()).toBe(true);
    await nursing.click();
    expect(await page.getByTestId('type-dialog-from').inputValue()).toBe('2023-09');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('type-dialog-confirm').click();
    await expect
      .poll(() => page.getByTestId('types-alert').textContent())
      .toBe('Nursing still holds figures for Learning Disability Partnership in September 2023. Clear them first, so that nothing entered is hidden.');
    expect(await nursing.isChecked()).toBe(true);
  });

  it('adds a service and retires its empty type, which the KAD table then greys out', async () => {
    await page.getByTestId('add-service-name').fill('Reablement Pilot');
    await page.getByTestId('add-service-type-homecare').check();
    expect(await page.getByTestId('add-service-from').inputValue()).toBe('2023-09');
    await page.getByTestId('add-service-submit').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Added the service Reablement Pilot from September 2023');
    const homecare = page.getByTestId('type-in-use-reablement-pilot-homecare');
    await expect.poll(() => homecare.isChecked()).toBe(true);
    expect(await page.getByTestId('type-in-use-reablement-pilot-residential').isChecked()).toBe(false);

    await homecare.click();
    await page.getByTestId('type-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Retired Homecare for Reablement Pilot from September 2023');
    await expect.poll(() => homecare.isChecked()).toBe(false);
    expect(await page.getByTestId('types-alert').textContent()).toBe('');

    await page.getByTestId('nav-kad').click();
    await page.getByTestId('service-picker').locator('[data-service-id="reablement-pilot"]').click();
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('Reablement Pilot');
    await expect.poll(() => cell(page, 'homecare', 'currentPackages').getAttribute('aria-disabled')).toBe('true');
  });

  it('documents the formulas, checks and shortcuts on an accessible help page, with no CSP problem anywhere', async () => {
    await page.getByTestId('nav-help').click();
    const text = await page.locator('main').textContent();
    expect(text).toContain('current care packages × current average weekly unit cost × 52.14 weeks ÷ 1,000');
    expect(text).toContain('except Respite');
    expect(text).toContain('Fill down');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
