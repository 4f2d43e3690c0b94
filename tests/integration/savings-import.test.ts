import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { savingsChecks } from '../../main/areas/savings/checks';
import { overrideRag, savingsTracker, setSavingFigures } from '../../main/areas/savings/service';
import { templateFile } from '../../main/import/template';
import { cli } from '../helpers/cli';
import { committeeTrackerWorkbook } from '../helpers/savings-workbook';
import { auditCount, demoPerTest } from '../helpers/workspace';

/**
 * Appendix 4 imported as published (the committee layout: RAG first, BP refs such as "C/F 22-23 Saving"
 * and "A/R.6.200 plus C/F 22-23", unlabelled Total rows): the savings' figures and words come in, the
 * RAG, variances and totals are kept as reported values and checked, and a RAG in the file never
 * overrides the one Outturn shows.
 */
const demos = demoPerTest();
const REVIEWS = '2023-24-ahc-10'; // Post hospital discharge reviews: -310 planned, -155 forecast as published
const APC = '2023-24-ahc-5'; // Adults Positive Challenge Programme: Green as published and by the key
const rowOf = (ws: Parameters<typeof savingsTracker>[0], id: string) => savingsTracker(ws, '2023-08').groups.flatMap((g) => g.rows).find((r) => r.id === id)!;

describe('importing the published savings trackers', { timeout: 60_000 }, () => {
  it('restores a changed forecast, keeps an officer override, and finds the published RAG departures', async () => {
    const env = demos.fresh();
    let session = env.open();
    setSavingFigures(session.ws, '2023-08', [{ lineId: REVIEWS, field: 'forecastSaving', value: -20000 }], 'grid');
    overrideRag(session.ws, '2023-08', APC, 'Amber', 'Programme lead has left; delivery at risk', 'grid');
    session.close();
    const file = path.join(env.dir, 'appendix-4.xlsx');
    // The file also says Red for Adults Positive Challenge (Green by the key; Amber by the officer).
    await committeeTrackerWorkbook((p) => void (p.trackers[0]!.rows[4]!.raw[0] = 'Red')).xlsx.writeFile(file);

    const r = await cli('import', env.file, file, '--period', '2023-08');
    expect(r).toMatchObject({ code: 0, err: '' });
    session = env.open();
    const { ws } = session;
    expect(rowOf(ws, REVIEWS)).toMatchObject({ forecastSaving: -15500 });
    expect(rowOf(ws, APC)).toMatchObject({ rag: 'Amber', ruleRag: 'Green', overridden: true, ragOverride: expect.objectContaining({ rag: 'Amber' }) });
    expect(ws.db.prepare(`SELECT entity_key, field, old_value, new_value, file_name FROM audit_log WHERE entity = 'savings_line' AND file_name = 'appendix-4.xlsx'`).all()).toEqual([
      { entity_key: REVIEWS, field: 'forecast_saving', old_value: '-20000', new_value: '-15500', file_name: 'appendix-4.xlsx' },
    ]);
    // CHECKS.md §7: LDP Pooled Budget Rebaselining is published Amber and Green by the key; and the file's Red.
    const departs = savingsChecks(ws, '2023-08').filter((f) => f.rule === 'reported-rag-departs').map((f) => `${f.row}: ${f.reported} → ${f.computed}`);
    expect(departs).toEqual(['Learning Disability Partnership Pooled Budget Rebaselining: Amber → Green', 'Adults Positive Challenge Programme: Red → Green']);
    // CHECKS.md §0.2: the published totals add up, so no total is a finding.
    expect(savingsChecks(ws, '2023-08').filter((f) => f.rule === 'reported-total-mismatch')).toEqual([]);
    const before = auditCount(ws);
    session.close();

    const again = await cli('import', env.file, file, '--period', '2023-08');
    expect(again.out).toContain('Nothing to import');
    expect(auditCount(env.open().ws)).toBe(before);
  });

  it('adds a saving the register does not hold, at the end of its tracker', async () => {
    const env = demos.fresh();
    const file = path.join(env.dir, 'appendix-4-new.xlsx');
    await committeeTrackerWorkbook((p) =>
      p.trackers[1]!.rows.push({ ...p.trackers[1]!.rows[0]!, bp_ref: 'E/R.6.009', title: 'Sexual health contract retender', raw: ['Green', 'E/R.6.009', 'Sexual health contract retender', '-50', '-50', '0', '0%'], commentary: 'On track.' }),
    ).xlsx.writeFile(file);
    const r = await cli('import', env.file, file, '--period', '2023-08');
    expect(r).toMatchObject({ code: 0, err: '' });
    const ph = savingsTracker(env.open().ws, '2023-08').groups.find((g) => g.directorate.id === 'ph')!;
    expect(ph.rows.map((x) => [x.bpRef, x.title, x.originalSaving, x.forecastSaving, x.commentary])).toEqual([
      ['E/R.6.002', 'Vacancy factor for Public Health staffing', -8000, -8000, expect.any(String)],
      ['E/R.6.003', 'Public Health savings', -20100, -20100, expect.any(String)],
      ['E/R.6.009', 'Sexual health contract retender', -5000, -5000, 'On track.'],
    ]);
  });

  it('refuses a file with a figure that is not an amount, naming the cell, changing nothing', async () => {
    const env = demos.fresh();
    const file = path.join(env.dir, 'bad.xlsx');
    await committeeTrackerWorkbook((p) => void (p.trackers[0]!.rows[1]!.raw[4] = 'about -4')).xlsx.writeFile(file);
    const count = () => {
      const s = env.open();
      const n = auditCount(s.ws);
      s.close();
      return n;
    };
    const before = count();
    const r = await cli('import', env.file, file, '--period', '2023-08');
    expect(r.code).toBe(1);
    expect(r.err + r.out).toMatch(/Appendix 4!E6: "about -4"/);
    expect(count()).toBe(before);
  });

  it('reads back Outturn\'s template: a changed forecast and commentary, a new saving on a row without a key', async () => {
    const env = demos.fresh();
    let session = env.open();
    const template = await templateFile(session.ws, '2023-08', true);
    session.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.data as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Savings Public Health')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Key', 'BP Ref', 'Title', 'Original Saving £000', 'Forecast Saving £000', 'Commentary for publication', undefined, 'Month: August 2023']);
    expect([sheet.getCell('A2').value, sheet.getCell('D2').value, sheet.getCell('E2').value]).toEqual(['2023-24-ph-1', -80, -80]);
    sheet.getCell('E2').value = -60;
    sheet.getCell('F2').value = 'Two posts filled early.';
    sheet.addRow([null, 'E/R.6.010', 'Drug and alcohol service redesign', -30, -30, null]);
    const file = path.join(env.dir, 'template.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const r = await cli('import', env.file, file);
    expect(r).toMatchObject({ code: 0, err: '' });
    session = env.open();
    const ph = savingsTracker(session.ws, '2023-08').groups.find((g) => g.directorate.id === 'ph')!;
    expect(ph.rows.map((x) => [x.id, x.bpRef, x.title, x.forecastSaving, x.rag])).toEqual([
      ['2023-24-ph-1', 'E/R.6.002', 'Vacancy factor for Public Health staffing', -6000, 'Amber'],
      ['2023-24-ph-2', 'E/R.6.003', 'Public Health savings', -20100, 'Green'],
      ['2023-24-ph-3', 'E/R.6.010', 'Drug and alcohol service redesign', -3000, 'Green'],
    ]);
    expect(ph.rows[0]!.commentary).toBe('Two posts filled early.');
    // Nothing else moved: the AHC tracker and every reported value are as they were.
    expect(session.ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE file_name = 'template.xlsx' AND entity <> 'savings_line'`).pluck().get()).toBe(0);
    session.close();
  });
});
