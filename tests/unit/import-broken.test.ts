import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorkbook, type CommitteeOptions } from '../import-fixtures/committee';
import { publishedTables } from '../import-fixtures/published';
import { read, scratch } from '../import-fixtures/sink';
import { buildTemplateWorkbook } from '../import-fixtures/template';
import { craftZip, oleFile } from '../import-fixtures/zip';

/**
 * A corpus of broken and hostile files, each with the exact sentence the officer reads. Addresses in the
 * one-table committee workbook: title A1, band row 3, headers row 4, ~Residential row 6 … Live In Care
 * row 14; columns B expected packages, C budgeted £/week, D annual budget, E current packages, K variance.
 */
const tables = publishedTables();
const LDP = tables[0]!;
const SHEET = 'Learning Disability Partnership';
const dir = scratch();
afterAll(() => dir.remove());

const plain: CommitteeOptions = { asText: true, repeatHeaders: false, stacked: false };
async function committee(name: string, opts: Partial<CommitteeOptions> = {}) {
  return dir.file(name, await buildCommitteeWorkbook([LDP], { ...plain, ...opts }));
}
/** Replaces one published cell text of the one-table workbook. */
const replace = (label: string, col: number, raw: string): Partial<CommitteeOptions> => ({
  edit: (_t, row, c, text) => (row !== 'header' && row.label === label && c === col ? raw : text),
});

describe('files that are not KAD workbooks', () => {
  it.each([
    ['a PNG renamed .xlsx', 'picture.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]), 'The file: is not an Excel workbook (.xlsx) or a CSV file'],
    ['binary noise renamed .csv', 'noise.csv', Buffer.from([1, 2, 3, 0, 255, 0, 9, 8]), 'The file: is not an Excel workbook (.xlsx) or a CSV file'],
    ['an old .xls workbook', 'old.xlsx', oleFile({ encrypted: false }), 'The file: is an old .xls workbook: save it as .xlsx in Excel and import again'],
    ['a password-protected workbook', 'secret.xlsx', oleFile({ encrypted: true }), 'The file: is password-protected: remove the password in Excel (File → Info → Protect Workbook) and import again'],
    ['an empty file', 'empty.xlsx', Buffer.alloc(0), 'The file: is empty'],
    ['a Word document', 'letter.xlsx', craftZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), 'The file: is not an Excel workbook (.xlsx) or a CSV file'],
    ['a binary workbook', 'book.xlsb', craftZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'x' }]), 'The file: is a binary .xlsb workbook: save it as .xlsx in Excel and import again'],
    ['an encrypted zip entry', 'locked.xlsx', craftZip([{ name: '[Content_Types].xml', data: '<Types/>', flags: 1 }, { name: 'xl/workbook.xml', data: '<workbook/>' }]), 'The file: is password-protected: remove the password in Excel (File → Info → Protect Workbook) and import again'],
    ['plain text that is not a CSV table', 'minutes.txt', Buffer.from('Minutes of the Adults and Health Committee\nThe committee noted the report.\nNo further business.\n'), 'The file: is not an Excel workbook or CSV table: it holds plain text, with no columns Outturn can read'],
    ['plain text renamed .xlsx', 'notes.xlsx', Buffer.from('Notes for the September FMR\nCheck the LDP figures with the NHS before sending\n'), 'The file: is not an Excel workbook or CSV table: it holds plain text, with no columns Outturn can read'],
    ['a zip bomb (a part declaring 100 MB from a few bytes)', 'bomb.xlsx', craftZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(1000), declared: 100 * 1024 * 1024 }]), 'The file: would unpack xl/worksheets/sheet1.xml to more than 200 times its packed size, which no real workbook does (a zip bomb)'],
  ])('refuses %s', async (_what, name, data, message) => {
    const { messages, rec, layout } = await read(dir.file(name, data));
    expect(messages).toEqual([message]);
    expect(rec.tables).toEqual([]);
    expect(layout).toBeNull();
  });

  it('refuses a real zip bomb by its compression ratio, before inflating it', async () => {
    const bomb = craftZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect((await read(dir.file('zeros.xlsx', bomb))).messages).toEqual(['The file: would unpack xl/sharedStrings.xml to more than 200 times its packed size, which no real workbook does (a zip bomb)']);
  });

  it('refuses a truncated zip', async () => {
    const whole = await buildCommitteeWorkbook([LDP], plain);
    const { messages } = await read(dir.file('truncated.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6))));
    expect(messages).toEqual(['The file: is damaged (the zip container cannot be read)']);
  });

  it('refuses a zip whose part does not unpack to what the directory says', async () => {
    const whole = await buildCommitteeWorkbook([LDP], plain);
    const at = whole.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 40;
    const hurt = Buffer.from(whole);
    for (let i = 0; i < 16; i++) hurt[at + i] = hurt[at + i]! ^ 0x5a;
    const { messages } = await read(dir.file('corrupt.xlsx', hurt));
    // Depending on where the damage falls, the inflater, the checksum or the XML parser notices first.
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^(The file: is damaged \(the zip container cannot be read\)|Learning Disability Partnership: is damaged: this sheet cannot be read)/);
  });

  it('refuses more parts, more data or more rows than the limits allow', async () => {
    const file = await committee('limits.xlsx');
    expect((await read(file, { limits: { maxZipEntries: 5 } })).messages).toEqual(['The file: holds more than 5 parts inside its zip container, which is more than any workbook Outturn reads needs']);
    expect((await read(file, { limits: { maxUncompressedBytes: 20 * 1024 } })).messages).toEqual(['The file: would unpack to more than 20 KB, which is more than any workbook Outturn reads needs']);
    const { messages, rec } = await read(file, { limits: { maxRowsPerSheet: 10 } });
    expect(messages).toEqual([`${SHEET}: has more than 10 rows; Outturn reads at most 10 rows a sheet (set import.maxRows to change this)`]);
    expect(rec.lines.map((l) => l.lineKey)).toEqual(['residential', 'nursing', 'respite']);
  });

  it('refuses a sheet whose XML is not XML', async () => {
    const xml = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2"</sheetData></worksheet>';
    const zip = craftZip([
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: 'xl/workbook.xml', data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="KAD" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: xml },
    ]);
    expect((await read(dir.file('bad-xml.xlsx', zip))).messages).toEqual(['KAD: is damaged: this sheet cannot be read (save the file again in Excel and import again)']);
  });

  it('says when a workbook holds no KAD table', async () => {
    const file = dir.file('notes.csv', 'Notes,for,the,month\nnothing,to,see,here\n');
    expect((await read(file)).messages).toEqual([
      'The file: holds no Key Activity Data table: Outturn looks for a title such as "Key activity data at the end of August 2023 for Autism" above the column headers, or for its own template',
    ]);
  });

  it('says when the file is missing', async () => {
    expect((await read(dir.file('gone.xlsx'))).messages).toEqual(['The file: cannot be found: it may have been moved or deleted']);
  });
});

describe('cells that are wrong, each named by its address', () => {
  it('names the cell of a mistyped amount exactly', async () => {
    const { messages } = await read(await committee('typo.xlsx', replace('~Live In Care', 2, '£2,27l')));
    expect(messages).toEqual([`${SHEET}!C14: "£2,27l" is not an amount of money`]);
  });

  it('refuses a negative package count, typed or as a number', async () => {
    expect((await read(await committee('negative-text.xlsx', replace('~Residential', 1, '-3')))).messages).toEqual([`${SHEET}!B6: "-3" is negative, and a count of care packages cannot be`]);
    const numeric = await committee('negative-number.xlsx', { asText: false, ...replace('~Residential', 4, '-234') });
    expect((await read(numeric)).messages).toEqual([`${SHEET}!E6: "-234" is negative, and a count of care packages cannot be`]);
  });

  it('reads -0 as zero', async () => {
    const { messages, rec } = await read(await committee('minus-zero.xlsx', replace('~Residential', 1, '-0')));
    expect(messages).toEqual([]);
    expect(rec.lines[0]!.values.expectedPackages).toBe(0);
  });

  it('collects every problem of the file, not just the first', async () => {
    const opts: Partial<CommitteeOptions> = {
      edit: (_t, row, c, text) => (row === 'header' ? text : row.label === '~Nursing' && c === 3 ? 'lots' : row.label === '~Homecare' && c === 9 ? '↗' : row.label === '~Day Care' && c === 10 ? '£12kk' : text),
    };
    expect((await read(await committee('many.xlsx', opts))).messages).toEqual([
      `${SHEET}!D7: "lots" is not an amount of money`,
      `${SHEET}!J12: "↗" is not a direction of travel (↑, ↓ or ↔)`,
      `${SHEET}!K15: "£12kk" is not an amount of money`,
    ]);
  });

  it('uses a formula\'s saved value, refuses a formula without one, and never evaluates anything', async () => {
    const file = await committee('formulas.xlsx', {
      asText: false,
      patch: (wb) => {
        const ws = wb.worksheets[0]!;
        ws.getCell('B6').value = { formula: 'B7*0+245', result: 245 } as never;
        ws.getCell('C7').value = { formula: 'SUM(C1:C5)' } as never;
        ws.getCell('D8').value = { error: '#REF!' } as never;
        ws.getCell('E11').value = new Date(Date.UTC(2023, 7, 31));
        ws.getCell('E11').numFmt = 'dd/mm/yyyy';
        ws.getCell('I16').value = { formula: 'I15-I15+2062', result: 0 } as never;
        ws.getCell('G12').value = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
      },
    });
    const { messages, rec } = await read(file);
    expect(messages).toEqual([
      `${SHEET}!C7: "=SUM(C1:C5)" is a formula with no saved value: open the file in Excel, save it, and import again`,
      `${SHEET}!D8: "#REF!" is an Excel error, not an amount of money`,
      `${SHEET}!E11: "2023-08-31" is a date, not a number of care packages`,
      `${SHEET}!G12: "=1/0" is a formula whose saved value is an Excel error`,
    ]);
    expect(rec.lines.find((l) => l.lineKey === 'residential')!.values.expectedPackages).toBe(24500);
    // A saved zero is a value, not a missing one (exceljs drops falsy results from cell.value).
    expect(rec.lines.find((l) => l.lineKey === 'other_care')!.values.totalSpendK).toBe(0);
  });

  it('keeps text starting with = + - @ in the label column as text', async () => {
    const opts: Partial<CommitteeOptions> = {
      edit: (_t, row, c, text) => (row !== 'header' && c === 0 ? ({ '~Nursing': '=1+1', '~Respite': '+cmd', '~Homecare': '-2', '~Day Care': '@SUM(A1)' } as Record<string, string>)[text] ?? text : text),
    };
    expect((await read(await committee('injection.xlsx', opts))).messages).toEqual([
      `${SHEET}!A7: "=1+1" is not a service type of the Key Activity Data table`,
      `${SHEET}!A8: "+cmd" is not a service type of the Key Activity Data table`,
      `${SHEET}!A12: "-2" is not a service type of the Key Activity Data table`,
      `${SHEET}!A15: "@SUM(A1)" is not a service type of the Key Activity Data table`,
    ]);
  });

  it('names a line that appears twice', async () => {
    const { messages } = await read(await committee('twice.xlsx', replace('~Nursing', 0, '~Residential')));
    expect(messages).toEqual([`${SHEET}!A7: "~Residential" appears twice in this table (also on row 6)`]);
  });

  it('refuses figures on the Care Contributions row that it does not carry', async () => {
    const { messages } = await read(await committee('care.xlsx', replace('Care Contributions', 1, '12')));
    expect(messages).toEqual([`${SHEET}!B19: "12" is not used on the Care Contributions row, which carries only Annual Budget and Total spend/income`]);
  });
});

describe('columns, found by their header text', () => {
  const header = (map: Record<string, string>): Partial<CommitteeOptions> => ({ edit: (_t, row, _c, text) => (row === 'header' ? (map[text] ?? text) : text) });

  it('tolerates case, spacing, line breaks, non-breaking spaces, years and unit notes', async () => {
    const opts = header({
      'Expected No. of Care Packages 2023/24': 'EXPECTED  NO. OF\nCARE PACKAGES 2023-24',
      'Budgeted Average Unit Cost (per week)': 'Budgeted average unit cost\r\n(per week)',
      'Annual Budget': 'Annual\u00a0Budget (£k)',
      'Total spend/ income': 'Total spend / income £000',
      DoT: 'Dot',
    });
    const { messages, rec } = await read(await committee('headers.xlsx', opts));
    expect(messages).toEqual([]);
    expect(rec.lines).toHaveLength(LDP.rows.length + 1);
  });

  it('names a missing column and an unknown one', async () => {
    const file = await committee('columns.xlsx', {
      ...header({ 'Annual Budget': 'Budget' }),
      patch: (wb) => void (wb.worksheets[0]!.getCell('L4').value = 'Comments'),
    });
    expect((await read(file)).messages).toEqual([
      `${SHEET}!D4: "Budget" is not a column of the Key Activity Data table`,
      `${SHEET}!L4: "Comments" is not a column of the Key Activity Data table`,
      `${SHEET}!4: the column "Annual Budget" is missing`,
    ]);
  });

  it('reads columns in any order, telling the DoT columns apart by the figure before each', async () => {
    const order = [0, 8, 9, 10, 4, 5, 1, 2, 3, 6, 7]; // Total spend, its DoT and Variance first; packages and their DoT
    const file = await committee('reordered.xlsx', {
      patch: (wb) => {
        const ws = wb.worksheets[0]!;
        for (let r = 3; r <= 19; r++) {
          const row = ws.getRow(r);
          const values = order.map((c) => row.getCell(c + 1).value);
          values.forEach((v, i) => (row.getCell(i + 1).value = v));
        }
      },
    });
    const { messages, rec } = await read(file);
    expect(messages).toEqual([]);
    const residential = rec.reported.filter((r) => r.rowKey === 'residential');
    expect(Object.fromEntries(residential.map((r) => [r.column, r.text ?? r.value]))).toEqual({ outturnDot: 'down', varianceK: -28900, packagesDot: 'flat', unitCostDot: 'up' });
  });

  it('refuses a DoT column that follows no figure', async () => {
    const file = await committee('stray-dot.xlsx', { patch: (wb) => void (wb.worksheets[0]!.getCell('L4').value = 'DoT') });
    expect((await read(file)).messages).toEqual([
      `${SHEET}!L4: "DoT" is not beside Current Care Packages, Current Average Unit Cost (per week) or Total spend/ income, so Outturn cannot tell which figure it is for`,
    ]);
  });
});

describe('tables, their service and their month', () => {
  it('refuses a title naming another month than the one chosen', async () => {
    expect((await read(await committee('month.xlsx'), { period: '2023-09' })).messages).toEqual([`${SHEET}!A1: the title says August 2023 but --period is 2023-09`]);
    expect((await read(await committee('month-ok.xlsx'), { period: '2023-08' })).messages).toEqual([]);
  });

  it('takes the month from the band when the title has none, else from the sheet name', async () => {
    const noMonth = (t: string) => t.replace(' at the end of August 2023', '');
    const band = await committee('band.xlsx', { patch: (wb) => void (wb.worksheets[0]!.getCell('A1').value = noMonth(LDP.caption)) });
    expect((await read(band)).rec.tables[0]!.period).toBe('2023-08');
    const bare = await committee('bare.xlsx', {
      patch: (wb) => {
        const ws = wb.worksheets[0]!;
        ws.getCell('A1').value = noMonth(LDP.caption);
        ws.getCell('E3').value = 'ACTUAL';
        ws.name = 'LDP Sep 23';
      },
    });
    const { rec, messages } = await read(bare);
    expect(messages).toEqual([]);
    expect(rec.tables[0]).toMatchObject({ period: '2023-09', subjectId: 'learning-disability-partnership', sheet: 'LDP Sep 23' });
  });

  it('asks for the month when nothing names it', async () => {
    const file = await committee('monthless.xlsx', {
      patch: (wb) => {
        const ws = wb.worksheets[0]!;
        ws.getCell('A1').value = 'Key activity data for Learning Disability Partnership';
        ws.getCell('E3').value = 'ACTUAL';
      },
    });
    expect((await read(file)).messages).toEqual([
      `${SHEET}!A1: cannot tell which month this table is for: name the month in the title (for example "at the end of August 2023") or choose the month to import into`,
    ]);
  });

  it('names a title with no table under it', async () => {
    const file = dir.file('title-only.csv', `${LDP.caption}\n\nThe table follows on the next page.\n`);
    expect((await read(file)).messages).toEqual(['title-only!A1: no header row (Service Type, Expected No. of Care Packages, …) follows this title']);
  });

  it('takes a service the workspace does not hold as a new one, and refuses a table that appears twice', async () => {
    const unknown = await committee('unknown.xlsx', {
      patch: (wb) => {
        wb.worksheets[0]!.getCell('A1').value = 'Key activity data at the end of August 2023 for Hospital Discharge is shown below:';
        wb.worksheets[0]!.getCell('A3').value = 'Hospital Discharge';
      },
    });
    const { messages, rec } = await read(unknown);
    expect(messages).toEqual([]);
    expect(rec.tables.map((t) => [t.subjectId, t.subjectName])).toEqual([['hospital-discharge', 'Hospital Discharge']]);
    const twice = dir.file('twice-table.xlsx', await buildCommitteeWorkbook([LDP, LDP], { ...plain, stacked: true }));
    expect((await read(twice)).messages).toEqual(['Key Activity Data!A30: this table repeats Learning Disability Partnership for August 2023, already in this file at Key Activity Data!A5']);
  });

  it('reads tables one per sheet and stacked, and says which layout', async () => {
    const templ = dir.file('both-template.xlsx');
    await buildTemplateWorkbook(templ, tables.slice(0, 1), { filled: true });
    expect((await read(templ)).layout).toBe('template');
    expect(fs.existsSync(templ)).toBe(true);
  });
});
