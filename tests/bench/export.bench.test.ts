import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';
import { writePack } from '../../main/pack/build';

/**
 * Export speed: the time to write the full demo committee pack against the time exceljs alone takes to
 * write a workbook with the same number of cells (numbers and text, no styles or images), in one run.
 * The aim: the pack takes at most EXPORT_AIM times as long (its twelve charts are most of it); the test
 * fails (and `npm run bench` exits non-zero) when it takes longer.
 */
const EXPORT_AIM = 60;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-bench-export-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it(`exports the demo committee pack within ${EXPORT_AIM} times exceljs's time for its cells`, async () => {
  const ws = path.join(dir, 'demo.db');
  initWorkspace(ws, { demo: true });
  const session = new AppSession(ws, { readOnly: true });
  const runs = 3;
  let packMs = Infinity;
  let cells = 0;
  const packFile = path.join(dir, 'pack.xlsx');
  try {
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await writePack(session.ws, { period: '2023-08' }, packFile);
      packMs = Math.min(packMs, performance.now() - t);
    }
  } finally {
    session.close();
  }
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(packFile);
  for (const sheet of written.worksheets) sheet.eachRow((row) => row.eachCell(() => void cells++));
  expect(cells).toBeGreaterThan(500);

  let bareMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Cells');
    const perRow = 11;
    for (let r = 1; r * perRow <= cells + perRow; r++) sheet.addRow(Array.from({ length: perRow }, (_, c) => (c === 0 ? `Line ${r}` : r * c)));
    await wb.xlsx.writeFile(path.join(dir, 'bare.xlsx'));
    bareMs = Math.min(bareMs, performance.now() - t);
  }
  process.stdout.write(
    [
      '',
      `Export benchmark: the demo committee pack for August 2023 (${cells} cells, 12 charts), best of ${runs}`,
      `  (a) exceljs alone writing ${cells} plain cells: ${bareMs.toFixed(0)} ms`,
      `  (b) Outturn's full pack (layout, formulas, styles, charts): ${packMs.toFixed(0)} ms`,
      `  ratio (b) / (a): ${(packMs / bareMs).toFixed(1)} (aim: at most ${EXPORT_AIM})`,
      '',
    ].join('\n'),
  );
  expect(packMs / bareMs, `the pack took ${(packMs / bareMs).toFixed(1)} times exceljs's time; the aim is at most ${EXPORT_AIM}`).toBeLessThanOrEqual(EXPORT_AIM);
});
