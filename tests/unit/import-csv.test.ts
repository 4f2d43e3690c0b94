import { afterAll, describe, expect, it } from 'vitest';
import { committeeCsvRows, toCsv, toWindows1252 } from '../import-fixtures/csv';
import { lineKeyOf, lineValues, publishedTables } from '../import-fixtures/published';
import { read, scratch } from '../import-fixtures/sink';

const tables = publishedTables();
const LDP = tables[0]!;
const dir = scratch();
afterAll(() => dir.remove());

function expectLdp(rec: Awaited<ReturnType<typeof read>>['rec']) {
  expect(rec.tables).toMatchObject([{ subjectId: 'learning-disability-partnership', period: '2023-08', layout: 'committee', row: 1 }]);
  const lines = Object.fromEntries(rec.lines.map((l) => [l.lineKey, l.values]));
  for (const r of LDP.rows) expect(lines[lineKeyOf(r)]).toEqual(lineValues(r));
}

describe('CSV', () => {
  it.each([
    ['UTF-8 with a BOM, commas, CRLF', (s: string) => Buffer.from(`\ufeff${s}`, 'utf8'), ',', '\r\n'],
    ['UTF-8 without a BOM, semicolons, LF', (s: string) => Buffer.from(s, 'utf8'), ';', '\n'],
    ['UTF-8, tabs', (s: string) => Buffer.from(s, 'utf8'), '\t', '\r\n'],
    ['UTF-16 with a BOM (Excel "Unicode Text")', (s: string) => Buffer.from(`\ufeff${s}`, 'utf16le'), '\t', '\r\n'],
  ] as const)('reads a committee table as %s', async (_what, encode, delimiter, eol) => {
    const file = dir.file(`ldp-${delimiter === '\t' ? 'tab' : delimiter === ';' ? 'semi' : 'comma'}-${encode('x').length}.csv`, encode(toCsv(committeeCsvRows(LDP), delimiter, eol)));
    const { rec, messages, layout } = await read(file);
    expect(messages).toEqual([]);
    expect(layout).toBe('committee');
    expectLdp(rec);
    expect(rec.reported.find((r) => r.rowKey === 'residential' && r.column === 'outturnDot')).toMatchObject({ text: 'down', cell: 'J6' });
  });

  it('reads Windows-1252 (what Excel writes for "CSV (Comma delimited)") when the file is not UTF-8', async () => {
    const rows = committeeCsvRows(LDP).map((r) => r.map((c) => (/^[↑↓↔]$/.test(c) ? '' : c)));
    const { rec, messages } = await read(dir.file('ldp-1252.csv', toWindows1252(toCsv(rows))));
    expect(messages).toEqual([]);
    expectLdp(rec);
  });

  it('names cells as Excel would on opening the file, quoted line breaks included', async () => {
    const rows = committeeCsvRows(LDP);
    rows[3]![3] = 'Annual\nBudget';
    rows.find((r) => r[0] === '~Nursing')![2] = '£4,56B';
    const { messages } = await read(dir.file('ldp-typo.csv', toCsv(rows)));
    expect(messages).toEqual(['ldp-typo!C7: "£4,56B" is not an amount of money']);
  });

  it('reads a template-style CSV named after its service', async () => {
    const csv = 'Key,Service Type,Expected No. of Care Packages 2023/24,Budgeted Average Unit Cost (per week),Annual Budget,Current Care Packages,Current Average Unit Cost (per week),Total spend/ income\n'
      + 'residential,Residential,245,2271.5,28942,234,2289,28653\ncare_contributions,Care Contributions,,,-5156,,,-5210\n';
    const { rec, messages, layout } = await read(dir.file('Autism.csv', csv), { period: '2023-08' });
    expect(messages).toEqual([]);
    expect(layout).toBe('template');
    expect(rec.tables).toMatchObject([{ subjectId: 'autism', period: '2023-08', layout: 'template', row: 1 }]);
    expect(rec.lines.map((l) => [l.lineKey, l.values])).toEqual([
      ['residential', { expectedPackages: 24500, budgetUnitCost: 227150, annualBudgetK: 2894200, currentPackages: 23400, currentUnitCost: 228900, totalSpendK: 2865300 }],
      ['care_contributions', { annualBudgetK: -515600, totalSpendK: -521000 }],
    ]);
  });

  it('refuses a template-style CSV whose name names no service', async () => {
    const { messages } = await read(dir.file('export (3).csv', 'Key,Service Type,Expected No. of Care Packages,Budgeted Average Unit Cost (per week),Annual Budget,Current Care Packages,Current Average Unit Cost (per week),Total spend/ income\n'), { period: '2023-08' });
    expect(messages).toEqual([
      'export (3): cannot tell which service this table is for: give it a title such as "Key activity data at the end of August 2023 for Autism", or name the sheet after the service',
    ]);
  });
});
