import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigCommitteeWorkbook } from '../helpers/big-workbook';
import { launchBrowser, serveDemo, watchPage, type Served } from './harness';

/**
 * Long work never freezes the app: while a 200,000-row import is applied (in the host's import thread,
 * the host itself in a worker thread behind the HTTP bridge), the officer goes on using Outturn — the
 * Checks page and another service's KAD table load and answer before the import has finished. Only the
 * order of events is asserted, never how long anything took.
 */
let served: Served;
let browser: Browser;
let page: Page;
let dir: string;

async function api<T>(method: string, input: object = {}): Promise<T> {
  const url = new URL(served.url);
  const token = decodeURIComponent(url.hash.replace(/^#token=/, ''));
  const res = await fetch(`${url.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-outturn-token': token }, body: JSON.stringify(input) });
  const envelope = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value as T;
}

beforeAll(async () => {
  served = await serveDemo();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-e2e-live-'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Outturn stays usable while a large import applies', () => {
  it('answers the Checks page and another service’s table before a 200,000-row import finishes applying', { timeout: 420_000 }, async () => {
    const watch = watchPage(page);
    // 200,000 rows of committee tables, month after month, with figures only on the lines each demo
    // service uses (a figure on a greyed-out line would refuse the file).
    const config = await api<{ services: { name: string; typesInUse: string[] }[] }>('kad.config', { period: '2023-08' });
    const file = path.join(dir, 'history.xlsx');
    await writeBigCommitteeWorkbook(file, 200_000, { typesInUse: Object.fromEntries(config.services.map((s) => [s.name, s.typesInUse])) });

    await page.goto(served.url);
    await page.getByTestId('kad-caption').waitFor();
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-apply').waitFor({ timeout: 300_000 });

    // Every API answer the page receives, in the order it receives them.
    const answered: string[] = [];
    const record = (r: Response) => {
      const m = /\/api\/([\w.]+)$/.exec(r.url());
      if (m) answered.push(m[1]!);
    };
    page.on('response', record);
    const applyAnswer = page.waitForResponse((r) => r.url().endsWith('/api/import.apply'), { timeout: 400_000 });
    let applied = false;
    void applyAnswer.then(() => (applied = true));
    const applySent = page.waitForRequest((r) => r.url().endsWith('/api/import.apply'));
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-apply-confirm').click();
    await applySent;

    // The Checks page, while the import applies.
    await page.getByTestId('nav-checks').click();
    await expect.poll(() => page.getByTestId('finding').count()).toBeGreaterThan(0);
    const checksShownWhileApplying = !applied;
    // Another service's table, while the import applies.
    await page.getByTestId('nav-kad').click();
    await page.getByTestId('service-picker').locator('[data-service-id="autism"]').click();
    await expect.poll(() => page.getByTestId('kad-caption').textContent()).toContain('Autism');
    await expect.poll(() => page.locator('[role="row"][row-id="residential"] [col-id="currentPackages"]').textContent()).toMatch(/^\d+$/);
    const tableShownWhileApplying = !applied;

    expect(checksShownWhileApplying).toBe(true);
    expect(tableShownWhileApplying).toBe(true);
    const response = await applyAnswer;
    const status = ((await response.json()) as { value: { state: string } }).value;
    expect(status.state).toBe('applied');
    // The page's calls for both pages were answered before the import's own answer came back.
    const applyAt = answered.indexOf('import.apply');
    expect(answered.indexOf('checks.list')).toBeGreaterThanOrEqual(0);
    expect(answered.lastIndexOf('kad.table')).toBeGreaterThanOrEqual(0);
    expect(answered.indexOf('checks.list')).toBeLessThan(applyAt);
    expect(answered.indexOf('kad.table')).toBeLessThan(applyAt);
    page.off('response', record);

    // And the import did land: the months it brought now hold figures.
    const months = await api<{ months: { id: string; areas: string[] }[] }>('periods.list');
    expect(months.months.filter((m) => m.areas.length > 0).length).toBeGreaterThan(1000);
    expect(watch.problems).toEqual([]);
  });
});
