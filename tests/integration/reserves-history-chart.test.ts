import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reservesGrants } from '../../main/areas/reserves/grants';
import { reservesSchedules } from '../../main/areas/reserves/ledger';
import { reservesVirements } from '../../main/areas/reserves/virements';
import { writePack } from '../../main/pack/build';
import { reservesPackSection } from '../../shared/areas/reserves/pack-layout';
import { readReference } from '../helpers/reference';
import { demoPerTest } from '../helpers/workspace';

/**
 * The reserve history chart (each reserve's balance at the end of each month and its forecast year end)
 * in the pack: its bars are the ledger's, worked out here from the demo's entries with plain SQL, and
 * its forecast bars are the published forecast year-end balances.
 */
const demos = demoPerTest();
const AUG = '2023-08';
const MONTHS = ['2023-04', '2023-05', '2023-06', '2023-07', '2023-08'];

type Entry = { reserve_id: string; period: string; kind: string; amount: number; planned: number; expected_period: string | null };
type Series = { data: { value: number }[] };
type RefRow = { budget_heading: string; forecast_year_end_balance: number };
const published = readReference<{ tables: { table_ref: string; rows: RefRow[] }[] }>('reserves.json').tables;

describe('reserve history chart', { timeout: 90_000 }, () => {
  it("draws, per schedule, each reserve's month-end balances and forecast from the ledger entries", async () => {
    const env = demos.fresh();
    const s = env.open();
    const entries = s.ws.db.prepare('SELECT reserve_id, period, kind, amount, planned, expected_period FROM reserves_entries WHERE period BETWEEN ? AND ?').all('2023-04', AUG) as Entry[];
    const sum = (list: Entry[]) => list.reduce((n, e) => n + e.amount, 0);
    /** Opening + actual movements to the month; the forecast adds what is planned after August. */
    const expected = (reserveId: string) => {
      const mine = entries.filter((e) => e.reserve_id === reserveId);
      const opening = sum(mine.filter((e) => e.kind === 'opening'));
      const balance = (m: string) => opening + sum(mine.filter((e) => e.kind !== 'opening' && !e.planned && e.period <= m));
      const planned = sum(mine.filter((e) => e.planned && e.expected_period !== null && e.expected_period > AUG));
      return [...MONTHS.map(balance), balance(AUG) + planned].map((v) => v / 100);
    };
    const schedules = reservesSchedules(s.ws, AUG);
    const section = reservesPackSection('reserves', { grants: reservesGrants(s.ws, AUG), virements: reservesVirements(s.ws, AUG), schedules });
    const tables = section.tables.filter((t) => t.number.startsWith('5.3.'));
    expect(tables.map((t) => t.number)).toEqual(['5.3.1', '5.3.2']);
    for (const [i, t] of tables.entries()) {
      const rows = schedules.schedules[i]!.rows;
      expect(t.charts).toHaveLength(1);
      const series = t.charts![0]!.option.series as Series[];
      expect(series).toHaveLength(rows.length);
      expect(series.map((x) => x.data.map((d) => d.value))).toEqual(rows.map((r) => expected(r.reserveId)));
      // The last bar of each is the forecast year-end balance the committee published.
      const ref = published.find((p) => p.table_ref === t.number)!.rows;
      expect(series.map((x) => x.data.at(-1)!.value)).toEqual(rows.map((r) => ref.find((p) => p.budget_heading === r.name)!.forecast_year_end_balance));
      expect(t.charts![0]!.altText).toContain(`${rows[0]!.name}: balance at the end of each month`);
    }

    const file = path.join(env.dir, 'pack.xlsx');
    await writePack(s.ws, { period: AUG }, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Appendix 5 Technical Note')!;
    expect(sheet.getImages()).toHaveLength(2);
    const captions: string[] = [];
    sheet.eachRow((row) => {
      const v = row.getCell(1).value as { richText?: { text: string }[] } | null;
      if (v && typeof v === 'object' && v.richText) captions.push(v.richText[0]!.text);
    });
    expect(captions).toEqual(tables.map((t) => t.charts![0]!.title));
  });
});
