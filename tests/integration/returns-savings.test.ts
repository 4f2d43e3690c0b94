import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { savingsTracker, setSavingFigures, setSavingText } from '../../main/areas/savings/service';
import { auditReportFile } from '../../main/core/audit-report';
import { buildPack } from '../../main/pack/build';
import { issueReturns, writeReturnFiles } from '../../main/returns/issue';
import { applyReturns, batchSummary, previewReturns } from '../../main/returns/receive';
import { returnInfos } from '../../main/returns/status';
import type { Workspace } from '../../main/store/workspace';
import { editWorkbook, rowOf } from '../helpers/returns';
import { auditCount, demoPerTest, tempDemo } from '../helpers/workspace';

/**
 * The full round trip of savings returns with real workbooks, edited by the test as a commissioner would
 * in Excel: one return per owner holding only their savings, a change, a conflict the officer resolves,
 * a tampered and a foreign return refused, the owner recorded in the audit trail, and the same return
 * taken back twice changing nothing the second time.
 */
const demos = demoPerTest();
const OWNERS: Record<string, string> = { 'Jane Smith': 'ahc-1 ahc-2 ahc-3 ahc-4 ahc-5 ahc-6', 'Omar Khan': 'ahc-7 ahc-8 ahc-9 ahc-10 ahc-11 ahc-12 ahc-13', 'Priya Patel': 'ph-1 ph-2' };
const line = (id: string) => `2023-24-${id}`;

function giveOwners(ws: Workspace): void {
  for (const [owner, ids] of Object.entries(OWNERS)) for (const id of ids.split(' ')) setSavingText(ws, '2023-08', line(id), 'owner', owner, 'grid');
}

async function issued(ws: Workspace, dir: string) {
  giveOwners(ws);
  const result = issueReturns(ws, { area: 'savings', period: '2023-08', dueDate: '2023-09-08' }, 'cli');
  const files = await writeReturnFiles(ws, result.returns, dir);
  const byOwner = Object.fromEntries(result.returns.map((r, i) => [r.owner, files[i]!]));
  return { result, files, byOwner };
}

const received = (file: string) => ({ file, fileName: path.basename(file) });
const row = (ws: Workspace, id: string) => savingsTracker(ws, '2023-08').groups.flatMap((g) => g.rows).find((r) => r.id === line(id))!;

describe('savings returns', { timeout: 30_000 }, () => {
  it('issue one protected workbook per owner, holding only their savings, with only forecast and commentary unlocked', async () => {
    const env = demos.fresh();
    const { ws } = env.open();
    const { result, byOwner } = await issued(ws, path.join(env.dir, 'out'));
    expect(result.returns.map((r) => r.owner).sort()).toEqual(['Jane Smith', 'Omar Khan', 'Priya Patel']);
    expect(result.unowned).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(byOwner['Priya Patel']!);
    const sheet = wb.getWorksheet('Return')!;
    const titles: string[] = [];
    sheet.eachRow((r) => r.number > 5 && titles.push(String(r.getCell(2).value)));
    expect(titles).toEqual(['Vacancy factor for Public Health staffing', 'Public Health savings']);
    expect(sheet.getCell('A2').value).toBe('For Priya Patel. Please send it back by 8 September 2023.');
    const unlocked: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => c.protection?.locked === false && unlocked.push(c.address)));
    expect(unlocked).toEqual(['D6', 'E6', 'D7', 'E7']);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(sheet.getCell('D6').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [-10000000, 10000000] });
    expect(sheet.getCell('D6').value).toBe(-80);
    expect(wb.getWorksheet('_outturn_return')!.state).toBe('veryHidden');
  });

  it('take back a change and a resolved conflict in one step, on behalf of each owner; refuse a tampered one', async () => {
    const env = demos.fresh();
    const session = env.open();
    const { ws } = session;
    const { byOwner } = await issued(ws, path.join(env.dir, 'out'));

    // Jane returns a new forecast for Micro-enterprises Support and new words for Adult Social Care Transport.
    await editWorkbook(byOwner['Jane Smith']!, (wb) => {
      const s = wb.getWorksheet('Return')!;
      rowOf(s, 'Micro-enterprises Support').getCell(4).value = -50;
      rowOf(s, 'Adult Social Care Transport').getCell(5).value = 'Routes retendered; inflation on fuel still the risk.';
    });
    // Omar returns a larger shortfall on Post hospital discharge reviews, typed as text as LibreOffice may keep it.
    await editWorkbook(byOwner['Omar Khan']!, (wb) => void (rowOf(wb.getWorksheet('Return')!, 'Post hospital discharge reviews').getCell(4).value = '-120'));
    // Meanwhile the officer changed Micro-enterprises Support in Outturn: Jane's value is a conflict.
    setSavingFigures(ws, '2023-08', [{ lineId: line('ahc-2'), field: 'forecastSaving', value: -2000 }], 'grid');

    // A tampered copy of Priya's return claims to be Jane's.
    const tampered = path.join(env.dir, 'tampered.xlsx');
    await editWorkbook(byOwner['Priya Patel']!, (wb) => void (wb.getWorksheet('_outturn_return')!.getCell('B7').value = 'Jane Smith'), tampered);

    const before = auditCount(ws);
    const withBad = await previewReturns(ws, [received(byOwner['Jane Smith']!), received(tampered)]);
    expect(withBad.items[1]!.preview).toMatchObject({ state: 'refused', reason: expect.stringMatching(/altered outside its owner's cells: its identity sheet does not match its signature/) });
    await expect(applyReturns(ws, withBad, new Map())).rejects.toThrow(/tampered\.xlsx has been altered.*Nothing was taken back/);
    expect(auditCount(ws)).toBe(before);

    const batch = await previewReturns(ws, [received(byOwner['Jane Smith']!), received(byOwner['Omar Khan']!)]);
    const summary = batchSummary(batch);
    expect(summary).toMatchObject({ changes: 2, conflicts: 1, refused: 0 });
    expect(summary.returns[0]!.cells.map((c) => `${c.kind} ${c.label} · ${c.header}: issued ${c.issued}, returned ${c.returned}, now ${c.current}`)).toEqual([
      'change Adult Social Care Transport · Commentary for publication: issued All routes retendered in 22/23. Saving achieved is lower than expected due to the inflationary pressures on transport., returned Routes retendered; inflation on fuel still the risk., now All routes retendered in 22/23. Saving achieved is lower than expected due to the inflationary pressures on transport.',
      'conflict Micro-enterprises Support · Forecast Saving £000: issued -4, returned -50, now -20',
    ]);
    expect(summary.returns[1]!.cells.map((c) => `${c.kind} ${c.label}: ${c.issued} → ${c.returned}`)).toEqual(['change Post hospital discharge reviews: -155 → -120']);

    // Unresolved: nothing applied, the returns recorded as returned.
    const waiting = await applyReturns(ws, batch, new Map(), 'return', { recordReturned: true });
    expect(waiting).toMatchObject({ state: 'returned', changedCells: 0 });
    expect(row(ws, 'ahc-10').forecastSaving).toBe(-15500);
    expect(returnInfos(ws, '2023-08', '2023-09-01').map((r) => `${r.owner} ${r.status}`)).toEqual(['Jane Smith returned', 'Omar Khan returned', 'Priya Patel issued']);

    const done = await applyReturns(ws, batch, new Map([[`${line('ahc-2')}:forecastSaving`, 'theirs']]));
    expect(done).toMatchObject({ state: 'applied', changedCells: 3 });
    expect(row(ws, 'ahc-2').forecastSaving).toBe(-5000);
    expect(row(ws, 'ahc-10').forecastSaving).toBe(-12000);
    expect(row(ws, 'ahc-1').commentary).toBe('Routes retendered; inflation on fuel still the risk.');
    const audit = ws.db
      .prepare(`SELECT channel, os_user, on_behalf_of, entity_key, field, old_value, new_value, file_name FROM audit_log WHERE entity = 'savings_line' AND channel = 'return' ORDER BY id`)
      .all();
    expect(audit).toEqual([
      { channel: 'return', os_user: ws.identity.osUser, on_behalf_of: 'Jane Smith', entity_key: line('ahc-1'), field: 'commentary', old_value: 'All routes retendered in 22/23. Saving achieved is lower than expected due to the inflationary pressures on transport.', new_value: 'Routes retendered; inflation on fuel still the risk.', file_name: path.basename(byOwner['Jane Smith']!) },
      { channel: 'return', os_user: ws.identity.osUser, on_behalf_of: 'Jane Smith', entity_key: line('ahc-2'), field: 'forecast_saving', old_value: '-2000', new_value: '-5000', file_name: path.basename(byOwner['Jane Smith']!) },
      { channel: 'return', os_user: ws.identity.osUser, on_behalf_of: 'Omar Khan', entity_key: line('ahc-10'), field: 'forecast_saving', old_value: '-15500', new_value: '-12000', file_name: path.basename(byOwner['Omar Khan']!) },
    ]);
    expect(returnInfos(ws, '2023-08', '2023-09-01').map((r) => `${r.owner} ${r.status}`)).toEqual(['Jane Smith applied', 'Omar Khan applied', 'Priya Patel issued']);

    // The same returns again: nothing to do, nothing written.
    const after = auditCount(ws);
    const again = await previewReturns(ws, [received(byOwner['Jane Smith']!), received(byOwner['Omar Khan']!)]);
    expect(again.items.map((i) => i.preview.state)).toEqual(['nothing-to-do', 'nothing-to-do']);
    expect((await applyReturns(ws, again, new Map())).state).toBe('nothing-to-do');
    expect(auditCount(ws)).toBe(after);
  });

  it('refuse a return another workspace issued', async () => {
    const mine = demos.fresh();
    const theirs = tempDemo();
    try {
      const { byOwner } = await issued(theirs.open().ws, path.join(theirs.dir, 'out'));
      const { ws } = mine.open();
      giveOwners(ws);
      const batch = await previewReturns(ws, [received(byOwner['Jane Smith']!)]);
      expect(batch.items[0]!.preview).toMatchObject({ state: 'refused', reason: 'was issued by another Outturn workspace, not this one' });
    } finally {
      theirs.done();
    }
  });

  it('say which returns are overdue', async () => {
    const env = demos.fresh();
    const { ws } = env.open();
    await issued(ws, path.join(env.dir, 'out'));
    expect(returnInfos(ws, '2023-08', '2023-09-08').map((r) => r.status)).toEqual(['issued', 'issued', 'issued']);
    expect(returnInfos(ws, '2023-08', '2023-09-09').map((r) => r.status)).toEqual(['overdue', 'overdue', 'overdue']);
    expect(fs.readdirSync(path.join(env.dir, 'out')).sort()).toEqual(['Savings Tracker return 2023-08 Jane Smith.xlsx', 'Savings Tracker return 2023-08 Omar Khan.xlsx', 'Savings Tracker return 2023-08 Priya Patel.xlsx']);
  });

  it('never write the signing key into an audited value, the audit report, the pack or a return', async () => {
    const env = demos.fresh();
    const { ws } = env.open();
    const { byOwner } = await issued(ws, path.join(env.dir, 'out'));
    await editWorkbook(byOwner['Priya Patel']!, (wb) => void (rowOf(wb.getWorksheet('Return')!, 'Public Health savings').getCell(4).value = -150));
    await applyReturns(ws, await previewReturns(ws, [received(byOwner['Priya Patel']!)]), new Map());
    const key = (ws.db.prepare('SELECT hmac_key FROM workspace_secret').pluck().get() as Buffer);
    const forms = [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64'), key.toString('latin1')];
    const leaks = (text: string) => forms.filter((f) => text.includes(f));
    // The key signs: it is 32 random bytes, so finding any of its spellings anywhere means it was written there.
    expect(key.length).toBeGreaterThanOrEqual(32);
    const audited = ws.db.prepare('SELECT * FROM audit_log').all().map((r) => JSON.stringify(r)).join('\n');
    expect(audited).toContain('Priya Patel');
    expect(leaks(audited)).toEqual([]);
    const cellsOf = async (wb: ExcelJS.Workbook) => {
      const texts: string[] = [];
      wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void texts.push(String(c.text)))));
      return texts.join('\n');
    };
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await auditReportFile(ws, '2023-08')).data as unknown as ArrayBuffer);
    expect(leaks(await cellsOf(report))).toEqual([]);
    expect(leaks(await cellsOf(await buildPack(ws, { period: '2023-08' })))).toEqual([]);
    for (const file of Object.values(byOwner)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const text = await cellsOf(wb);
      expect(text).toMatch(/signature/);
      expect(leaks(text)).toEqual([]);
    }
  });
});
