import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

// Row ids are unique across the body and the pinned total rows (AG Grid 36 DOM).
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);
const text = (page: Page, row: string, col: string) => cell(page, row, col).textContent();

let served: Served;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let watch: { problems: string[] };

interface Line {
  key: string;
  [field: string]: unknown;
}

const api = <T>(method: string, input: unknown) => callApi<T>(served, method, input);

/** A line of the LDP table for August 2023 as the store holds it (hundredths). */
async function stored(lineKey: string): Promise<Line> {
  const table = await api<{ lines: Line[] }>('kad.table', { period: '2023-08', serviceId: 'learning-disability-partnership' });
  return table.lines.find((l) => l.key === lineKey)!;
}

/**
 * Types as an officer on a UK keyboard does: "£" is Shift+3 and arrives as a keydown whose key is "£".
 * (Playwright's own keyboard is a US one, which can only insert "£" as text without a key press.)
 */
async function typeUk(value: string): Promise<void> {
  for (const ch of value) {
    if (ch === '£') {
      const key = { key: '£', code: 'Digit3', windowsVirtualKeyCode: 51, nativeVirtualKeyCode: 51, modifiers: 8 };
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: '£', unmodifiedText: '3', ...key });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    } else {
      await page.keyboard.type(ch);
    }
  }
}

/** A paste as the browser delivers it, dispatched on the focused cell. */
async function pasteText(tsv: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, tsv);
}

/** Presses Ctrl+C and returns what the page put on the clipboard, read from the copy event itself. */
async function copySelection(): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { copied?: string };
    w.copied = undefined;
    window.addEventListener('copy', (e) => (w.copied = e.clipboardData?.getData('text/plain')), { once: true });
  });
  await page.keyboard.press('Control+c');
  return page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '<no copy event>');
}

/** The grid's top edge in the document (not the window), so a scroll does not count as a move. */
const gridTop = () => page.getByTestId('kad-grid').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
const alertText = () => page.getByTestId('alert').textContent();
const editor = (row: string, col: string) => cell(page, row, col).locator('input');
const undo = () => page.locator('body').press('Control+z');

async function select(fromRow: string, fromCol: string, toRow: string, toCol: string): Promise<void> {
  await cell(page, fromRow, fromCol).click();
  await expect.poll(() => cell(page, fromRow, fromCol).evaluate((el) => el.className)).toContain('ag-cell-focus');
  await cell(page, toRow, toCol).click({ modifiers: ['Shift'] });
}

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.url).origin });
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  watch = watchPage(page);
  await page.goto(served.url);
  await cell(page, 'residential', 'currentPackages').filter({ hasText: '234' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('Typing into the grid: refused input stays in the editor', () => {
  it('keeps "£2,27l" in the open editor, quotes it exactly, does not move the grid, and saves the corrected figure', async () => {
    const top = await gridTop();
    await cell(page, 'nursing', 'currentUnitCost').focus();
    await typeUk('£2,27l');
    await page.keyboard.press('Enter');
    await expect.poll(alertText).toBe('Nursing · Current Average Unit Cost (per week): "£2,27l" is not an amount of money. Nothing was saved.');
    // Still editing, holding what was typed, marked invalid; the grid has not moved down for the message.
    expect(await editor('nursing', 'currentUnitCost').count()).toBe(1);
    expect(await editor('nursing', 'currentUnitCost').inputValue()).toBe('£2,27l');
    expect(await cell(page, 'nursing', 'currentUnitCost').getAttribute('aria-invalid')).toBe('true');
    expect(await gridTop()).toBe(top);
    expect((await stored('nursing')).currentUnitCost).toBe(479200);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Corrected in place: Enter saves it and moves down, as in Excel.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2271');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'nursing', 'currentUnitCost')).toBe('£2,271');
    await expect.poll(async () => (await stored('nursing')).currentUnitCost).toBe(227100);
    expect(await editor('nursing', 'currentUnitCost').count()).toBe(0);
    await expect.poll(alertText).toBe('');
    await expect.poll(() => cell(page, 'nursing', 'currentUnitCost').getAttribute('aria-invalid')).toBeNull();
    expect(await gridTop()).toBe(top);
    await undo();
    await expect.poll(() => text(page, 'nursing', 'currentUnitCost')).toBe('£4,792');
  });

  it('holds Tab back too while the text is refused, and Esc gives the edit up', async () => {
    await cell(page, 'residential', 'expectedPackages').focus();
    await page.keyboard.type('12a');
    await page.keyboard.press('Tab');
    await expect.poll(alertText).toBe('Residential · Expected No. of Care Packages: "12a" is not a number of care packages. Nothing was saved.');
    expect(await editor('residential', 'expectedPackages').inputValue()).toBe('12a');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Escape');
    await expect.poll(() => text(page, 'residential', 'expectedPackages')).toBe('245');
    expect((await stored('residential')).expectedPackages).toBe(24500);
  });
});

describe('Copy and paste of blocks with direction-of-travel arrows', () => {
  it('copies a block across figures and arrows and pastes it back over itself unchanged', async () => {
    // Residential to Nursing, Current Care Packages to Total spend: two DoT columns and a greyed line inside.
    await select('residential', 'currentPackages', 'nursing', 'totalSpendK');
    await expect.poll(() => page.getByTestId('kad-announce').textContent()).toBe('3 rows × 5 columns selected');
    const copied = await copySelection();
    expect(copied).toBe('234\t↔\t£2,289\t↑\t£28,653k\n\t\t\t\t\n9\t↓\t£4,792\t↑\t£2,271k');

    await cell(page, 'residential', 'currentPackages').click();
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.getByTestId('kad-announce').textContent()).toBe('Pasted 6 cells');
    expect(await alertText()).toBe('');
    for (const [row, values] of [
      ['residential', ['234', '↔', '£2,289', '↑', '£28,653k']],
      ['nursing', ['9', '↓', '£4,792', '↑', '£2,271k']],
    ] as const) {
      const cols = ['currentPackages', 'packagesDot', 'currentUnitCost', 'unitCostDot', 'totalSpendK'];
      expect(await Promise.all(cols.map((c) => text(page, row, c))), row).toEqual(values);
    }
    expect(await stored('nursing')).toMatchObject({ currentPackages: 900, currentUnitCost: 479200, totalSpendK: 227100 });
    // The arrows here are the published ones, shown muted and marked as reported.
    const reported = cell(page, 'residential', 'unitCostDot').locator('.sheet-dot--muted');
    expect(await reported.count()).toBe(1);
    // Not by shade alone (WCAG 1.4.1): a dashed box, as the legend explains.
    expect(await reported.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    expect(await page.getByTestId('kad-legend-dot').textContent()).toContain('Arrows in a dashed box are as reported in the published FMR');
  });

  it('pastes a copied row onto another line, each figure in its own column, as one undoable step', async () => {
    await select('residential', 'currentPackages', 'residential', 'outturnDot');
    expect(await copySelection()).toBe('234\t↔\t£2,289\t↑\t£28,653k\t↓');
    await cell(page, 'nursing', 'currentPackages').click();
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.getByTestId('kad-announce').textContent()).toBe('Pasted 3 cells');
    expect(await text(page, 'nursing', 'currentPackages')).toBe('234');
    expect(await text(page, 'nursing', 'currentUnitCost')).toBe('£2,289');
    expect(await text(page, 'nursing', 'totalSpendK')).toBe('£28,653k');
    expect(await stored('nursing')).toMatchObject({ currentPackages: 23400, currentUnitCost: 228900, totalSpendK: 2865300 });

    await undo();
    await expect.poll(() => text(page, 'nursing', 'totalSpendK')).toBe('£2,271k');
    expect(await text(page, 'nursing', 'currentPackages')).toBe('9');
    expect(await text(page, 'nursing', 'currentUnitCost')).toBe('£4,792');
    expect(await stored('nursing')).toMatchObject({ currentPackages: 900, currentUnitCost: 479200, totalSpendK: 227100 });
  });

  it('refuses a block one column out of line, naming the cell a number would land on, and saves nothing', async () => {
    const top = await gridTop();
    // The row copied above, anchored one column too far left: £2,289 would land on the packages arrow.
    await cell(page, 'nursing', 'annualBudgetK').click();
    await pasteText('234\t↔\t£2,289\t↑\t£28,653k\t↓');
    await expect.poll(alertText).toContain('Nursing · DoT of Current Care Packages: "£2,289" lands on a direction-of-travel arrow, which Outturn computes');
    expect(await alertText()).toMatch(/Nothing was pasted\.$/);
    expect(await gridTop()).toBe(top);
    expect(await text(page, 'nursing', 'annualBudgetK')).toBe('£2,220k');
    expect(await stored('nursing')).toMatchObject({ annualBudgetK: 222000, currentPackages: 900, currentUnitCost: 479200 });

    // A number on a computed column is refused the same way.
    await cell(page, 'residential', 'totalSpendK').click();
    await pasteText('£28,700k\t\t-£300k');
    await expect.poll(alertText).toBe('Residential · Variance: "-£300k" lands on Variance, which Outturn calculates. Nothing was pasted.');
    await expect.poll(() => cell(page, 'residential', 'varianceK').getAttribute('aria-invalid')).toBe('true');
    expect((await stored('residential')).totalSpendK).toBe(2865300);
    expect(await text(page, 'residential', 'totalSpendK')).toBe('£28,653k');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
