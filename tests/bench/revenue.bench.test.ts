import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';
import { insertPeriods } from '../../main/store/periods';
import type { Directorate, RevenueLine, Section } from '../../shared/areas/revenue/model';
import { computeTotals, lineValues, planAppendix } from '../../shared/areas/revenue/totals';
import { monthsOfFinancialYear } from '../../shared/periods';
import { launchBrowser } from '../e2e/harness';

/**
 * A large council: 5,000 budget lines × 12 months. (1) Recomputing every total after one edit, against a
 * plain loop adding the same numbers into the same totals, in the same run (aim: within 2×). (2) In
 * Chromium, against the built renderer over the HTTP bridge: keystroke to repainted total (aim: median
 * ≤ 16 ms, 95th percentile ≤ 50 ms) and frame rate while scrolling the 5,000-line grid (aim: ≥ 50 fps).
 * Exits non-zero (a failed expectation) when an aim is missed.
 */
const LINES = 5000;
const SECTIONS = 50;
const ROOT = path.resolve(__dirname, '../..');
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

  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/outturn.js'), 'serve', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${url}&area=revenue&period=2024-03&table=big`);
    const total = page.locator('[role="row"][row-id="t:big:overall"] [col-id="forecastVariance"]');
    await total.waitFor();
    const cell = page.locator('[role="row"][row-id="big:line-1"] [col-id="forecastVariance"]');
    let saved = 0;
    page.on('response', (r) => {
      if (r.url().endsWith('/api/revenue.setCells')) saved++;
    });
    const samples: number[] = [];
    for (let i = 0; i < 25; i++) {
      await cell.click();
      // Time from the committing keystroke to the pinned total's text changing, measured in the page.
      // Strings, so this Node-side file needs no DOM typings.
      await page.evaluate(`(() => {
        const el = document.querySelector('[row-id="t:big:overall"] [col-id="forecastVariance"]');
        const before = el.textContent;
        window.benchDone = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            if (el.textContent !== before) {
              obs.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - window.benchStart));
            }
          });
          obs.observe(el, { characterData: true, childList: true, subtree: true });
        });
        const onKey = (e) => { if (e.key === 'Enter') { window.benchStart = performance.now(); document.removeEventListener('keydown', onKey, true); } };
        document.addEventListener('keydown', onKey, true);
      })()`);
      await page.keyboard.type(String(1000 + i * 7));
      await page.keyboard.press('Enter');
      samples.push((await page.evaluate('window.benchDone')) as number);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    const p95 = samples[Math.ceil(samples.length * 0.95) - 1]!;

    process.stdout.write(`\nRevenue grid, ${LINES} lines in Chromium: keystroke to repainted total median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (aims ≤ 16, ≤ 50)\n`);
    // Scrolling is timed alone: every save answered and shown first, so no late answer lands in its frames.
    const settleBy = Date.now() + 60_000;
    while (saved < samples.length && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 50));
    expect(saved).toBe(samples.length);
    await page.waitForTimeout(500);
    const scrolled = (await page.evaluate(`(async () => {
      const viewport = document.querySelector('[data-testid="revenue-grid"] .ag-body-vertical-scroll-viewport') ?? document.querySelector('[data-testid="revenue-grid"] .ag-body-viewport');
      const frames = [];
      let last = performance.now();
      for (let i = 0; i < 150; i++) {
        viewport.scrollTop += 120;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      // The rows really moved: the grid drew the rows 150 steps of 120 px down, not the same ones again.
      // Every scrolling row counts but the focused one (AG Grid keeps it drawn wherever it is) and the
      // pinned totals (not numbered as rows of the body).
      const shown = [...document.querySelectorAll('[data-testid="revenue-grid"] [role="row"][row-index]:not(.ag-row-focus)')].map((r) => Number(r.getAttribute('row-index'))).filter((i) => Number.isInteger(i));
      return { fps: 1000 / frames[Math.floor(frames.length / 2)], slow: 1000 / frames[Math.ceil(frames.length * 0.95) - 1], top: Math.min(...shown), rows: shown.length };
    })()`)) as { fps: number; slow: number; top: number; rows: number };
    expect(scrolled.rows).toBeGreaterThan(10);
    expect(scrolled.top).toBeGreaterThan(400);
    const { fps } = scrolled;
    process.stdout.write(`Revenue grid scrolling: ${fps.toFixed(0)} fps, median frame (aim ≥ 50); ${scrolled.slow.toFixed(0)} fps at the 95th percentile frame; top row drawn after scrolling ${scrolled.top} of ${scrolled.rows} drawn\n`);
    expect.soft(median).toBeLessThanOrEqual(16);
    expect.soft(p95).toBeLessThanOrEqual(50);
    expect.soft(fps).toBeGreaterThanOrEqual(50);
  } finally {
    await browser.close();
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
});
