import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePack } from '../../main/pack/build';
import { readReference } from '../helpers/reference';
import { tempDemo } from '../helpers/workspace';

/**
 * Appendices 3 and 5 of the August 2023 demo pack, read back with exceljs as any program would, against
 * the published tables (../shared/reference): every line's figures and words exactly, in the published
 * column order; each TOTAL is Outturn's own, and differs from the published one only where CHECKS.md
 * section 2 finds rounding (those rows written out by hand below).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const capital = readReference<any>('capital.json');
const reserves = readReference<any>('reserves.json');
const grants = readReference<any>('grants.json');
const virements = readReference<any>('virements.json');

const demo = tempDemo();
let sheets: Map<string, (string | number | null)[][]>;

function rowsOf(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined || v === '' ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));
    }
    out[n - 1] = cells;
  });
  return out;
}

/** The rows of a table under its title ("5.3.1 …"), header first, up to the first row that is not the table's. */
function table(sheet: string, number: string, width: number, count: number): (string | number | null)[][] {
  const rows = sheets.get(sheet)!;
  const at = rows.findIndex((r) => typeof r?.[0] === 'string' && r[0].startsWith(`${number} `));
  expect(at, `${number} in ${sheet}`).toBeGreaterThan(0);
  return rows.slice(at + 1, at + 2 + count).map((r) => r.slice(0, width));
}

const n = (v: number | null | undefined) => (v === undefined ? null : v);

beforeAll(async () => {
  const file = path.join(demo.dir, 'pack.xlsx');
  const s = demo.open();
  await writePack(s.ws, { period: '2023-08', sections: ['capital', 'reserves'] }, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  sheets = new Map(wb.worksheets.map((w) => [w.name, rowsOf(w)]));
});
afterAll(() => demo.done());

describe('Appendix 3 in the committee pack', () => {
  it('prints 4.1 and 4.2 in the published column order, every line as published', () => {
    const sheet = [...sheets.keys()].find((k) => k.startsWith('Appendix 3'))!;
    const t41 = table(sheet, '4.1', 8, capital.capital_expenditure_4_1.rows.length + 1);
    expect(t41[0]).toEqual(capital.capital_expenditure_4_1.published_headers);
    expect(t41.slice(1, -1)).toEqual(
      capital.capital_expenditure_4_1.rows.map((r: any) => [r.original_2023_24_budget_per_bp, r.committee, r.scheme, r.scheme_budget, n(r.scheme_forecast_variance), r.budget_2023_24, n(r.actuals_2023_24), n(r.forecast_variance_2023_24)]),
    );
    const p = capital.capital_expenditure_4_1.published_totals[0];
    // CHECKS.md section 2: "capital | 4.1 TOTAL | actuals_2023_24 (sum of 5 schemes) | 4,776 | 4,777": Outturn prints its own 4,776.
    expect(t41.at(-1)).toEqual([p.original_2023_24_budget_per_bp, null, 'TOTAL', p.scheme_budget, p.scheme_forecast_variance, p.budget_2023_24, 4776, p.forecast_variance_2023_24]);
    const t42 = table(sheet, '4.2', 5, capital.capital_funding_4_2.rows.length + 1);
    expect(t42[0]).toEqual(capital.capital_funding_4_2.published_headers);
    expect(t42.slice(1)).toEqual(
      [...capital.capital_funding_4_2.rows, ...capital.capital_funding_4_2.published_totals].map((r: any) => [r.original_2023_24_funding_per_bp, r.source_of_funding ?? 'TOTAL', r.revised_funding_2023_24, r.forecast_spend, r.variance]),
    );
  });
});

describe('Appendix 5 in the committee pack', () => {
  const sheet = () => [...sheets.keys()].find((k) => k.startsWith('Appendix 5'))!;

  it('prints 5.1 each directorate’s grants, the total Outturn’s own', () => {
    // CHECKS.md section 2: "grants | 5.1.1 Total Non-Baselined Grants 23/24 | amount (sum of 8 grants) | 31,921 | 31,920".
    const totals: Record<string, number> = { '5.1.1': 31921, '5.1.2': 33837 };
    for (const g of grants.tables) {
      const t = table(sheet(), g.table_ref, 3, g.rows.length + 1);
      expect(t[0]).toEqual(g.published_headers);
      expect(t.slice(1, -1)).toEqual(g.rows.map((r: any) => [r.grant, r.awarding_body, r.amount]));
      expect(t.at(-1)).toEqual([g.published_totals[0].label, null, totals[g.table_ref]]);
    }
  });

  it('prints 5.2 each directorate’s Business Plan budget, virements and budget now', () => {
    // CHECKS.md section 2: "virements | 5.2.1 Budget 23/24 | opening + sum of virements | 213,700 | 213,701".
    const totals: Record<string, number> = { '5.2.1': 213700, '5.2.2': 0 };
    for (const v of virements.tables) {
      const t = table(sheet(), v.table_ref, 4, v.rows.length + 2);
      expect(t[0]).toEqual([null, ...v.published_headers.slice(1)]);
      expect(t[1]).toEqual([v.opening_budget.label, null, v.opening_budget.amount, null]);
      // The month as a word; the published table abbreviates some ("Apr") and not others ("June"): compared by its first three letters.
      const month = (row: (string | number | null)[]) => [row[0], String(row[1]).slice(0, 3), row[2], row[3]];
      expect(t.slice(2, -1).map(month)).toEqual(v.rows.map((r: any) => [r.budget_line, r.period.slice(0, 3), r.amount, r.notes]));
      expect(t.at(-1)).toEqual([v.published_totals[0].label, null, totals[v.table_ref], null]);
    }
  });

  it('prints 5.3 each schedule with its category headings, 0 or blank as published, the sign legend under it', () => {
    // CHECKS.md section 2: 5.3.2 TOTAL sums to 7,855 / -672 / 4,578 against 7,854 / -674 / 4,577 published.
    const totals: Record<string, number[]> = { '5.3.1': [7511, 0, 3281], '5.3.2': [7855, -672, 4578] };
    for (const r of reserves.tables) {
      const expected: (string | number | null)[][] = [];
      let category: string | null = null;
      for (const line of r.rows) {
        if (line.category && line.category !== category) expected.push([line.category, null, null, null, null]);
        category = line.category;
        expected.push([line.budget_heading, line.opening_balance, n(line.net_movements_to_august), line.forecast_year_end_balance, line.description]);
      }
      const t = table(sheet(), r.table_ref, 5, expected.length + 3);
      expect(t[0]).toEqual(r.published_headers);
      expect(t.slice(1, -3)).toEqual(expected);
      expect(t.at(-3)).toEqual(['TOTAL EARMARKED RESERVES', ...totals[r.table_ref]!, null]);
      expect(t.slice(-2).map((x) => x[0])).toEqual(r.footnotes);
    }
  });
});
