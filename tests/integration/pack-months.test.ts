import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollForwardMonth as rollForward } from '../../main/core/months';
import { kadTable, setKadCells } from '../../main/areas/kad/service';
import { updateKadSettings } from '../../main/areas/kad/settings';
import { buildPack } from '../../main/pack/build';
import { closePeriod } from '../../main/core/close';
import { computeKadTotals } from '../../shared/areas/kad/totals';
import { tempDemo } from '../helpers/workspace';

/**
 * A later month: arrows computed against the month before (not the reported ones), captions and bands
 * naming the new month, charts spanning the months held, and the workspace's averaging rule in the
 * formulas. Exporting only reads, so a closed month exports too.
 */

const LDP = 'learning-disability-partnership';
let demo: ReturnType<typeof tempDemo>;
let session: ReturnType<ReturnType<typeof tempDemo>['open']>;

async function kadSheet(period: string) {
  // Through a buffer, as a reader of the file would see it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await buildPack(session.ws, { period })).xlsx.writeBuffer());
  return wb.getWorksheet('5 Key Activity Data')!;
}

function rowOf(sheet: ExcelJS.Worksheet, label: string, from = 1): number {
  for (let r = from; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
  throw new Error(`no row ${label}`);
}

beforeAll(async () => {
  demo = tempDemo();
  session = demo.open();
  rollForward(session.ws, '2023-08', 'cli');
  setKadCells(session.ws, { period: '2023-09', serviceId: LDP, cells: [{ lineKey: 'residential', field: 'currentPackages', value: 25000 }, { lineKey: 'nursing', field: 'currentUnitCost', value: 400000 }] }, 'grid');
  await closePeriod(session.ws, '2023-09');
}, 60_000);
afterAll(() => demo.done());

describe('the pack for a month after the first', () => {
  it('computes the arrows against last month and drops the “as reported” note', async () => {
    const sheet = await kadSheet('2023-09');
    const first = rowOf(sheet, '5.1 Key activity data at the end of September 2023 for Learning Disability Partnership is shown below:');
    expect(sheet.getCell(first + 1, 5).value).toBe('ACTUAL (September 2023)');
    const residential = rowOf(sheet, '~Residential', first);
    const nursing = rowOf(sheet, '~Nursing', first);
    const homecare = rowOf(sheet, '~Homecare', first);
    expect(sheet.getCell(residential, 2 + 4).value).toBe('↑'); // 234 → 250 packages
    expect(sheet.getCell(nursing, 2 + 6).value).toBe('↓'); // £4,792 → £4,000 a week
    expect(sheet.getCell(homecare, 2 + 4).value).toBe('↔'); // carried forward unchanged
    let note = false;
    sheet.eachRow((row) => void (String(row.getCell(1).value).includes('as previously reported') && (note = true)));
    expect(note).toBe(false);
  });

  it('charts the months held, with the demo extract’s history before them, April 2022 to September 2023', async () => {
    const sheet = await kadSheet('2023-09');
    const captions: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellRichTextValue | null;
        // exceljs repeats a merged caption in every cell it covers: count each once.
        if (v && typeof v === 'object' && 'richText' in v && cell.master === cell) captions.push(v.richText[0]!.text);
      }),
    );
    expect(captions).toHaveLength(12);
    expect(captions[0]).toBe('Learning Disability Partnership Bed-Based Weekly Costs & People (Apr 22 - Sep 23)');
  });

  it('follows the workspace’s averaging rule in the live formulas and their cached values', async () => {
    updateKadSettings(session.ws, { averagingRule: 'package_weighted' }, 'grid');
    try {
      const sheet = await kadSheet('2023-08');
      const first = rowOf(sheet, '5.1 Key activity data at the end of August 2023 for Learning Disability Partnership is shown below:');
      const respite = rowOf(sheet, '~Respite', first);
      const sub = rowOf(sheet, 'Accommodation based subtotal', first);
      const cell = sheet.getCell(sub, 3);
      expect(cell.formula).toContain(`B${respite}*C${respite}`);
      const table = kadTable(session.ws, '2023-08', LDP);
      const expected = computeKadTotals(table.lines, 'package_weighted').find((t) => t.key === 'subtotal_accommodation')!.budgetUnitCost!;
      expect(cell.result).toBe(expected / 100);
      expect(Math.round(cell.result as number)).toBe(2277); // the plain mean, not the published £2,230
    } finally {
      updateKadSettings(session.ws, { averagingRule: 'published' }, 'grid');
    }
  });
});
