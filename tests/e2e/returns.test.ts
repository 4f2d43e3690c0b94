import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSavingText } from '../../main/areas/savings/service';
import { issueReturns, writeReturnFiles } from '../../main/returns/issue';
import { applyReturns, previewReturns } from '../../main/returns/receive';
import { tempDemo } from '../helpers/workspace';
import { launchBrowser, seriousAxeViolations, serveFile, watchPage, type Served } from './harness';

/**
 * The Returns page: for the toolbar's month, each return issued with where it stands — one overdue,
 * one applied, one still out — in words (the colour beside each is never the only signal), and who
 * each area would send one to.
 */
let env: ReturnType<typeof tempDemo>;
let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

beforeAll(async () => {
  env = tempDemo();
  const session = env.open();
  const { ws } = session;
  setSavingText(ws, '2023-08', '2023-24-ph-1', 'owner', 'Priya Patel', 'grid');
  setSavingText(ws, '2023-08', '2023-24-ph-2', 'owner', 'Priya Patel', 'grid');
  setSavingText(ws, '2023-08', '2023-24-ahc-1', 'owner', 'Jane Smith', 'grid');
  setSavingText(ws, '2023-08', '2023-24-ahc-2', 'owner', 'Omar Khan', 'grid');
  // Priya's and Omar's were due long ago; Jane's is due in the far future.
  const past = issueReturns(ws, { area: 'savings', period: '2023-08', dueDate: '2023-09-08', owners: ['Priya Patel', 'Omar Khan'] }, 'cli');
  issueReturns(ws, { area: 'savings', period: '2023-08', dueDate: '2099-12-31', owners: ['Jane Smith'] }, 'cli');
  // Omar's comes back unchanged and is applied.
  const files = await writeReturnFiles(ws, past.returns, path.join(env.dir, 'out'));
  const omar = files.find((f) => f.includes('Omar Khan'))!;
  await applyReturns(ws, await previewReturns(ws, [{ file: omar, fileName: path.basename(omar) }]), new Map());
  session.close();
  served = await serveFile(env.file);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  watch = watchPage(page);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  env?.done();
});

describe('the Returns page in Chromium against outturn serve', () => {
  it('lists each return of the month with its status in words, an overdue one among them', async () => {
    await page.goto(served.url);
    await page.getByTestId('nav-returns').click();
    await page.getByTestId('returns-table').waitFor();
    const rows = page.getByTestId('return-row');
    await expect.poll(() => rows.count()).toBe(3);
    const byOwner: Record<string, string> = {};
    for (let i = 0; i < 3; i++) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      byOwner[cells[1]!] = `${cells[0]} | ${cells[2]} | ${cells[3]}`;
    }
    expect(byOwner).toEqual({
      'Jane Smith': 'Savings Tracker | Issued: with its owner | 31 Dec 2099',
      'Omar Khan': 'Savings Tracker | Applied | 8 Sept 2023',
      'Priya Patel': 'Savings Tracker | Overdue | 8 Sept 2023',
    });
    expect(await page.getByTestId('returns-summary').textContent()).toBe('1 overdue, 1 issued, 1 applied.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
