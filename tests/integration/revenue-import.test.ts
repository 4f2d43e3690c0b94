import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lineKeyFor } from '../../shared/areas/revenue/model';
import type { AppSession } from '../../main/app/session';
import { revenueChecks } from '../../main/areas/revenue/checks';
import { setRevenueCells } from '../../main/areas/revenue/service';
import { rollForwardMonth } from '../../main/core/months';
import { templateFile } from '../../main/import/template';
import { writePack } from '../../main/pack/build';
import { readReference } from '../helpers/reference';
import { demoPerTest, tempDemo } from '../helpers/workspace';

/**
 * Appendix 1a/1b read back through the import engine, in the committee layout (the pack as the committee
 * sees it: headings and totals checked, not imported) and in Outturn's template layout: the same figures
 * come back, each changed cell audited with the file; a file's previous-month column that differs from
 * the month held is a finding; malformed files are refused naming sheet, row and column, changing nothing.
 */
const demos = demoPerTest();
const AUG = '2023-08';
const PSW = lineKeyFor('ahc', 'Principal Social Worker');
/** Principal Social Worker's actual as published (£000), from the reference. */
const PSW_ACTUAL = readReference<{ rows: { budget_line: string; actual: number }[] }>('appendix-1a-ahc-budget-lines.json').rows.find((r) => r.budget_line === 'Principal Social Worker')!.actual;

type Line = { line_key: string; gross_budget: number | null; income_budget: number | null; actual: number | null; forecast_variance: number | null };
const lines = (s: AppSession, period = AUG) =>
  s.ws.db.prepare('SELECT line_key, gross_budget, income_budget, actual, forecast_variance FROM revenue_lines WHERE period = ? ORDER BY line_key').all(period) as Line[];
const auditCount = (s: AppSession) => s.ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

async function importFile(s: AppSession, file: string, period?: string) {
  const id = await s.imports.start(file, period ? { period } : {});
  const status = await s.imports.settled(id);
  if (status.state !== 'ready') return { status, applied: null };
  return { status, applied: await s.imports.apply(id, 'import') };
}

async function packOf(s: AppSession, period: string, file: string): Promise<string> {
  await writePack(s.ws, { period }, file);
  return file;
}

async function editXlsx(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

/** The row of a sheet whose column C (or B in the template) holds the label. */
function rowLabelled(sheet: ExcelJS.Worksheet, label: string, col: number): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  sheet.eachRow((row) => {
    if (!found && row.getCell(col).value === label) found = row;
  });
  if (!found) throw new Error(`no row labelled ${label} in ${sheet.name}`);
  return found;
}

// Each test writes a committee pack: slow on a loaded machine.
describe('Appendix 1 in the committee layout', { timeout: 60_000 }, () => {
  it('reads the pack back into a workspace whose figures were edited: the same figures, each changed cell audited with the file', async () => {
    const source = demos.fresh();
    const a = source.open();
    const pack = await packOf(a, AUG, path.join(source.dir, 'pack.xlsx'));
    const published = lines(a);

    const other = tempDemo();
    try {
      const b = other.open();
      setRevenueCells(b.ws, { period: AUG, directorateId: 'ahc', cells: [{ lineKey: PSW, field: 'actual', value: 12345 }] }, 'grid');
      setRevenueCells(b.ws, { period: AUG, directorateId: 'ph', cells: [{ lineKey: lineKeyFor('ph', 'Smoking Cessation GP & Pharmacy'), field: 'grossBudget', value: 999900 }] }, 'grid');
      expect(lines(b)).not.toEqual(published);
      const { status, applied } = await importFile(b, pack);
      expect(status.problems).toEqual([]);
      const revenueTables = status.tables.filter((t) => t.spec === 'revenue');
      expect(revenueTables.map((t) => [t.subjectName, t.period, t.layout])).toEqual([
        ['Adults, Health and Commissioning', AUG, 'committee'],
        ['Public Health', AUG, 'committee'],
      ]);
      expect(applied?.state).toBe('applied');
      expect(lines(b)).toEqual(published);
      const sha = crypto.createHash('sha256').update(fs.readFileSync(pack)).digest('hex');
      const audit = b.ws.db
        .prepare(`SELECT entity_key, field, old_value, new_value, channel, file_name, file_sha256 FROM audit_log WHERE entity = 'revenue_line' AND channel = 'import' ORDER BY entity_key`)
        .all();
      expect(audit).toEqual([
        { entity_key: `${AUG}|${PSW}`, field: 'actual', old_value: '12345', new_value: String(published.find((l) => l.line_key === PSW)!.actual), channel: 'import', file_name: 'pack.xlsx', file_sha256: sha },
        { entity_key: `${AUG}|${lineKeyFor('ph', 'Smoking Cessation GP & Pharmacy')}`, field: 'gross_budget', old_value: '999900', new_value: String(published.find((l) => l.line_key === lineKeyFor('ph', 'Smoking Cessation GP & Pharmacy'))!.gross_budget), channel: 'import', file_name: 'pack.xlsx', file_sha256: sha },
      ]);
      // Totals were read as reported values (the pack's are computed, so they now agree), never as lines.
      expect(b.ws.db.prepare(`SELECT source FROM reported_values WHERE period = ? AND area = 'revenue' AND table_id = 'ph' AND row_key = 't:ph:overall' AND column_key = 'forecastVariance'`).pluck().get(AUG)).toBe('imported from pack.xlsx');
    } finally {
      other.done();
    }
  });

  it('finds a previous-month column that disagrees with the month Outturn holds', async () => {
    const env = demos.fresh();
    const s = env.open();
    rollForwardMonth(s.ws, AUG);
    const pack = await packOf(s, '2023-09', path.join(env.dir, 'september.xlsx'));
    // September's pack states August's 40 for Principal Social Worker; the file says 29.
    await editXlsx(pack, (wb) => {
      const row = rowLabelled(wb.getWorksheet('Appendix 1 Detailed Financial')!, 'Principal Social Worker', 3);
      expect(row.getCell(1).value).toBe(40);
      row.getCell(1).value = 29;
    });
    const { status, applied } = await importFile(s, pack);
    expect(status.problems).toEqual([]);
    expect(applied?.state).toBe('applied');
    expect(revenueChecks(s.ws, '2023-09').filter((f) => f.rule === 'previous-variance-mismatch').map((f) => [f.row, f.column, f.reported, f.computed])).toEqual([
      ['Principal Social Worker', 'Forecast Outturn Variance (Previous)', '29', '40'],
    ]);
  });

  it('refuses an unknown line and a figure that is not money, naming sheet, row and column, and changes nothing', async () => {
    const env = demos.fresh();
    const s = env.open();
    const pack = await packOf(s, AUG, path.join(env.dir, 'bad.xlsx'));
    let rows: Record<string, number> = {};
    await editXlsx(pack, (wb) => {
      const sheet = wb.getWorksheet('Appendix 1 Detailed Financial')!;
      const psw = rowLabelled(sheet, 'Principal Social Worker', 3);
      psw.getCell(7).value = 'about 40';
      const line = rowLabelled(sheet, 'Safeguarding', 3);
      line.getCell(3).value = 'Safeguarding Adults Board';
      rows = { psw: psw.number, line: line.number };
    });
    const before = auditCount(s);
    const { status, applied } = await importFile(s, pack);
    expect(applied).toBeNull();
    expect(status.state).toBe('refused');
    expect(status.problems).toEqual([
      `Appendix 1 Detailed Financial!G${rows.psw}: "about 40" is not an amount of money`,
      `Appendix 1 Detailed Financial!C${rows.line}: "Safeguarding Adults Board" is not a budget line of the Appendix 1 Detailed Financial Information table`,
    ]);
    expect(auditCount(s)).toBe(before);
  });

  it('refuses an income budget above zero, naming its cell, and changes nothing', async () => {
    const env = demos.fresh();
    const s = env.open();
    const pack = await packOf(s, AUG, path.join(env.dir, 'income.xlsx'));
    let row = 0;
    await editXlsx(pack, (wb) => {
      const income = rowLabelled(wb.getWorksheet('Appendix 1 Detailed Financial')!, 'Falls Prevention', 3);
      income.getCell(5).value = 50;
      row = income.number;
    });
    const before = auditCount(s);
    const { status, applied } = await importFile(s, pack);
    expect(applied).toBeNull();
    expect(status.problems).toEqual([`Appendix 1 Detailed Financial!E${row}: "50" is an income budget above zero, but income is entered as a negative figure (as published)`]);
    expect(auditCount(s)).toBe(before);
  });
});

/** A fresh demo and its filled August template, as "Download template" gives it. */
async function filledTemplate(): Promise<{ s: AppSession; file: string }> {
  const env = demos.fresh();
  const s = env.open();
  const file = path.join(env.dir, 'template.xlsx');
  fs.writeFileSync(file, (await templateFile(s.ws, AUG, true)).data);
  return { s, file };
}

describe('Appendix 1 in the template layout', { timeout: 60_000 }, () => {
  it('writes one sheet per directorate in "outturn template" and reads the filled template back exactly, changing only what was edited', async () => {
    const { s, file } = await filledTemplate();
    const before = lines(s);
    const again = await importFile(s, file);
    expect(again.status.problems).toEqual([]);
    expect(again.status.state).toBe('nothing-to-do');
    let row = 0;
    await editXlsx(file, (wb) => {
      const sheet = wb.getWorksheet('Appendix 1a Adults, Health and')!;
      expect(sheet.getRow(1).values).toEqual([undefined, 'Key', 'Budget Line', 'Committee', 'Gross Budget', 'Income Budget', 'Actual', 'Forecast Outturn Variance', undefined, 'Month: August 2023']);
      const psw = rowLabelled(sheet, PSW, 1);
      row = psw.number;
      psw.getCell(6).value = 123;
    });
    const id = await s.imports.start(file);
    const status = await s.imports.settled(id);
    expect(status.problems).toEqual([]);
    expect(status.tables.filter((t) => t.spec === 'revenue').map((t) => [t.subjectName, t.layout, t.changedCells])).toEqual([
      ['Adults, Health and Commissioning', 'template', 1],
      ['Public Health', 'template', 0],
    ]);
    const preview = s.imports.lines(id, status.tables.find((t) => t.subjectName === 'Adults, Health and Commissioning')!.tableId, 'changed', 0, 10);
    expect(preview).toEqual([{ lineKey: PSW, label: 'Principal Social Worker', sheet: 'Appendix 1a Adults, Health and', row, status: 'changed', cells: [{ field: 'actual', header: 'Actual', cell: `F${row}`, old: String(PSW_ACTUAL), new: '123' }] }]);
    const applied = await s.imports.apply(id, 'import');
    expect(applied?.state).toBe('applied');
    expect(lines(s)).toEqual(before.map((l) => (l.line_key === PSW ? { ...l, actual: 12300 } : l)));
    expect(s.ws.db.prepare(`SELECT field, old_value, new_value, file_name FROM audit_log WHERE entity = 'revenue_line' AND channel = 'import'`).all()).toEqual([
      { field: 'actual', old_value: String(PSW_ACTUAL * 100), new_value: '12300', file_name: 'template.xlsx' },
    ]);
  });

  it('refuses a key that is not a line of the directorate and a text in a figure column, naming sheet, row and column, and changes nothing', async () => {
    const { s, file } = await filledTemplate();
    await editXlsx(file, (wb) => {
      const sheet = wb.getWorksheet('Appendix 1b Public Health')!;
      sheet.getCell('A2').value = PSW; // an Adults line on the Public Health sheet
      sheet.getCell('G3').value = 'n/a';
    });
    const before = auditCount(s);
    const { status, applied } = await importFile(s, file);
    expect(applied).toBeNull();
    expect(status.problems).toEqual([
      `Appendix 1b Public Health!A2: "${PSW}" is not the key of a Appendix 1 Detailed Financial Information line`,
      'Appendix 1b Public Health!G3: "n/a" is not an amount of money',
    ]);
    expect(auditCount(s)).toBe(before);
  });
});
