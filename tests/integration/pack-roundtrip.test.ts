import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';
import { listServices } from '../../main/areas/kad/repository';
import { writePack } from '../../main/pack/build';

/**
 * Round trip: the August 2023 demo pack, imported (committee layout, through the import engine) into an
 * empty workspace and exported again, gives the same cell values on the Key Activity Data sheet.
 */

type Grid = Map<string, unknown>;

/** Every non-empty cell's value as a viewer would take it: a formula by its formula and cached result. */
async function kadCells(file: string): Promise<{ grid: Grid; captions: Set<string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('5 Key Activity Data')!;
  const grid: Grid = new Map();
  const captions = new Set<string>();
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      // exceljs repeats a merged area's value in every cell of it: only the area's own (top-left) cell holds it.
      if (v === null || v === undefined || (cell.isMerged && cell.master !== cell)) return;
      grid.set(cell.address, v && typeof v === 'object' && 'formula' in v ? { formula: cell.formula, result: cell.result } : v);
      if (typeof v === 'string' && /^5\.\d+ /.test(v)) captions.add(cell.address);
    }),
  );
  return { grid, captions };
}

let dir: string;
let first: Awaited<ReturnType<typeof kadCells>>;
let second: Awaited<ReturnType<typeof kadCells>>;
let imported: { state: string; message: string | null; problems: string[]; services: { id: string; name: string; caption: string }[] };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-pack-roundtrip-'));
  const demoFile = path.join(dir, 'demo.db');
  const emptyFile = path.join(dir, 'empty.db');
  const packA = path.join(dir, 'pack-a.xlsx');
  const packB = path.join(dir, 'pack-b.xlsx');
  initWorkspace(demoFile, { demo: true });
  initWorkspace(emptyFile, {});

  const demo = new AppSession(demoFile);
  try {
    await writePack(demo.ws, { period: '2023-08' }, packA);
  } finally {
    demo.close();
  }
  const empty = new AppSession(emptyFile);
  try {
    const id = await empty.imports.start(packA);
    const status = await empty.imports.settled(id);
    imported = { state: status.state, message: status.message, problems: status.problems, services: [] };
    if (status.state === 'ready') {
      const applied = await empty.imports.apply(id, 'import');
      imported.state = applied.state;
      imported.services = listServices(empty.ws);
      await writePack(empty.ws, { period: '2023-08' }, packB);
    }
  } finally {
    empty.close();
  }
  first = await kadCells(packA);
  if (fs.existsSync(packB)) second = await kadCells(packB);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('export, import into an empty workspace, export again', () => {
  it('imports the pack as six new services in the published order', () => {
    expect(imported.problems).toEqual([]);
    expect(imported.state).toBe('applied');
    expect(imported.services.map((s) => s.name)).toEqual([
      'Learning Disability Partnership',
      'Older People and Physical Disability Over 65',
      'Physical Disabilities Under 65s',
      'Older People Mental Health',
      'Adult Mental Health',
      'Autism',
    ]);
  });

  const differing = (only: (address: string) => boolean) =>
    [...first.grid]
      .filter(([address]) => only(address))
      .filter(([address, v]) => JSON.stringify(second.grid.get(address)) !== JSON.stringify(v))
      .map(([address, v]) => `${address}: ${JSON.stringify(v)} → ${JSON.stringify(second.grid.get(address))}`);

  it('gives identical cell values on the Key Activity Data sheet: figures, formulas, arrows, labels, prose and chart captions', () => {
    expect(second).toBeDefined();
    expect([...second.grid.keys()].sort()).toEqual([...first.grid.keys()].sort());
    // The chart captions aside: the demo's care-package extract history (April 2022 to July 2023) is not in
    // the pack, so the workspace it is imported into charts August alone.
    const charts = (grid: Grid) => new Set([...grid].filter(([, v]) => JSON.stringify(v).includes('Weekly Costs & People')).map(([a]) => a));
    const chartCells = charts(first.grid);
    expect(chartCells.size).toBe(12);
    expect(differing((address) => !first.captions.has(address) && !chartCells.has(address))).toEqual([]);
    for (const a of chartCells) {
      expect(JSON.stringify(first.grid.get(a))).toContain('(Apr 22 - Aug 23)');
      expect(JSON.stringify(second.grid.get(a))).toContain('(Aug 23 - Aug 23)');
    }
    expect(first.captions.size).toBe(6);
    expect(first.grid.size).toBeGreaterThan(6 * 120);
  });

  // A table imported as a new service keeps the title it was published under as its caption, so 5.2 to
  // 5.5, whose captions word the service differently from its band, come back as they went out.
  it('keeps every table caption as published', () => {
    expect(differing((address) => first.captions.has(address))).toEqual([]);
  });
});
