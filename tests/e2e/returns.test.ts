import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
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
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
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

  it('issues a return to every owner with a due date, and downloads one owner\'s workbook with only their savings', async () => {
    await page.getByTestId('returns-due').fill('2099-06-30');
    await page.getByTestId('returns-issue-savings').click();
    await expect.poll(() => page.getByTestId('returns-message').textContent()).toMatch(/^Issue 3 savings returns for August 2023, due 30 June 2099\. Not in any return \(no owner\): /);
    const rows = page.getByTestId('return-row');
    await expect.poll(() => rows.count()).toBe(6);
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.children[1]!.textContent} ${tr.getAttribute('data-status')}`));
    expect(statuses.sort()).toEqual(['Jane Smith issued', 'Jane Smith superseded', 'Omar Khan applied', 'Omar Khan issued', 'Priya Patel issued', 'Priya Patel superseded']);
    const fresh = page.locator('[data-testid="return-row"][data-status="issued"]', { hasText: 'Priya Patel' });
    const [download] = await Promise.all([page.waitForEvent('download'), fresh.getByTestId('return-download').click()]);
    expect(download.suggestedFilename()).toBe('Savings Tracker return 2023-08 Priya Patel.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Return')!;
    expect([sheet.getCell('B6').value, sheet.getCell('B7').value, sheet.getCell('B8').value]).toEqual(['Vacancy factor for Public Health staffing', 'Public Health savings', null]);
    expect(sheet.getCell('A2').value).toBe('For Priya Patel. Please send it back by 30 June 2099.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
