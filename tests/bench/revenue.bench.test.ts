import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';
import { insertPeriods } from '../../main/store/periods';
import type { Directorate, RevenueLine, Section } from '../../shared/areas/revenue/model';
import { computeTotals, lineValues, planAppendix } from '../../shared/areas/revenue/totals';
import { monthsOfFinancialYear } from '../../shared/periods';
import { launchBrowser, serveFile } from '../e2e/harness';
import { BARE_ROOT, BARE_TOTAL, bareCell, serveBareGrid } from './bareGrid';
import { armTotalProbe, scrollProbe, type ScrollResult } from './browserProbes';

/**
 * A large council: 5,000 budget lines × 12 months. (1) Recomputing every total after one edit, against a
 * plain loop adding the same numbers into the same totals, in the same run (aim: within 2×). (2) In
 * Chromium, against the built renderer over the HTTP bridge: keystroke to repainted total (aim: median
 * ≤ 16 ms, 95th percentile ≤ 50 ms) and frame rate while scrolling the 5,000-line grid (aim: ≥ 50 fps).
 * Exits non-zero (a failed expectation) when an aim is missed. The browser figures are also printed against
 * AG Grid Community on its own (bareGrid.ts), timed the same way in the same browser straight after, so a
 * miss shows whether Outturn or the machine is the cause; those ratios carry no aim of their own.
 */
const LINES = 5000;
const SECTIONS = 50;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-bench-revenue-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const directorate: Directorate = { id: 'big', name: 'Large Council', appendix: '1z', expenditureTotalLabel: 'Large Council Total', overallTotalLabel: 'Overall Total' };
const sections: Section[] = Array.from({ length: SECTIONS }, (_, s) => ({ directorateId: 'big', name: `Section ${s + 1}`, order: s + 1, totalLabel: s % 2 ? `Section ${s + 1} Total` : null, isMitigation: s === SECTIONS - 1, summaryRow: s === SECTIONS - 1 ? 'Mitigations' : 'Large Council' }));
const lines: RevenueLine[] = Array.from({ length: LINES }, (_, i) => {
  const s = Math.floor(i / (LINES / SECTIONS));
  return {
    key: `big:line-${i + 1}`, directorateId: 'big', section: `Section ${s + 1}`, subsection: i % 100 < 40 ? `Sub ${s + 1}.${Math.floor((i % 100) / 10) + 1}` : null,
    label: `Budget line ${i + 1}`, committee: 'A&H', budgetHolder: null, order: i + 1,
    grossBudget: ((i * 7919) % 900_000) * 100 + 100_000, incomeBudget: -((i * 104_729) % 300_000) * 100, actual: ((i * 31) % 400_000) * 100, forecastVariance: (((i * 13) % 2001) - 1000) * 100, previousVariance: null, previousSource: 'none',
  };
});

const VIEWPORT = { width: 1500, height: 1000 };
const GRID = '[data-testid="revenue-grid"]';
const TOTAL = `${GRID} [role="row"][row-id="t:big:overall"] [col-id="forecastVariance"]`;
// 75 committed figures: resampling runs of this bench put the uncertainty of the median at 0.8–1.2 ms with
// 25 samples and 0.4–0.7 ms with 75, against an aim a millisecond or two away.
const EDITS = 75;
/** Longer than the shell waits after the last save before it checks the month again (useChecks.ts, 400 ms). */
const QUIET_MS = 1500;

/** Types a figure into the cell and commits it with Enter, EDITS times: the median and 95th percentile of the probe's times. */
async function timeEdits(page: Page, cell: string, total: string): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    await page.locator(cell).click();
    await page.evaluate(armTotalProbe(total));
    await page.keyboard.type(String(1000 + i * 7));
    await page.keyboard.press('Enter');
    samples.push((await page.evaluate('window.benchDone')) as number);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.ceil(samples.length * 0.95) - 1]! };
}

it('recomputes every total after one edit within 2× of a plain loop adding the same numbers', () => {
  const plan = planAppendix(directorate, sections, lines);
  const flat = lineValues(plan.lines);
  // The plain loop: each total adds up its own lines' five figures, nothing else.
  const members = plan.totals.map((_, t) => plan.lines.map((_, i) => i).filter((i) => plan.targets[i]!.includes(t)));
  const plain = () => {
    const out = new Float64Array(plan.totals.length * 5);
    for (let t = 0; t < members.length; t++) for (const i of members[t]!) for (let f = 0; f < 5; f++) out[t * 5 + f] = out[t * 5 + f]! + flat[i * 5 + f]!;
    return out;
  };
  // One edit (the first line's variance), then fn: timed in batches, the two interleaved so a busy
  // neighbour on a shared machine slows both alike; the median batch of each is compared.
  const batch = (fn: () => unknown, runs: number, round: number) => {
    const t = performance.now();
    for (let i = 0; i < runs; i++) {
      flat[4] = ((round * runs + i) % 50) * 100;
      fn();
    }
    return (performance.now() - t) / runs;
  };
  const ourRun = () => computeTotals(plan, 'abs_net', flat);
  for (let i = 0; i < 50; i++) {
    plain();
    ourRun();
  }
  const plainTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let round = 0; round < 41; round++) {
    plainTimes.push(batch(plain, 25, round));
    ourTimes.push(batch(ourRun, 25, round));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const baseline = median(plainTimes);
  const ours = median(ourTimes);
  expect(computeTotals(plan, 'abs_net', flat).at(-1)!.forecastVariance).toBe(Array.from(plain().slice(-5))[4]);
  process.stdout.write(`\nRevenue recompute, ${LINES} lines, ${plan.totals.length} totals: plain loop ${baseline.toFixed(3)} ms, Outturn ${ours.toFixed(3)} ms, ratio ${(ours / baseline).toFixed(2)} (aim ≤ 2; medians of 41 interleaved batches of 25)\n`);
  expect(ours / baseline).toBeLessThanOrEqual(2);
});

it('repaints the total within a frame of a keystroke and scrolls the 5,000-line grid at 50 fps or more', async () => {
  const file = path.join(dir, 'large.db');
  initWorkspace(file, { demo: false });
  const session = new AppSession(file);
  const { ws } = session;
  ws.write({ channel: 'seed', label: 'Bench: a large council, 5,000 lines × 12 months' }, () => {
    const months = monthsOfFinancialYear('2023-24');
    insertPeriods(ws, months);
    ws.db.prepare(`INSERT INTO revenue_directorates (id, name, appendix, expenditure_total_label, overall_total_label, sort_order) VALUES ('big', ?, '1z', ?, 'Overall Total', 1)`).run(directorate.name, directorate.expenditureTotalLabel);
    const sec = ws.db.prepare('INSERT INTO revenue_sections (directorate_id, name, sort_order, total_label, is_mitigation, summary_row) VALUES (?, ?, ?, ?, ?, ?)');
    for (const s of sections) sec.run('big', s.name, s.order, s.totalLabel, s.isMitigation ? 1 : 0, s.summaryRow);
    const ins = ws.db.prepare('INSERT INTO revenue_lines (period, line_key, directorate_id, section, subsection, label, committee, sort_order, gross_budget, income_budget, actual, forecast_variance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const m of months) for (const l of lines) ins.run(m, l.key, 'big', l.section, l.subsection, l.label, l.committee, l.order, l.grossBudget, l.incomeBudget, l.actual, l.forecastVariance);
  });
  session.close();

  // Kept: the folder is the bench's own, removed after all its tests.
  const served = await serveFile(file, { keep: true });
  const browser = await launchBrowser();
  const bare = await serveBareGrid(lines);
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${served.url}&area=revenue&period=2024-03&table=big`);
    await page.locator(TOTAL).waitFor();
    let saved = 0;
    page.on('response', (r) => {
      if (r.url().endsWith('/api/revenue.setCells')) saved++;
    });
    // The page's requests in flight and when the last one began or ended, to wait for it to fall quiet.
    let inFlight = 0;
    let lastTraffic = Date.now();
    page.on('request', () => {
      inFlight++;
      lastTraffic = Date.now();
    });
    const settled = () => {
      inFlight--;
      lastTraffic = Date.now();
    };
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    const { median, p95 } = await timeEdits(page, '[role="row"][row-id="big:line-1"] [col-id="forecastVariance"]', TOTAL);
    process.stdout.write(`\nRevenue grid, ${LINES} lines in Chromium: keystroke to repainted total median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (aims ≤ 16, ≤ 50)\n`);
    // Scrolling is timed alone: every save answered and shown first, and the month's check that follows a
    // burst of saves (asked for once they pause) answered too, so no late answer lands in its frames.
    const settleBy = Date.now() + 60_000;
    while ((saved < EDITS || inFlight > 0 || Date.now() - lastTraffic < QUIET_MS) && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 50));
    expect(saved).toBe(EDITS);
    expect(inFlight).toBe(0);
    const scrolled = (await page.evaluate(scrollProbe(GRID))) as ScrollResult;
    expect(scrolled.rows).toBeGreaterThan(10);
    expect(scrolled.top).toBeGreaterThan(LINES - 500);
    const { fps } = scrolled;
    process.stdout.write(
      `Revenue grid scrolling, top to bottom (${scrolled.frames} frames): ${fps.toFixed(1)} fps, median frame (aim ≥ 50); ${scrolled.slow.toFixed(0)} fps at the 95th percentile frame; ` +
        `${scrolled.firstFps.toFixed(1)} fps over the first 150 frames; top row drawn at the bottom ${scrolled.top} of ${scrolled.rows} drawn\n`,
    );

    // The baseline: AG Grid on its own, as large as Outturn's grid was drawn, timed the same way after it.
    const box = (await page.evaluate(`(() => { const r = document.querySelector('${GRID} .ag-root-wrapper').getBoundingClientRect(); return { width: Math.round(r.width), height: Math.round(r.height) }; })()`)) as { width: number; height: number };
    await page.close();
    const barePage = await browser.newPage({ viewport: VIEWPORT });
    await barePage.goto(bare.url(box.width, box.height));
    await barePage.locator(BARE_TOTAL).waitFor();
    const bareKeys = await timeEdits(barePage, bareCell('big:line-1', 'forecastVariance'), BARE_TOTAL);
    await barePage.waitForTimeout(500);
    const bareScrolled = (await barePage.evaluate(scrollProbe(BARE_ROOT))) as ScrollResult;
    expect(bareScrolled.top).toBeGreaterThan(LINES - 500);
    process.stdout.write(
      `AG Grid Community on its own (the same lines, columns, theme and grid size, ${box.width}×${box.height} px; same browser, same run): keystroke to repainted total median ${bareKeys.median.toFixed(1)} ms, p95 ${bareKeys.p95.toFixed(1)} ms; scrolling ${bareScrolled.fps.toFixed(1)} fps, median frame (${bareScrolled.firstFps.toFixed(1)} over the first 150)\n` +
        `Outturn against it (context, no aim of its own): keystroke median ${(median / bareKeys.median).toFixed(2)} × its time, scrolling ${(fps / bareScrolled.fps).toFixed(2)} × its frame rate\n`,
    );
    expect.soft(median).toBeLessThanOrEqual(16);
    expect.soft(p95).toBeLessThanOrEqual(50);
    expect.soft(fps).toBeGreaterThanOrEqual(50);
  } finally {
    await bare.close();
    await browser.close();
    await served.stop();
  }
});
