import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);
const text = (page: Page, row: string, col: string) => cell(page, row, col).textContent();

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

async function api<T>(method: string, input: unknown): Promise<T> {
  const [base, hash] = served.url.split('#') as [string, string];
  const token = decodeURIComponent(/token=([^&]+)/.exec(hash)![1]!);
  const res = await fetch(`${base}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-outturn-token': token }, body: JSON.stringify(input) });
  const envelope = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

async function pasteText(tsv: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, tsv);
}

const needsCommentary = async () => (await api<{ rule: string; row: string }[]>('checks.list', { period: '2023-08' })).filter((f) => f.rule === 'needs-commentary').map((f) => f.row);

const PSW = 'ahc:principal-social-worker';
const ED = 'ahc:executive-director-adults-health-and-commissioning';

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  page = await context.newPage();
  watch = watchPage(page);
  await page.goto(`${served.url}&area=revenue&period=2023-08&table=ahc`);
  await cell(page, PSW, 'forecastVariance').filter({ hasText: '40' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('revenue monitoring in Chromium', () => {
  it("loads August's Appendix 1a with its computed totals, the previous variance marked as reported", async () => {
    // Appendix 1a, published: Executive Director 19,647 / -50,135 → net -30,488, -1%.
    expect(await text(page, ED, 'grossBudget')).toBe('19,647');
    expect(await text(page, ED, 'netBudget')).toBe('-30,488');
    expect(await text(page, ED, 'variancePct')).toBe('-1%');
    // Mental Health Total: 0 + 26 + 240 + 384 = 650; the directorate total 2,517 (CHECKS.md 0.4); overall 0.
    expect(await text(page, 't:ahc:service-director-commissioning:mental-health', 'forecastVariance')).toBe('650');
    expect(await text(page, 't:ahc:expenditure', 'forecastVariance')).toBe('2,517');
    expect(await text(page, 't:ahc:overall', 'forecastVariance')).toBe('0');
    expect(await page.getByTestId('revenue-previous-note').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('pins the row labels only while the columns are wider than the grid, and writes a figure straight into its cell', async () => {
    // Both keep the elements drawn per row down, which is what a scrolled frame costs (README, Benchmarks).
    const pinnedLabels = () => page.locator('[data-testid="revenue-grid"] .ag-grid-pinned-left-cells [col-id="label"]').count();
    const sideways = () => page.locator('[data-testid="revenue-grid"] .ag-grid-viewport').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(await sideways()).toBe(0);
    expect(await pinnedLabels()).toBe(0);
    try {
      await page.setViewportSize({ width: 900, height: 1000 });
      await expect.poll(pinnedLabels).toBeGreaterThan(0);
      expect(await sideways()).toBeGreaterThan(0);
    } finally {
      await page.setViewportSize({ width: 1500, height: 1000 });
    }
    await expect.poll(pinnedLabels).toBe(0);
    // The figure is the cell's own text: no element inside, and the cell still named for a screen reader.
    const gross = cell(page, ED, 'grossBudget');
    expect(await gross.evaluate((el) => [el.childElementCount, el.textContent, el.getAttribute('aria-label')])).toEqual([0, '19,647', 'Executive Director - Adults, Health & Commissioning, Gross Budget, 19,647']);
  });

  it('recomputes the totals as an officer edits a line', async () => {
    await cell(page, PSW, 'forecastVariance').click();
    await page.keyboard.type('140');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 't:ahc:expenditure', 'forecastVariance')).toBe('2,617');
    expect(await text(page, 't:ahc:overall', 'forecastVariance')).toBe('100');
    expect(await text(page, PSW, 'variancePct')).toBe('29%'); // 140 / 481
    await expect.poll(async () => (await api<{ lines: { key: string; forecastVariance: number | null }[] }>('revenue.table', { period: '2023-08', directorateId: 'ahc' })).lines.find((l) => l.key === PSW)!.forecastVariance).toBe(14000);
  });

  it("shows a line's figure history from the grid, in £000, the edit first", async () => {
    await cell(page, PSW, 'forecastVariance').click();
    await page.keyboard.press('Control+Shift+H');
    const panel = page.getByTestId('cell-history');
    await expect.poll(() => panel.getByTestId('cell-history-change').count(), { timeout: 10_000 }).toBe(2);
    expect(await panel.getByTestId('cell-history-change').first().textContent()).toMatch(/^40 → 140/);
    expect(await panel.getByTestId('cell-history-how').last().textContent()).toBe('Workspace set-up');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('cell-history-close').click();
    // A computed column keeps no history of its own.
    await cell(page, PSW, 'netBudget').click();
    await page.keyboard.press('Control+Shift+H');
    expect(await panel.count()).toBe(0);
  });

  it('shows the new totals by the time the committing keystroke has been handled, not a task or frame later', async () => {
    const actualOf = async () => Number((await text(page, ED, 'actual'))!.replace(/,/g, ''));
    const overallOf = async () => Number((await text(page, 't:ahc:overall', 'actual'))!.replace(/,/g, ''));
    const [line, overall] = [await actualOf(), await overallOf()];
    await cell(page, ED, 'actual').click();
    await page.keyboard.type(String(line + 7));
    // The Enter is dispatched by a script, and the total read in the same script straight after it: no
    // microtask, task or frame has run in between, so the total must be drawn inside the keystroke.
    const during = await page.evaluate(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      return document.querySelector('[row-id="t:ahc:overall"] [col-id="actual"]')!.textContent;
    });
    expect(Number(during!.replace(/,/g, ''))).toBe(overall + 7);
    // Put back, so the tests after this one see the published figure.
    await cell(page, ED, 'actual').click();
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await expect.poll(overallOf).toBe(overall);
  });

  it('checks the month again once a burst of edits pauses, not after every figure saved', async () => {
    const actualOf = async () => Number((await text(page, ED, 'actual'))!.replace(/,/g, ''));
    const overallOf = async () => Number((await text(page, 't:ahc:overall', 'actual'))!.replace(/,/g, ''));
    const [line, overall] = [await actualOf(), await overallOf()];
    const checks: number[] = [];
    const saves: number[] = [];
    const onRequest = (r: { url: () => string }) => r.url().endsWith('/api/checks.list') && checks.push(Date.now());
    const onResponse = (r: { url: () => string }) => r.url().endsWith('/api/revenue.setCells') && saves.push(Date.now());
    page.on('request', onRequest);
    page.on('response', onResponse);
    try {
      for (const step of [1, 2, 3]) {
        await cell(page, ED, 'actual').click();
        await page.keyboard.type(String(line + step));
        await page.keyboard.press('Enter');
      }
      await expect.poll(overallOf).toBe(overall + 3);
      await expect.poll(() => saves.length).toBe(3);
      await expect.poll(() => checks.length).toBeGreaterThan(0);
      await page.waitForTimeout(1000);
      // Each check reads the whole month; one per figure kept the host busy ahead of the next save. Only
      // a pause of over 400 ms between two answered saves (a slow machine) lets a check in between. A check
      // asked for before this burst's first save was answered is the previous test's edit being checked
      // (that test stops once its total is drawn, before its save is answered), not this burst's.
      const pauses = saves.slice(1).filter((t, i) => t - saves[i]! > 400).length;
      const ours = checks.filter((t) => t >= saves[0]!).length;
      expect(ours).toBeGreaterThan(0);
      expect(ours).toBeLessThanOrEqual(1 + pauses);
      expect(ours).toBeLessThan(3);
    } finally {
      page.off('request', onRequest);
      page.off('response', onResponse);
    }
    await cell(page, ED, 'actual').click();
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await expect.poll(overallOf).toBe(overall);
  });

  it('moves the focus from the editor straight to the cell below on Enter: one focus change, no keypress', async () => {
    const actualOf = async () => Number((await text(page, ED, 'actual'))!.replace(/,/g, ''));
    const overallOf = async () => Number((await text(page, 't:ahc:overall', 'actual'))!.replace(/,/g, ''));
    const [line, overall] = [await actualOf(), await overallOf()];
    const index = Number(await page.locator(`[role="row"][row-id="${ED}"]`).first().getAttribute('row-index'));
    const below = await page.locator(`[role="row"][row-index="${index + 1}"]`).first().getAttribute('row-id');
    await cell(page, ED, 'actual').click();
    await page.keyboard.type(String(line + 3));
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      const where = (e: Event) => `${e.type} ${(e.target as Element).closest('[row-id]')?.getAttribute('row-id')} ${(e.target as Element).tagName}`;
      for (const type of ['focusin', 'focusout', 'keypress']) document.addEventListener(type, (e) => seen.push(where(e)), true);
    });
    await page.keyboard.press('Enter');
    await expect.poll(overallOf).toBe(overall + 3);
    // AG Grid's own Enter focused the edited cell and then the one below: two focus changes and two layouts.
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([`focusout ${ED} INPUT`, `focusin ${below} DIV`]);
    expect(await page.evaluate(() => `${document.activeElement?.closest('[row-id]')?.getAttribute('row-id')} ${document.activeElement?.getAttribute('col-id')}`)).toBe(`${below} actual`);
    expect(await cell(page, ED, 'actual').locator('input').count()).toBe(0);
    await expect.poll(async () => (await api<{ lines: { key: string; actual: number | null }[] }>('revenue.table', { period: '2023-08', directorateId: 'ahc' })).lines.find((l) => l.key === ED)!.actual).toBe((line + 3) * 100);
    await cell(page, ED, 'actual').click();
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await expect.poll(overallOf).toBe(overall);
  });

  it("keeps a later edit on screen when the answer to an earlier save arrives before that edit's own", async () => {
    const overallOf = async () => Number((await text(page, 't:ahc:overall', 'actual'))!.replace(/,/g, ''));
    const numberIn = async (row: string, col: string) => Number((await text(page, row, col))!.replace(/,/g, ''));
    const [ed, psw, overall] = [await numberIn(ED, 'actual'), await numberIn(PSW, 'actual'), await overallOf()];
    // Each save's answer is held until released; the saves go one after another, so the second is sent
    // only once the first answer has been taken in.
    const held: { release: () => void; sent: Promise<void> }[] = [];
    let arrived: () => void = () => {};
    await page.route('**/api/revenue.setCells', async (route) => {
      const response = await route.fetch();
      let release = () => {};
      const gate = new Promise<void>((r) => (release = r));
      held.push({ release, sent: Promise.resolve() });
      arrived();
      await gate;
      await route.fulfill({ response });
    });
    const nextArrival = () => new Promise<void>((r) => (arrived = r));
    try {
      const first = nextArrival();
      await cell(page, ED, 'actual').click();
      await page.keyboard.type(String(ed + 1));
      await page.keyboard.press('Enter');
      await first;
      await cell(page, PSW, 'actual').click();
      await page.keyboard.type(String(psw + 2));
      await page.keyboard.press('Enter');
      await expect.poll(overallOf).toBe(overall + 3);
      // The first answer (the executive director's line saved, the principal social worker's not yet).
      const second = nextArrival();
      held[0]!.release();
      await second;
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await numberIn(PSW, 'actual')).toBe(psw + 2);
      expect(await overallOf()).toBe(overall + 3);
      held[1]!.release();
      await expect.poll(async () => (await api<{ lines: { key: string; actual: number | null }[] }>('revenue.table', { period: '2023-08', directorateId: 'ahc' })).lines.find((l) => l.key === PSW)!.actual).toBe((psw + 2) * 100);
    } finally {
      for (const h of held) h.release();
      await page.unrouteAll({ behavior: 'wait' });
    }
    for (const [row, value] of [[ED, ed], [PSW, psw]] as const) {
      await cell(page, row, 'actual').click();
      await page.keyboard.type(String(value));
      await page.keyboard.press('Enter');
    }
    await expect.poll(overallOf).toBe(overall);
  });

  it('takes a paste from Excel as one step', async () => {
    await cell(page, ED, 'grossBudget').click();
    await pasteText('19,700\t-50,100\r\n');
    await expect.poll(() => text(page, ED, 'netBudget')).toBe('-30,400');
    // Gross of the 32 lines was 342,893 (CHECKS.md §1); +53.
    await expect.poll(() => text(page, 't:ahc:overall', 'grossBudget')).toBe('342,946');
    await expect.poll(() => page.getByTestId('revenue-announce').textContent()).toMatch(/Pasted 2 cells/);
  });

  it('flags the area needing a commentary until one is written, and the finding goes', async () => {
    await expect.poll(needsCommentary).toEqual(['Principal Social Worker']);
    await page.locator('[data-view="commentaries"]').click();
    await expect.poll(() => page.getByTestId('revenue-missing').textContent()).toMatch(/^1 service area needs a commentary: Principal Social Worker\./);
    await page.locator(`[data-subject="line:${PSW}"]`).first().click();
    const editor = page.getByTestId('revenue-commentary-editor');
    expect(await editor.locator('textarea').getAttribute('spellcheck')).toBe('true');
    await editor.locator('textarea').fill('Agency cover for two vacant posts.\n- Recruitment under way');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('revenue-missing').textContent()).toMatch(/^Every service area over the threshold has a commentary\./);
    expect(await needsCommentary()).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the summary dashboard with the computed headline and the chart', async () => {
    await page.locator('[data-view="summary"]').click();
    // Back to the published forecast first: 140 → 40.
    await api('revenue.setCells', { period: '2023-08', directorateId: 'ahc', cells: [{ lineKey: PSW, field: 'forecastVariance', value: 4000 }], source: 'grid' });
    await page.reload();
    await page.getByTestId('revenue-headline').first().waitFor();
    expect(await page.getByTestId('revenue-headline').allTextContents()).toEqual(['Adults, Health and Commissioning: forecast £2.5m overspend before mitigations, balanced after.', 'Public Health: forecast £0.4m underspend.']);
    expect(await page.getByTestId('revenue-variance-chart').getAttribute('aria-label')).toMatch(/^Forecast outturn variance by month: August 2023: Adults, Health and Commissioning 2,517 before mitigations, 0 after/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('[data-view="narrative"]').click();
    await page.getByTestId('revenue-narrative-1.1').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });

  it('refuses digits typed into a closed month with the message Delete gives, and changes nothing', async () => {
    await api('periods.close', { period: '2023-08' });
    const { lockedReason } = await api<{ lockedReason: string | null }>('revenue.table', { period: '2023-08', directorateId: 'ahc' });
    expect(lockedReason).toMatch(/^August 2023 is closed/);
    await page.locator('[data-view="ahc"]').click();
    await cell(page, PSW, 'forecastVariance').filter({ hasText: '40' }).waitFor();
    await cell(page, PSW, 'forecastVariance').click();
    await page.keyboard.type('99');
    const refusal = `This table is not editable: ${lockedReason!.replace(/\.$/, '')}. Nothing was changed.`;
    await expect.poll(() => page.getByTestId('alert').textContent()).toBe(refusal);
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await text(page, PSW, 'forecastVariance')).toBe('40');
    const table = await api<{ lines: { key: string; forecastVariance: number | null }[] }>('revenue.table', { period: '2023-08', directorateId: 'ahc' });
    expect(table.lines.find((l) => l.key === PSW)!.forecastVariance).toBe(4000);
    // Delete, as before, says the same.
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('alert').textContent()).toBe(refusal);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
