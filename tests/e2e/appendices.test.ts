import { describe, expect, it } from 'vitest';
import { demoPage, seriousAxeViolations } from './harness';

/**
 * The Capital page and the Appendix 5 page in Chromium: they pass the axe checks, a capital figure typed in
 * the grid is saved and the TOTAL follows, and a reserve's ledger shows its history chart with its figures
 * as alt text.
 */
const demo = demoPage({ width: 1400, height: 1000 });
const cell = (grid: string, row: string, col: string) => demo.page.locator(`section[aria-labelledby="${grid}"] [role="row"][row-id="${row}"] [col-id="${col}"]`);

describe('Appendix 3 and Appendix 5 pages', () => {
  it('shows 4.1 and 4.2 as published, and a typed actual moves the TOTAL', async () => {
    const page = demo.page;
    await page.goto(`${demo.served.url}&area=capital&period=2023-08`);
    await expect.poll(() => cell('capital-41', 'total', 'schemeBudget').textContent()).toBe('73,860');
    expect(await cell('capital-42', 'total', 'revisedFunding').textContent()).toBe('5,975');
    expect(await page.getByTestId('capital-variation').textContent()).toContain('has not yet exceeded the Capital Variation Budget of £57k');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await cell('capital-41', 'integrated-community-equipment-service', 'yearActuals').focus();
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell('capital-41', 'total', 'yearActuals').textContent()).toBe('4,896');
    const saved = await demo.api<{ schemes: { key: string; yearActuals: number | null }[] }>('capital.table', { period: '2023-08' });
    expect(saved.schemes.find((s) => s.key === 'integrated-community-equipment-service')!.yearActuals).toBe(12000);
  });

  it('draws a reserve’s history in its ledger, and the page passes axe', async () => {
    const page = demo.page;
    await page.goto(`${demo.served.url}&area=reserves&period=2023-08&table=reserves`);
    await page.getByTestId('ledger-reserve').selectOption({ label: 'Best Start in Life' });
    await expect.poll(() => page.getByTestId('reserve-history').locator('img').getAttribute('alt')).toMatch(/^Best Start in Life: balance at the end of each month \(£'000\), Apr 23 191, .*Aug 23 156; forecast year-end balance 111, as at August 2023\.$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(demo.problems).toEqual([]);
  });
});
