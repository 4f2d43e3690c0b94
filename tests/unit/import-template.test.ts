import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { KAD_FIELDS, type KadLine } from '../../shared/areas/kad/model';
import { sheetNameFor } from '../../main/areas/kad/import/template-write';
import { publishedTables } from '../import-fixtures/published';
import { read, scratch } from '../import-fixtures/sink';
import { buildTemplateWorkbook } from '../import-fixtures/template';

const tables = publishedTables();
const dir = scratch();
afterAll(() => dir.remove());

const expectedValues = (l: KadLine) =>
  l.key === 'care_contributions' ? { annualBudgetK: l.annualBudgetK, totalSpendK: l.totalSpendK } : Object.fromEntries(KAD_FIELDS.map((f) => [f.key, l[f.key]]));

describe('template layout', () => {
  it('round-trips a filled template exactly: decimals, blanks, negatives, labels that look like formulas', async () => {
    const file = dir.file('filled.xlsx');
    const written = await buildTemplateWorkbook(file, tables, {
      filled: true,
      edit: (t, lines) =>
        lines.map((l, i) =>
          i === 0 ? { ...l, budgetUnitCost: 227150, currentUnitCost: 12345, expectedPackages: 25, label: '=HYPERLINK("http://x","y")' }
          : i === 1 ? { ...l, label: '+44 line', annualBudgetK: l.annualBudgetK === null ? null : -1 }
          : i === 2 ? { ...l, label: '-minus', totalSpendK: 1 }
          : i === 3 ? { ...l, label: '@SUM(A1)', currentPackages: null }
          : l,
        ),
    });
    const { rec, messages, layout } = await read(file);
    expect(messages).toEqual([]);
    expect(layout).toBe('template');
    expect(rec.tables.map((t) => [t.subjectId, t.period, t.layout, t.row])).toEqual(written.map((t) => [t.serviceId, '2023-08', 'template', 1]));
    for (const t of written) {
      const table = rec.tables.find((x) => x.subjectId === t.serviceId)!;
      const lines = rec.lines.filter((l) => l.tableId === table.id);
      expect(lines.map((l) => ({ key: l.lineKey, label: l.label, values: l.values }))).toEqual(t.lines!.map((l) => ({ key: l.key, label: l.label, values: expectedValues(l) })));
    }
    expect(rec.reported).toEqual([]);
  });

  it('writes values in displayed units with number formats, a hidden _outturn sheet first, and greys unused lines', async () => {
    const file = dir.file('inspect.xlsx');
    await buildTemplateWorkbook(file, tables.slice(0, 2), { filled: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['_outturn', 'hidden'],
      ['Learning Disability Partnership', 'visible'],
      [sheetNameFor('Older People and Physical Disability Over 65', new Set()), 'visible'],
    ]);
    const info = wb.getWorksheet('_outturn')!;
    expect(info.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['layout version', 1],
      ['period', '2023-08'],
      ['table', 'Learning Disability Partnership', 'kad', 'learning-disability-partnership', 'Learning Disability Partnership'],
      ['table', 'Older People and Physical Disab', 'kad', 'older-people-physical-disability-over-65', 'Older People and Physical Disability Over 65'],
    ]);
    const ws = wb.getWorksheet('Learning Disability Partnership')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Key', 'Service Type', 'Expected No. of Care Packages 2023/24', 'Budgeted Average Unit Cost (per week)', 'Annual Budget',
      'Current Care Packages', 'Current Average Unit Cost (per week)', 'Total spend/ income',
      // One column clear, the month: row 1 stays the headers, and the reader passes the note over.
      undefined, 'Month: August 2023',
    ]);
    expect(ws.headerFooter.oddHeader).toBe('&CKey Activity Data: Learning Disability Partnership – August 2023');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const residential = ws.getRow(2);
    expect([residential.getCell(1).value, residential.getCell(3).value, residential.getCell(4).value, residential.getCell(5).value]).toEqual(['residential', 245, 2271, 28942]);
    expect([residential.getCell(3).numFmt, residential.getCell(4).numFmt, residential.getCell(5).numFmt]).toEqual(['#,##0', '"£"#,##0', '"£"#,##0"k"']);
    const unused = ws.getRow(3); // Residential Dementia is not used by the LDP
    expect(unused.getCell(1).value).toBe('residential_dementia');
    expect(unused.getCell(4).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    const care = ws.getRow(13);
    expect([care.getCell(1).value, care.getCell(3).value, care.getCell(5).value, care.getCell(8).value]).toEqual(['care_contributions', null, -5156, -5210]);
  });

  it('writes an empty template with keys and labels only, which reads back as blank lines', async () => {
    const file = dir.file('empty.xlsx');
    await buildTemplateWorkbook(file, tables, { filled: false, period: '2023-09' });
    const { rec, messages } = await read(file);
    expect(messages).toEqual([]);
    expect(rec.tables).toHaveLength(6);
    expect(rec.tables.every((t) => t.period === '2023-09')).toBe(true);
    expect(rec.lines).toHaveLength(6 * 12);
    expect(rec.lines.every((l) => Object.values(l.values).every((v) => v === null))).toBe(true);
  });

  it('refuses a template of another month than the one chosen', async () => {
    const file = dir.file('other-month.xlsx');
    await buildTemplateWorkbook(file, tables.slice(0, 1), { filled: true });
    const { messages } = await read(file, { period: '2023-09' });
    expect(messages).toEqual(['_outturn!B2: the template is for August 2023 but --period is 2023-09']);
  });

  it('shortens long sheet names to 31 characters and keeps them unique', () => {
    const taken = new Set<string>();
    expect(sheetNameFor('Older People and Physical Disability Over 65', taken)).toBe('Older People and Physical Disab');
    expect(sheetNameFor('Older People and Physical Disability Over 75', taken)).toBe('Older People and Physical D (2)');
    expect(sheetNameFor('A/B: [C]?', taken)).toBe('A B C');
    expect(sheetNameFor('_outturn', taken)).toBe('_outturn (2)');
  });
});
