import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAreas } from '../../shared/areas';
import { callApi, launchBrowser, seriousAxeViolations, serveDemo, watchPage, type Served } from './harness';

/**
 * The app shell around the areas: the nav lists the registered areas' pages then the core pages, the
 * address keeps the page, month and the page's own parameters across a reload, and undo, redo and roll
 * forward live only on the pages that edit figures.
 */
const cell = (page: Page, row: string, col: string) => page.locator(`[role="row"][row-id="${row}"] [col-id="${col}"]`);
const CORE_PAGES = [
  ['checks', 'Checks'],
  ['monthend', 'Month-end'],
  ['returns', 'Returns'],
  ['import', 'Import'],
  ['backups', 'Backups'],
  ['pack', 'Committee pack'],
  ['settings', 'Settings'],
  ['help', 'Help'],
] as const;
const LDP = 'learning-disability-partnership';

let served: Served;
let browser: Browser;
let page: Page;
let watch: { problems: string[] };

const api = <T>(method: string, input: unknown) => callApi<T>(served, method, input);

const hash = async () => new URL(page.url()).hash;
const pressedService = () => page.getByTestId('service-picker').locator('[aria-pressed="true"]').getAttribute('data-service-id');

async function showService(serviceId: string): Promise<void> {
  await page.getByTestId('service-picker').locator(`[data-service-id="${serviceId}"]`).click();
  await expect.poll(pressedService).toBe(serviceId);
  await page.locator(`[data-testid="kad-grid"][aria-label$="${(await page.locator(`[data-service-id="${serviceId}"]`).textContent())!.trim()}"]`).waitFor();
}

async function openPage(id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect.poll(() => page.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
}

/** Whether the toolbar offers a control, ignoring whether it is enabled. */
const inToolbar = (testId: string) => page.locator(`.toolbar [data-testid="${testId}"]`).count();

beforeAll(async () => {
  served = await serveDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('The app shell in Chromium against outturn serve', () => {
  it('lists exactly the registered areas\' pages, then the core pages, and no area that is not built', async () => {
    await page.goto(served.url);
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');
    const items = page.locator('nav.nav button.nav__item');
    const testIds = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    // The name without the findings badge beside Checks.
    const names = await items.evaluateAll((els) => els.map((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim()));
    // An area's further pages (RendererArea.morePages) follow its main page.
    const more: Record<string, [string, string][]> = { savings: [['savings-pipeline', 'Savings pipeline']] };
    expect(testIds).toEqual([...sharedAreas().flatMap((a) => [`nav-${a.id}`, ...(more[a.id] ?? []).map(([id]) => `nav-${id}`)]), ...CORE_PAGES.map(([id]) => `nav-${id}`)]);
    expect(names).toEqual([...sharedAreas().flatMap((a) => [a.name, ...(more[a.id] ?? []).map(([, name]) => name)]), ...CORE_PAGES.map(([, name]) => name)]);
    const navText = (await page.locator('nav.nav').textContent()) ?? '';
    const built = (word: string) => sharedAreas().some((a) => a.name.includes(word));
    for (const notBuilt of ['Revenue', 'Savings', 'Reserves', 'Capital'].filter((w) => !built(w))) expect(navText).not.toContain(notBuilt);
    expect(await page.getByText(/coming soon|not built yet/i).count()).toBe(0);
  });

  it('offers Undo, Redo and Roll forward on the area page only', async () => {
    for (const control of ['undo', 'redo', 'roll-forward']) expect(await inToolbar(control), control).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (const [id] of CORE_PAGES) {
      await openPage(id);
      await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
      for (const control of ['undo', 'redo', 'roll-forward']) expect(await inToolbar(control), `${control} on ${id}`).toBe(0);
      // The month stays in the toolbar: these pages are about it too.
      expect(await inToolbar('period-select'), id).toBe(1);
      expect(await seriousAxeViolations(page), id).toEqual([]);
    }
    await openPage('kad');
    for (const control of ['undo', 'redo', 'roll-forward']) expect(await inToolbar(control), control).toBe(1);
  });

  it('comes back to the same month and service after a reload of the area page', async () => {
    await page.getByTestId('roll-forward').click();
    await page.getByTestId('roll-forward-confirm').click();
    await expect.poll(() => page.getByTestId('period-select').inputValue()).toBe('2023-09');
    await showService('autism');
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('September 2023');
    await expect.poll(hash).toBe('#area=kad&period=2023-09&service=autism');

    await page.reload();
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('Autism');
    expect(await page.getByTestId('kad-caption').textContent()).toContain('September 2023');
    expect(await page.getByTestId('period-select').inputValue()).toBe('2023-09');
    expect(await pressedService()).toBe('autism');
    expect(await page.getByTestId('nav-kad').getAttribute('aria-current')).toBe('page');
    expect(await hash()).toBe('#area=kad&period=2023-09&service=autism');
    // The access token never comes back into the address, and the page still reaches the workspace.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => cell(page, 'residential', 'expectedPackages').textContent()).toBe('4');
  });

  it('comes back to the Checks page after a reload, for the same month', async () => {
    await openPage('checks');
    await expect.poll(hash).toBe('#area=checks&period=2023-09');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-checks').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Checks for September 2023');
    expect(await inToolbar('undo')).toBe(0);
    // Back on the area page, it shows the service it showed before.
    await openPage('kad');
    await expect.poll(pressedService).toBe('autism');
    await expect.poll(hash).toBe('#area=kad&period=2023-09&service=autism');
  });

  it('changes nothing on Ctrl+Z away from the pages that edit figures', async () => {
    await cell(page, 'residential', 'currentPackages').focus();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Saved');
    const saved = async () => (await api<{ lines: { key: string; currentPackages: number | null }[] }>('kad.table', { period: '2023-09', serviceId: 'autism' })).lines.find((l) => l.key === 'residential')!.currentPackages;
    await expect.poll(saved).toBe(700);
    const before = await api<{ canUndo: boolean; undoLabel: string | null }>('history.state', {});
    expect(before.canUndo).toBe(true);

    await openPage('settings');
    await page.getByTestId('setting-movementPct').waitFor();
    const status = await page.getByTestId('status').textContent();
    // Every call the page makes to the history, recorded as it is made.
    await page.evaluate(`(() => {
      const calls = (window.__historyCalls = []);
      const original = window.fetch;
      window.fetch = (input, init) => {
        if (String(input).includes('/api/history.')) calls.push(String(input));
        return original(input, init);
      };
    })()`);
    await page.locator('body').press('Control+z');
    await page.locator('body').press('Control+y');
    await page.locator('body').press('Control+z');
    // A shortcut that acted would have asked for its step within the keystroke's own tasks: one task later, none was asked for.
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
    expect(await page.evaluate('window.__historyCalls')).toEqual([]);
    expect(await api('history.state', {})).toEqual(before);
    expect(await saved()).toBe(700);
    expect(await page.getByTestId('status').textContent()).toBe(status);
    expect(await page.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
  });

  it('shows the service an undo changed, though another service was on screen', async () => {
    await openPage('kad');
    await expect.poll(pressedService).toBe('autism');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('7');
    await showService(LDP);
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('234');

    await page.locator('body').press('Control+z');
    await expect.poll(pressedService).toBe('autism');
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('Autism');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('3');
    await expect.poll(hash).toBe('#area=kad&period=2023-09&service=autism');

    // Redo from another service (and another month) goes back to where the step landed, too.
    await showService(LDP);
    await page.getByTestId('period-select').selectOption('2023-08');
    await page.getByTestId('redo').click();
    await expect.poll(pressedService).toBe('autism');
    await expect.poll(() => page.getByTestId('period-select').inputValue()).toBe('2023-09');
    await expect.poll(() => cell(page, 'residential', 'currentPackages').textContent()).toBe('7');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
