import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSavingText } from '../../main/areas/savings/service';
import { issueReturns, writeReturnFiles } from '../../main/returns/issue';
import { applyReturns, previewReturns } from '../../main/returns/receive';
import { editWorkbook, rowOf } from '../helpers/returns';
import { tempDemo } from '../helpers/workspace';
import { callApi, launchBrowser, seriousAxeViolations, serveFile, watchPage, type Served } from './harness';
import type { ReturnInfo } from '../../shared/returns';

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

  it('takes three returns back at once on the Import page: the tampered one refused with the reason, the conflict resolved, applied on behalf of each owner', { timeout: 120_000 }, async () => {
    const api = <T>(method: string, input: unknown) => callApi<T>(served, method, input);
    const { returns } = await api<{ returns: ReturnInfo[] }>('returns.list', { period: '2023-08' });
    const back = path.join(env.dir, 'back');
    fs.mkdirSync(back, { recursive: true });
    const file: Record<string, string> = {};
    for (const r of returns.filter((x) => x.status === 'issued')) {
      const wb = await api<{ fileName: string; data: string }>('returns.workbook', { id: r.id });
      file[r.owner] = path.join(back, wb.fileName);
      fs.writeFileSync(file[r.owner]!, Buffer.from(wb.data, 'base64'));
    }
    expect(Object.keys(file).sort()).toEqual(['Jane Smith', 'Omar Khan', 'Priya Patel']);
    // After issue the officer changes Micro-enterprises Support in Outturn; Omar returns another figure for it: a conflict.
    await api('savings.setFigures', { period: '2023-08', cells: [{ lineId: '2023-24-ahc-2', field: 'forecastSaving', value: -2000 }], source: 'grid' });
    await editWorkbook(file['Omar Khan']!, (wb) => void (rowOf(wb.getWorksheet('Return')!, 'Micro-enterprises Support').getCell(4).value = -50));
    await editWorkbook(file['Jane Smith']!, (wb) => void (rowOf(wb.getWorksheet('Return')!, 'Adult Social Care Transport').getCell(5).value = 'Routes retendered; fuel is the risk.'));
    // Priya's return is made to claim it is Jane's.
    await editWorkbook(file['Priya Patel']!, (wb) => void (wb.getWorksheet('_outturn_return')!.getCell('B7').value = 'Jane Smith'));

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles([file['Jane Smith']!, file['Omar Khan']!, file['Priya Patel']!]);
    await page.getByTestId('import-start').click();
    const preview = page.getByTestId('returns-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('returns-summary').textContent()).toBe('Nothing has changed yet. 1 change, 1 conflict to resolve, 1 file refused.');
    const refused = page.locator('[data-testid="returns-file"][data-state="refused"]');
    expect(await refused.getAttribute('data-file')).toBe(path.basename(file['Priya Patel']!));
    expect(await refused.getByTestId('returns-reason').textContent()).toMatch(/^Refused: Savings Tracker return 2023-08 Priya Patel\.xlsx has been altered outside its owner's cells: its identity sheet does not match its signature/);
    const cells = await page.getByTestId('returns-cell').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-kind')}: ${[...tr.children].slice(0, 6).map((c) => c.textContent).join(' | ')}`));
    expect(cells).toEqual([
      'change: Jane Smith | Adult Social Care Transport | Commentary for publication | All routes retendered in 22/23. Saving achieved is lower than expected due to the inflationary pressures on transport. | Routes retendered; fuel is the risk. | All routes retendered in 22/23. Saving achieved is lower than expected due to the inflationary pressures on transport.',
      'conflict: Omar Khan | Micro-enterprises Support | Forecast Saving £000 | -4 | -50 | -20',
    ]);
    const apply = page.getByTestId('returns-apply');
    expect(await apply.isDisabled()).toBe(true);
    expect(await page.getByTestId('returns-open-conflicts').textContent()).toBe('1 conflict still to resolve.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Not resolved yet: recorded as returned, nothing applied; the Returns page says so, and the preview waits.
    await page.getByTestId('returns-record').click();
    await expect.poll(() => page.getByTestId('returns-apply-alert').textContent()).toBe('1 conflict to resolve before these returns can be applied: nothing was applied. The returns are recorded as returned meanwhile.');
    await page.getByTestId('nav-returns').click();
    const live = async () => (await page.getByTestId('return-row').evaluateAll((trs) => trs.map((tr) => `${tr.children[1]!.textContent} ${tr.getAttribute('data-status')} ${tr.children[2]!.textContent}`).filter((t) => !t.includes(' superseded ')))).sort();
    await expect.poll(live).toEqual(['Jane Smith returned Returned: conflicts to resolve', 'Omar Khan applied Applied', 'Omar Khan returned Returned: conflicts to resolve', 'Priya Patel issued Issued: with its owner']);
    await page.getByTestId('nav-import').click();
    await preview.waitFor();
    await page.getByTestId('returns-conflict').getByTestId('returns-take-theirs').check();
    expect(await page.getByTestId('returns-open-conflicts').textContent()).toBe('Every conflict is resolved.');
    expect(await apply.textContent()).toBe('Apply 2 returns, leaving out 1 refused file');
    await apply.click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('applied');
    expect(await page.getByTestId('import-message').textContent()).toBe('Take back 2 returns (Jane Smith, Omar Khan): 2 changed cells (August 2023).');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const tracker = await api<{ groups: { rows: { id: string; forecastSaving: number | null; commentary: string | null }[] }[] }>('savings.tracker', { period: '2023-08' });
    const byId = new Map(tracker.groups.flatMap((g) => g.rows).map((r) => [r.id, r]));
    expect(byId.get('2023-24-ahc-2')!.forecastSaving).toBe(-5000);
    expect(byId.get('2023-24-ahc-1')!.commentary).toBe('Routes retendered; fuel is the risk.');
    const audit = await api<{ channel: string; entity: string; entityKey: string; field: string | null; newValue: string | null; fileName: string | null; onBehalfOf: string | null }[]>('audit.list', { limit: 200 });
    const taken = audit.filter((a) => a.channel === 'return' && a.entity === 'savings_line').map((a) => `${a.entityKey} ${a.field} ${a.newValue} | ${a.onBehalfOf} | ${a.fileName}`);
    expect(taken.sort()).toEqual([
      `2023-24-ahc-1 commentary Routes retendered; fuel is the risk. | Jane Smith | ${path.basename(file['Jane Smith']!)}`,
      `2023-24-ahc-2 forecast_saving -5000 | Omar Khan | ${path.basename(file['Omar Khan']!)}`,
    ]);

    await page.getByTestId('nav-returns').click();
    await page.getByTestId('returns-table').waitFor();
    const rows = page.getByTestId('return-row');
    await expect.poll(async () => (await rows.evaluateAll((trs) => trs.map((tr) => `${tr.children[1]!.textContent} ${tr.getAttribute('data-status')}`).filter((t) => !t.endsWith('superseded')))).sort()).toEqual(['Jane Smith applied', 'Omar Khan applied', 'Omar Khan applied', 'Priya Patel issued']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
