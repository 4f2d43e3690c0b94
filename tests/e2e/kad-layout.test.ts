import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';
import { scrollProblems, textFitProblems } from './layout-probe';

// The six services of the demo, as the service picker names them.
const SERVICES = [
  'learning-disability-partnership',
  'older-people-physical-disability-over-65',
  'physical-disabilities-under-65',
  'older-people-mental-health',
  'adult-mental-health',
  'autism',
];
// Every column the KAD grid shows, in order: with column virtualisation off each one is in the DOM.
const COLUMNS = ['label', 'expectedPackages', 'budgetUnitCost', 'annualBudgetK', 'currentPackages', 'packagesDot', 'currentUnitCost', 'unitCostDot', 'totalSpendK', 'outturnDot', 'varianceK', 'runRateK', 'runRateVsBudgetK', 'runRateVsOutturnK'];
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
];
const GRID = '[data-testid="kad-grid"]';

let served: Served;
let browser: Browser;

const api = <T>(method: string, input: unknown) => callApi<T>(served, method, input);

/** The columns in the header and in every row, in displayed order. */
function renderedColumns(grid: string): { header: string[]; rowsMissing: string[] } {
  const root = document.querySelector(grid)!;
  const header = [...root.querySelectorAll('.ag-header-cell[col-id]')].sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left).map((h) => h.getAttribute('col-id')!);
  const rowsMissing: string[] = [];
  for (const row of root.querySelectorAll('.ag-row[row-id]')) {
    const ids = new Set([...row.querySelectorAll('.ag-cell[col-id]')].map((c) => c.getAttribute('col-id')));
    for (const id of header) if (!ids.has(id)) rowsMissing.push(`${row.getAttribute('row-id')} · ${id}`);
  }
  return { header, rowsMissing };
}

async function showService(page: Page, serviceId: string): Promise<void> {
  const name = (await page.locator(`[data-service-id="${serviceId}"]`).textContent())!;
  await page.locator(`[data-service-id="${serviceId}"]`).click();
  // The band over the labels names the service of the table on screen (the region's label changes first,
  // while the old table is still shown).
  await expect.poll(async () => (await page.locator(`${GRID} .ag-header-group-cell.sheet-band--start`).textContent())?.trim()).toBe(name.trim());
  await page.locator(`${GRID} [role="row"][row-id="total_expenditure"] [col-id="totalSpendK"]`).waitFor();
  // Column widths follow the table's own figures: let the grid settle before measuring.
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  // September holds carried-forward actuals (the c/f mark) and computed arrows; August the published ones.
  await api('periods.rollForward', { fromPeriod: '2023-08' });
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('KAD grid layout in Chromium: nothing cut off, headers split only between words, labels pinned', () => {
  for (const viewport of VIEWPORTS) {
    for (const month of ['2023-08', '2023-09']) {
      it(`shows every figure, total, label and header whole at ${viewport.width}×${viewport.height}, ${month}, all six services`, async () => {
        const page = await browser.newPage({ viewport });
        const watch = watchPage(page);
        try {
          await page.goto(served.url);
          await page.getByTestId('period-select').selectOption(month);
          const problems: string[] = [];
          for (const service of SERVICES) {
            await showService(page, service);
            const columns = await page.evaluate(renderedColumns, GRID);
            // The demo's August holds its care-package extract's figures: Committed (extract) follows Variance.
            expect(columns.header, service).toEqual(month === '2023-08' ? [...COLUMNS.slice(0, 11), 'committedK', ...COLUMNS.slice(11)] : COLUMNS);
            expect(columns.rowsMissing, service).toEqual([]);
            for (const p of await page.evaluate(textFitProblems, GRID)) problems.push(`${service}: ${p}`);
            for (const p of await page.evaluate(scrollProblems, GRID)) problems.push(`${service}: ${p}`);
          }
          expect(problems).toEqual([]);
          expect(await seriousAxeViolations(page)).toEqual([]);
          expect(watch.problems).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('scrolls itself sideways in a narrow window (1024×768), the row labels pinned and no row covered', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    try {
      await page.goto(served.url);
      await page.getByTestId('period-select').selectOption('2023-09');
      const problems: string[] = [];
      for (const service of SERVICES) {
        await showService(page, service);
        // Too narrow for the whole table: the grid's own viewport must be the thing that scrolls.
        const overflow = await page.locator(`${GRID} .ag-grid-viewport`).evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(overflow, service).toBeGreaterThan(0);
        for (const p of await page.evaluate(textFitProblems, GRID)) problems.push(`${service}: ${p}`);
        for (const p of await page.evaluate(scrollProblems, GRID)) problems.push(`${service}: ${p}`);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
