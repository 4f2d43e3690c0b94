import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePack } from '../../main/pack/build';
import { readReference } from '../helpers/reference';
import { tempDemo } from '../helpers/workspace';

/** Revenue's committee pack sections written from the demo, read back as a committee member's Excel would show them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const app1a = readReference<{ rows: any[] }>('appendix-1a-ahc-budget-lines.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const app2 = readReference<{ commentaries: any[] }>('appendix-2-commentaries.json').commentaries;

let env: ReturnType<typeof tempDemo>;
const wb = new ExcelJS.Workbook();
beforeAll(async () => {
  env = tempDemo();
  const s = env.open();
  const file = path.join(env.dir, 'pack.xlsx');
  await writePack(s.ws, { period: '2023-08', sections: ['contents', 'revenue-summary', 'revenue-appendix-1', 'revenue-appendix-2'] }, file);
  await wb.xlsx.readFile(file);
}, 60_000);
afterAll(() => env.done());

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const out: (string | number | null)[][] = [];
  sheet.eachRow((row) => out.push(Array.from((row.values as (ExcelJS.CellValue | undefined)[]).slice(1)).map((v) => (v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number)))));
  return out;
};

describe('the revenue sections of the committee pack', () => {
  it('lays out Appendix 1a in the published column order with the lines as entered and totals computed', () => {
    const sheet = wb.getWorksheet('Appendix 1 Detailed Financial')!;
    const rows = rowsOf(sheet);
    const header = rows.find((r) => r[2] === 'Budget Line')!;
    expect(header).toEqual(['Forecast Outturn Variance (Previous)', 'Committee', 'Budget Line', 'Gross Budget', 'Income Budget', 'Net Budget', 'Actual', 'Forecast Outturn Variance', 'Forecast Outturn Variance %']);
    for (const line of app1a.rows) {
      // A section's heading row can share a line's label (Service Director – LDP and Prevention): the line has figures.
      const r = rows.find((x) => x[2] === line.budget_line && typeof x[3] === 'number')!;
      expect(r.slice(0, 8), line.budget_line).toEqual([line.previous_forecast_variance, line.committee, line.budget_line, line.gross_budget, line.income_budget, line.gross_budget + line.income_budget, line.actual, line.forecast_variance]);
    }
    // CHECKS.md §1: the 32 lines' gross is 342,893 (the published Overall Total's 342,824 is an error).
    expect(rows.find((r) => r[2] === 'Overall Total')!.slice(3, 8)).toEqual([342893, -129192, 213701, 93865, 0]);
    const cell = sheet.getCell(`D${rows.findIndex((r) => r[2] === 'Overall Total') + 1}`);
    expect(cell.numFmt).toBe('#,##0;-#,##0');
    expect(cell.font.name).toBe('Calibri');
  });

  it('writes each Appendix 2 commentary one row per paragraph or bullet under its six-figure box', () => {
    const rows = rowsOf(wb.getWorksheet('Appendix 2 Commentaries')!);
    const texts = rows.map((r) => r[0]).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('2a(1) Executive Director – Adults, Health and Commissioning');
    expect(texts).toContain('2b(1) Smoking Cessation GP & Pharmacy');
    for (const c of app2) for (const para of c.narrative_paragraphs as string[]) expect(texts, para.slice(0, 40)).toContain(para.startsWith('- ') ? `•  ${para.slice(2)}` : para);
  });

  it('prints 1.1, the computed 1.2 tables and 1.3 as written', () => {
    const rows = rowsOf(wb.getWorksheet('1 Revenue Executive Summary')!);
    const texts = rows.map((r) => r[0]);
    expect(texts).toContain('1.1 Overall Position');
    expect(rows.find((r) => r[1] === 'Adults, Health and Commissioning')!.slice(3, 8)).toEqual([342893, -129192, 213701, 93865, 2517]);
    expect(texts).toContain('Adults, Health and Commissioning: forecast £2.5m overspend before mitigations, balanced after.');
    expect(texts.some((t) => typeof t === 'string' && t.startsWith('At the end of August 2023, the Public Health Directorate is forecasting an underspend of £380k'))).toBe(true);
  });
});
