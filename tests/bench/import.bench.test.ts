import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';
import { writeBigCommitteeWorkbook } from '../helpers/big-workbook';

/**
 * Import speed: rows per second for (a) exceljs's streaming reader alone and (b) Outturn's full import
 * (read + validate + stage + apply), on the same generated workbook in the same run, and their ratio.
 * BENCH_ROWS sets the size (default 200,000).
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function report(lines: string[]): void {
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

it(`imports a ${ROWS.toLocaleString('en-GB')}-row KAD workbook`, async () => {
  const file = path.join(dir, 'big.xlsx');
  const made = await writeBigCommitteeWorkbook(file, ROWS);

  let t = performance.now();
  let bare = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const ws of reader) for await (const _row of ws) bare++;
  const bareSeconds = (performance.now() - t) / 1000;

  const ws = path.join(dir, 'bench.db');
  initWorkspace(ws, {});
  const session = new AppSession(ws);
  t = performance.now();
  const id = await session.imports.start(file);
  const status = await session.imports.settled(id);
  const readSeconds = (performance.now() - t) / 1000;
  expect(status.state, status.problems.slice(0, 5).join('\n')).toBe('ready');
  const applied = await session.imports.apply(id);
  const fullSeconds = (performance.now() - t) / 1000;
  session.close();
  expect(applied.state).toBe('applied');

  const bareRate = bare / bareSeconds;
  const fullRate = made.rows / fullSeconds;
  report([
    `Import benchmark: ${made.rows.toLocaleString('en-GB')} rows, ${made.tables.toLocaleString('en-GB')} tables over ${made.months} months, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB`,
    `  (a) exceljs streaming read alone:   ${Math.round(bareRate).toLocaleString('en-GB')} rows/s (${bareSeconds.toFixed(1)} s)`,
    `      Outturn read + validate + stage: ${Math.round(made.rows / readSeconds).toLocaleString('en-GB')} rows/s (${readSeconds.toFixed(1)} s)`,
    `  (b) Outturn full import (+ apply):  ${Math.round(fullRate).toLocaleString('en-GB')} rows/s (${fullSeconds.toFixed(1)} s)`,
    `  ratio (b) / (a): ${(fullRate / bareRate).toFixed(2)} (aim: at least 0.50)`,
  ]);
});

