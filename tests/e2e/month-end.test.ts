import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchBrowser, seriousAxeViolations, serveDemo, serveFile, watchPage, type Served } from './harness';

/**
 * The month-end in the app, as two officers: alice corrects a figure, checks its history, clears the
 * Checks and marks August ready (and cannot sign it off herself); bob, in his own session, signs it off,
 * which closes it; the KAD and revenue pages then refuse an edit, naming bob. The Backups page marks the month-end
 * backup, shows a damaged one as damaged, and asks for a reason before a restore that reopens August.
 */
const PSW = 'ahc:principal-social-worker';
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

const api = <T>(method: string, input: unknown) => callApi<T>(served, method, input);

async function openMonthEnd(): Promise<void> {
  await page.getByTestId('nav-monthend').click();
  await page.getByTestId('monthend-status').waitFor();
}

beforeAll(async () => {
  served = await serveDemo({ user: 'alice', keep: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  watch = watchPage(page);
  await page.goto(served.url);
  await cell(page, 'residential', 'currentPackages').filter({ hasText: '234' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (served) fs.rmSync(served.dir, { recursive: true, force: true });
});

describe('the preparer (alice)', () => {
  it('shows a cell’s history in a side panel, from the right-click menu and from Ctrl+Shift+H', async () => {
    await cell(page, 'residential', 'currentPackages').focus();
    await page.keyboard.type('240');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent(), { timeout: 10_000 }).toBe('240');
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('Saved');

    await cell(page, 'residential', 'currentPackages').click({ button: 'right' });
    await page.getByTestId('cell-menu-history').click();
    const panel = page.getByTestId('cell-history');
    await expect.poll(() => panel.getByTestId('cell-history-change').count(), { timeout: 10_000 }).toBe(2);
    expect(await panel.locator('h2').textContent()).toBe('History of Residential · Current Care Packages');
    const newest = panel.getByTestId('cell-history-change').first();
    expect(await newest.textContent()).toMatch(/^234 → 240.*, by alice on .+Typed in the appLearning Disability Partnership Residential, Current Care Packages: 234 → 240 \(August 2023\)$/);
    expect(await panel.getByTestId('cell-history-how').last().textContent()).toBe('Workspace set-up');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
    // The keyboard way, on a cell of another column; a computed total has no history of its own.
    await cell(page, 'residential', 'annualBudgetK').click();
    await page.keyboard.press('Control+Shift+H');
    await expect.poll(() => page.getByTestId('cell-history-change').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('cell-history-change').textContent()).toMatch(/^blank → £28,942k/);
    await page.getByTestId('cell-history-close').click();
  });

  it('lists what blocks marking the month ready, then marks it ready, and is refused as its reviewer by name', async () => {
    await openMonthEnd();
    expect(await page.getByTestId('monthend-status').textContent()).toBe('Open');
    expect(await page.getByTestId('monthend-blockers').textContent()).toMatch(/findings are neither resolved nor acknowledged.+Key Activity Data: \d+/);
    expect(await page.getByTestId('monthend-ready').isDisabled()).toBe(true);
    expect(await page.getByTestId('monthend-why-ready').textContent()).toMatch(/^August 2023 cannot be marked ready for review: \d+ findings are not yet resolved or acknowledged/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('monthend-open-checks').click();
    expect(await page.getByTestId('nav-checks').getAttribute('aria-current')).toBe('page');

    // The preparer acknowledges every finding (the Checks page's own review is tested with the checks).
    const findings = await api<{ period: string }[]>('checks.list', { period: '2023-08' });
    await api('checks.review', { period: '2023-08', findings, status: 'acknowledged', note: 'Checked against the published report' });
    await openMonthEnd();
    await expect.poll(() => page.getByTestId('monthend-ready').isDisabled()).toBe(false);
    await page.getByTestId('monthend-ready').click();
    await expect.poll(() => page.getByTestId('monthend-status').textContent()).toBe('Ready for review');
    expect(await page.getByTestId('monthend-status-text').textContent()).toMatch(/^Ready for review: marked ready by alice on /);
    expect(await page.getByTestId('monthend-signOff').isDisabled()).toBe(true);
    expect(await page.getByTestId('monthend-why-signOff').textContent()).toMatch(
      /^August 2023 was prepared by alice \(marked ready on \d{4}-\d{2}-\d{2}\), so alice cannot also sign it off: another officer must review it/,
    );
    expect(await page.getByTestId('period-select').locator('option[value="2023-08"]').textContent()).toBe('August 2023 (ready for review)');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the reviewer (bob)', () => {
  beforeAll(async () => {
    await served.stop();
    // Two backups beside the workspace, as copied in by hand: one from while August was open, one damaged.
    const backups = `${served.file}.backups`;
    fs.mkdirSync(backups, { recursive: true });
    fs.copyFileSync(served.file, path.join(backups, '2023-09-20T10-00-00-000Z__before-the-ldp-return.db'));
    fs.writeFileSync(path.join(backups, '2023-09-21T10-00-00-000Z__copied-from-a-usb-stick.db'), 'not a database at all');
    served = await serveFile(served.file, { user: 'bob', keep: true });
    await page.goto(served.url);
    await openMonthEnd();
  });

  it('signs the month off, which closes it, archives its pack and says who did what when', async () => {
    expect(await page.getByTestId('monthend-status').textContent()).toBe('Ready for review');
    expect(await page.getByTestId('monthend-signOff').isDisabled()).toBe(false);
    await page.getByTestId('monthend-signOff').click();
    await page.getByTestId('monthend-confirm-button').click();
    await expect.poll(() => page.getByTestId('monthend-status').textContent(), { timeout: 30_000 }).toBe('Closed');
    expect(await page.getByTestId('monthend-status-text').textContent()).toMatch(/^Signed off by bob on .+, and closed\./);
    expect(await page.getByTestId('status').textContent()).toMatch(/^August 2023 is signed off and closed\. Its committee pack is archived in the workspace \(SHA-256 [0-9a-f]{12}…\)\. September 2023 was rolled forward from it \(Key Activity Data, Revenue Monitoring, Capital, Reserves, grants and virements\)\. A month-end backup was taken and will be kept\.$/);
    const history = await page.getByTestId('monthend-history').locator('tbody tr').allTextContents();
    expect(history).toEqual([expect.stringMatching(/alice\s*Marked ready for review by alice\.$/), expect.stringMatching(/bob\s*Signed off by bob \(prepared by alice\), which closed it\./)]);
    expect(await page.getByTestId('monthend-archived-pack').count()).toBe(1);
    expect(await page.getByTestId('monthend-why-reopen').textContent()).toMatch(/The sign-off becomes void\.$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refuses an edit on the KAD page, naming who signed the month off', async () => {
    await page.getByTestId('nav-kad').click();
    await cell(page, 'residential', 'currentPackages').filter({ hasText: '240' }).waitFor();
    expect(await page.getByTestId('kad-locked').textContent()).toMatch(/^Not editable\. August 2023 is closed \(signed off by bob on \d{4}-\d{2}-\d{2}\)\.$/);
    await cell(page, 'residential', 'currentPackages').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('alert').textContent()).toMatch(/This table is not editable: August 2023 is closed \(signed off by bob on \d{4}-\d{2}-\d{2}\)\. Nothing was changed\.$/);
    expect(await cell(page, 'residential', 'currentPackages').textContent()).toBe('240');
  });

  it('refuses an edit of the revenue budget lines too, naming who signed the month off', async () => {
    await page.getByTestId('nav-revenue').click();
    await page.getByTestId('revenue-views').locator('button[data-view="ahc"]').click();
    // Principal Social Worker's forecast variance, as published (Appendix 1a): 40.
    await cell(page, PSW, 'forecastVariance').filter({ hasText: '40' }).waitFor();
    expect(await page.getByTestId('revenue-locked').textContent()).toMatch(/^Not editable\. August 2023 is closed \(signed off by bob on \d{4}-\d{2}-\d{2}\)\.$/);
    await cell(page, PSW, 'forecastVariance').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('alert').textContent()).toMatch(/This table is not editable: August 2023 is closed \(signed off by bob on \d{4}-\d{2}-\d{2}\)\. Nothing was changed\.$/);
    expect(await cell(page, PSW, 'forecastVariance').textContent()).toBe('40');
    const table = await api<{ lines: { key: string; forecastVariance: number | null }[] }>('revenue.table', { period: '2023-08', directorateId: 'ahc' });
    expect(table.lines.find((l) => l.key === PSW)!.forecastVariance).toBe(4000);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('marks the month-end backup, shows a damaged backup as damaged, and asks for a reason before a restore that reopens August', async () => {
    await page.getByTestId('nav-backups').click();
    await page.getByTestId('backups-table').waitFor();
    const rows = page.getByTestId('backup');
    expect(await rows.count()).toBe(3);
    const kept = page.locator('[data-testid="backup"][data-keep="true"]');
    expect(await kept.getByTestId('backup-keep').textContent()).toMatch(/Month-end backup: kept for good, never rotated away\./);
    const damaged = page.locator('[data-testid="backup"][data-damaged="true"]');
    expect(await damaged.getByTestId('backup-state').textContent()).toMatch(/^Damaged: it is damaged .+ It cannot be restored\.$/);
    expect(await damaged.getByTestId('backup-restore').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('[data-testid="backup"][data-name*="before-the-ldp-return"]').getByTestId('backup-restore').click();
    await page.getByTestId('restore-confirm').click();
    const dialog = page.getByTestId('restore-reason');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toMatch(/would reopen August 2023, closed now\. Give a reason to restore it anyway/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('restore-reason-confirm').click();
    expect(await dialog.getByRole('alert').textContent()).toBe('Give a reason: it is recorded in the audit trail.');
    await page.getByTestId('restore-reason-reason').fill('The sign-off was premature: the LDP return came late');
    await page.getByTestId('restore-reason-confirm').click();
    await expect.poll(() => page.getByTestId('backups-done').textContent(), { timeout: 30_000 }).toMatch(/^Restored the backup taken/);
    await openMonthEnd();
    expect(await page.getByTestId('monthend-status').textContent()).toBe('Ready for review');
    expect(watch.problems).toEqual([]);
  });
});
