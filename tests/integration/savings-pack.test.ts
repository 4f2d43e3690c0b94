import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overrideRag } from '../../main/areas/savings/service';
import { writePack } from '../../main/pack/build';
import type { AppSession } from '../../main/app/session';
import { readReference } from '../helpers/reference';
import { tempDemo } from '../helpers/workspace';

/**
 * Appendix 4 in the committee pack, read back with exceljs: both published Quarter 1 trackers in the
 * published layout (../shared/reference savings-tracker-q1.json), totals as formulas with the published
 * totals cached, RAG cells filled in their colour with the word written (the key's RAG, so the LDP
 * Pooled Budget Rebaselining is Green, CHECKS.md §7), an officer's RAG marked with its reason, and the
 * Key to RAG Ratings (rag-key.json).
 */
interface PublishedRow { rag: string; raw: string[]; bp_ref: string; title: string; original_saving: number; forecast_saving: number; variance_from_plan: number; pct_variance: number; commentary: string }
const published = readReference<{ columns: { published_header: string }[]; trackers: { title: string; rows: PublishedRow[]; published_totals: { original_saving: number; forecast_saving: number; variance_from_plan: number }[] }[] }>('savings-tracker-q1.json');
const key = readReference<{ published_headers: string[]; rows: { raw: string[] }[] }>('rag-key.json');
// The RAG fills as the pack writes them; the words are checked too, so colour is never the only signal.
const FILL: Record<string, string> = { Black: 'FF000000', Red: 'FFC00000', Amber: 'FFFFC000', Green: 'FF00B050', Blue: 'FF0070C0' };

let env: ReturnType<typeof tempDemo>;
let session: AppSession;
beforeAll(() => {
  env = tempDemo();
  session = env.open();
});
afterAll(() => env.done());

async function appendix(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('4 Savings Tracker');
  expect(sheet, 'the Appendix 4 sheet').toBeDefined();
  return sheet!;
}

// A formula's cached value; exceljs reads a cached 0 back as no result (the file holds <v>0</v>), so that reads 0.
const text = (c: ExcelJS.Cell) => (c.value === null || c.value === undefined ? '' : typeof c.value === 'object' && 'formula' in c.value ? (c.value.result ?? 0) : c.value);
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const out: ExcelJS.Row[] = [];
  sheet.eachRow((r) => out.push(r));
  return out;
};

describe('Appendix 4 in the August 2023 pack', () => {
  it('holds both trackers as published, totals as formulas, RAG words filled in their colours', async () => {
    const file = path.join(env.dir, 'pack.xlsx');
    await writePack(session.ws, { period: '2023-08', sections: ['savings'] }, file);
    const sheet = await appendix(file);
    const rows = rowsOf(sheet);
    // As published (the reference's title).
    expect(sheet.getCell('A1').value).toBe('Appendix 4 – Savings Tracker (Quarter 1 2023/24)');
    let compared = 0;
    for (const [i, tracker] of published.trackers.entries()) {
      const captionRow = rows.find((r) => r.getCell(1).value === tracker.title)!;
      expect(captionRow, tracker.title).toBeDefined();
      const header = sheet.getRow(captionRow.number + 2);
      expect(published.columns.map((_, c) => header.getCell(c + 1).value)).toEqual(published.columns.map((c) => c.published_header));
      tracker.rows.forEach((p, j) => {
        const row = sheet.getRow(captionRow.number + 3 + j);
        const expectedRag = p.title === 'Learning Disability Partnership Pooled Budget Rebaselining' ? 'Green' : p.rag;
        expect(row.getCell(1).value, p.title).toBe(expectedRag);
        expect((row.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb, p.title).toBe(FILL[expectedRag]);
        expect([2, 3, 4, 5, 6, 7, 8].map((c) => text(row.getCell(c))), p.title).toEqual([p.bp_ref, p.title, p.original_saving, p.forecast_saving, p.variance_from_plan, p.pct_variance / 100, p.commentary].map((v, k) => (k === 5 ? expect.closeTo(v as number, 2) : v)));
        expect(row.getCell(6).formula).toBe(`E${row.number}-D${row.number}`);
        expect(row.getCell(4).numFmt).toBe('#,##0;-#,##0');
        compared++;
      });
      const totalRow = sheet.getRow(captionRow.number + 3 + tracker.rows.length);
      const t = tracker.published_totals[0]!;
      expect([4, 5, 6].map((c) => text(totalRow.getCell(c)))).toEqual([t.original_saving, t.forecast_saving, t.variance_from_plan]);
      expect(totalRow.getCell(4).formula).toMatch(/^SUM\(D\d+:D\d+\)$/);
      expect(totalRow.getCell(1).value ?? null, `tracker ${i + 1}: the total row is unlabelled as published`).toBeNull();
    }
    expect(compared).toBe(15);
  });

  it('prints the Key to RAG Ratings as published', async () => {
    const file = path.join(env.dir, 'key.xlsx');
    await writePack(session.ws, { period: '2023-08', sections: ['savings'] }, file);
    const sheet = await appendix(file);
    const titleRow = rowsOf(sheet).find((r) => r.getCell(1).value === 'Key to RAG Ratings:')!;
    const header = sheet.getRow(titleRow.number + 2);
    // "100-500k" is written £100–500k and "Below 100k" Below £100k, naming the unit as the other column does.
    expect([1, 2, 3, 4].map((c) => header.getCell(c).value)).toEqual(['Total saving', 'Over £500k', '£100–500k', 'Below £100k']);
    key.rows.forEach((k, i) => {
      const row = sheet.getRow(titleRow.number + 3 + i);
      expect([1, 2, 3, 4].map((c) => row.getCell(c).value)).toEqual(k.raw);
      expect((row.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL[k.raw[0]!]);
    });
  });

  it('marks an officer\'s RAG in its cell and lists the reason under the trackers', async () => {
    overrideRag(session.ws, '2023-08', '2023-24-ahc-4', 'Amber', 'Later years at risk until the pool review is done', 'grid');
    const file = path.join(env.dir, 'override.xlsx');
    await writePack(session.ws, { period: '2023-08', sections: ['savings'] }, file);
    const sheet = await appendix(file);
    const ldp = rowsOf(sheet).find((r) => r.getCell(3).value === 'Learning Disability Partnership Pooled Budget Rebaselining')!;
    expect(ldp.getCell(1).value).toBe('Amber (override)');
    expect((ldp.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL.Amber);
    const notes = rowsOf(sheet).map((r) => String(r.getCell(1).value ?? ''));
    expect(notes).toContain("4.1 Learning Disability Partnership Pooled Budget Rebaselining: Amber (override) set by an officer in place of the key's Green. Reason: Later years at risk until the pool review is done");
    expect(fs.existsSync(file)).toBe(true);
  });
});
