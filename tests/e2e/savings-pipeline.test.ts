import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

/**
 * The savings pipeline page: a proposal recorded as a business case summarises it (a wrongly written
 * saving refused with the reason and nothing recorded), shown in the grid, then the 2024/25 plan agreed:
 * the proposal becomes a line of that year's tracker in one audited, undoable step, and the page says so.
 */
let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };
const api = <T>(method: string, input: unknown) => callApi<T>(served, method, input);
type AuditRow = { entity: string; field: string | null; newValue: string | null; channel: string };

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

describe('Savings pipeline page in Chromium against outturn serve', () => {
  it('records a proposal, refusing a saving it cannot read', async () => {
    await page.goto(served.url);
    await page.getByTestId('nav-savings-pipeline').click();
    await expect.poll(() => page.getByTestId('pipeline-empty').textContent()).toBe('No proposals are recorded yet.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('pipeline-directorate').selectOption({ label: 'Public Health' });
    await page.getByTestId('pipeline-bpref').fill('B/R.6.210');
    await page.getByTestId('pipeline-title').fill('Healthy schools contract re-let');
    await page.getByTestId('pipeline-officer').fill('Priya Patel');
    await page.getByTestId('pipeline-savings').fill('2024-25 -£4OOk');
    await page.getByTestId('pipeline-fye').fill('-£600k');
    await page.getByTestId('pipeline-record').click();
    await expect.poll(() => page.getByTestId('pipeline-form-error').textContent()).toBe('Savings by year: "2024-25 -£4OOk" "-£4OOk" is not an amount of money (write it "-£400k" or "-400").');
    expect(await api<unknown[]>('savings.proposals', {})).toEqual([]);

    await page.getByTestId('pipeline-savings').fill('2024-25 -£400k / 2025-26 -£200k');
    await page.getByTestId('pipeline-record').click();
    await expect.poll(() => page.getByTestId('pipeline-message').textContent()).toBe('Recorded the proposal B/R.6.210 Healthy schools contract re-let (2024-25 -400 / 2025-26 -200).');
    const row = page.locator('[role="row"]', { hasText: 'Healthy schools contract re-let' }).last();
    await expect.poll(() => row.locator('[col-id="status"]').textContent()).toBe('Proposed');
    expect(await row.locator('[col-id="year:2024-25"]').textContent()).toBe('-400');
    expect(await row.locator('[col-id="year:2025-26"]').textContent()).toBe('-200');
    const total = page.locator('[role="row"][row-id="pipeline_total"]');
    expect(await total.locator('[col-id="year:2024-25"]').textContent()).toBe('-400');
    expect(await total.locator('[col-id="fullYearEffect"]').textContent()).toBe('-600');
    expect(await row.locator('[col-id="fullYearEffect"]').textContent()).toBe('-600');
    expect(await row.locator('[col-id="directorate"]').textContent()).toBe('Public Health');
    const proposals = await api<{ bpRef: string; savings: { year: string; amount: number }[]; fullYearEffect: number; responsibleOfficer: string; status: string }[]>('savings.proposals', {});
    expect(proposals).toMatchObject([{ bpRef: 'B/R.6.210', savings: [{ year: '2024-25', amount: -40000 }, { year: '2025-26', amount: -20000 }], fullYearEffect: -60000, responsibleOfficer: 'Priya Patel', status: 'proposed' }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('agrees the 2024/25 plan: the proposal becomes a tracker line in one audited, undoable step', async () => {
    expect(await page.getByTestId('pipeline-year').inputValue()).toBe('2024-25');
    await page.getByTestId('pipeline-agree').click();
    await expect.poll(() => page.getByTestId('pipeline-message').textContent()).toBe(
      'Agreed the 2024/25 Business Plan: 1 proposed saving added to its tracker (B/R.6.210 Healthy schools contract re-let). Undo takes them out again.',
    );
    const row = page.locator('[role="row"]', { hasText: 'Healthy schools contract re-let' }).last();
    await expect.poll(() => row.locator('[col-id="status"]').textContent()).toBe('Agreed: a tracker line');
    // 2025-26's saving is agreed with the same proposal: nothing is left to agree.
    expect(await page.getByTestId('pipeline-nothing-to-agree').textContent()).toBe('Every proposal is agreed: record new ones above.');
    const history = await api<{ undoLabel: string }>('history.state', {});
    expect(history.undoLabel).toBe('Agree the 2024/25 Business Plan: 1 proposed saving added to its tracker');
    const audit = await api<AuditRow[]>('audit.list', { limit: 50 });
    const line = audit.filter((a) => a.entity === 'savings_line' && a.channel === 'grid').map((a) => `${a.field}=${a.newValue}`);
    expect(line).toEqual(expect.arrayContaining(['bp_ref=B/R.6.210', 'title=Healthy schools contract re-let', 'owner=Priya Patel', 'original_saving=-40000', 'financial_year=2024-25']));
    // Newest first: agreed by this step, proposed when it was recorded.
    expect(audit.filter((a) => a.entity === 'savings_proposal' && a.field === 'status').map((a) => a.newValue)).toEqual(['agreed', 'proposed']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
