import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPage, seriousAxeViolations } from './harness';

/**
 * Reviewing a month's findings in the app: a correction to published August supersedes the totals it
 * invalidates, which the officer accepts once; a published error is acknowledged with a note; both stop
 * counting as open, in the nav and in the export's warning, and a review can be reopened.
 */
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);
const openCount = async (page: Page) => (await page.getByTestId('nav-checks-count').textContent())?.trim();

const demo = demoPage({ width: 1440, height: 900 });
let page: Page;

describe('Reviewing findings in Chromium against outturn serve', () => {
  it('shows the totals a correction superseded as such, and accepts them in one step', async () => {
    page = demo.page;
    await page.goto(demo.served.url);
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
    await expect.poll(() => openCount(page)).toBe('(60 findings)');
    await cell(page, 'residential', 'currentPackages').focus();
    await page.keyboard.type('240');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('240');
    // The four LDP totals the correction invalidates are superseded, not new published errors: 36 + 4 open
    // (with revenue's 24 published findings of August: 60 + 4).
    await expect.poll(() => openCount(page)).toBe('(64 findings)');

    await page.getByTestId('nav-checks').click();
    const superseded = page.locator('[data-testid="finding"]', { has: page.locator('[data-testid="finding-status"]', { hasText: 'superseded by your correction of Residential' }) });
    await expect.poll(() => superseded.count()).toBe(4);
    expect(await page.getByTestId('review-accept').isDisabled()).toBe(true);
    for (const row of await superseded.all()) await row.getByRole('checkbox').check();
    expect(await page.getByTestId('checks-review').textContent()).toContain('4 findings ticked.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('review-accept').click();
    await expect.poll(() => page.getByTestId('checks-message').textContent()).toBe('Accepted 4 findings.');
    await expect.poll(() => openCount(page)).toBe('(60 findings)');
    // Open findings are shown by default; the accepted ones are under "Accepted or acknowledged".
    await expect.poll(() => superseded.count()).toBe(0);
    await page.getByTestId('checks-filter-status').selectOption('reviewed');
    const statuses = await page.getByTestId('finding-status').allTextContents();
    expect(statuses).toHaveLength(4);
    for (const s of statuses) expect(s).toMatch(/^Accepted by .+ on \d{1,2} \w+ \d{4}$/);
  });

  it('acknowledges a published error only with a note, and cannot accept it', async () => {
    await page.getByTestId('checks-filter-status').selectOption('open');
    const autism = page.locator('[data-testid="checks-table"][data-table="Autism"] [data-testid="finding"][data-rule="reported-total-mismatch"]').first();
    await autism.getByRole('checkbox').check();
    expect(await page.getByTestId('review-accept').isDisabled()).toBe(true);
    expect(await page.getByTestId('review-accept').getAttribute('title')).toContain('Only findings your own correction superseded can be accepted');
    await page.getByTestId('review-acknowledge').click();
    expect(await page.getByTestId('review-acknowledge-save').isDisabled()).toBe(true);
    await page.getByTestId('review-note').fill('As published: the greyed line is missing from the text');
    await page.getByTestId('review-acknowledge-save').click();
    await expect.poll(() => page.getByTestId('checks-message').textContent()).toBe('Acknowledged 1 finding.');
    await expect.poll(() => openCount(page)).toBe('(59 findings)');
    await page.getByTestId('checks-filter-status').selectOption('reviewed');
    expect(await page.getByTestId('finding-status').allTextContents()).toContainEqual(expect.stringMatching(/^Acknowledged by .+: “As published: the greyed line is missing from the text”$/));
  });

  it('reopens a review, and the pack’s warning counts what is still open', async () => {
    const acknowledged = page.locator('[data-testid="finding"][data-status="acknowledged"]');
    await acknowledged.getByRole('checkbox').check();
    await page.getByTestId('review-reopen').click();
    await expect.poll(() => page.getByTestId('checks-message').textContent()).toBe('Reopened 1 finding.');
    await expect.poll(() => openCount(page)).toBe('(60 findings)');
    await page.getByTestId('nav-pack').click();
    await page.getByTestId('pack-export').click();
    await page.getByTestId('pack-not-ready').waitFor({ state: 'visible' });
    expect(await page.getByTestId('pack-not-ready').locator('li').allTextContents()).toEqual([
      '36 Key Activity Data findings not yet accepted or acknowledged (Checks lists them).',
      '24 Revenue Monitoring findings not yet accepted or acknowledged (Checks lists them).',
    ]);
    await page.keyboard.press('Escape');
    await page.getByTestId('pack-not-ready').waitFor({ state: 'hidden' });
    expect(demo.problems).toEqual([]);
  });
});
