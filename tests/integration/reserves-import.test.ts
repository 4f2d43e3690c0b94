import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppSession } from '../../main/app/session';
import { reservesSchedules } from '../../main/areas/reserves/ledger';
import { closePeriod } from '../../main/core/close';
import { templateFile } from '../../main/import/template';
import { writePack } from '../../main/pack/build';
import { formatValue } from '../../shared/units';
import { readReference } from '../helpers/reference';
import { demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

/**
 * The earmarked reserve schedules (5.3.1, 5.3.2) read back through the import engine, from the committee
 * pack and from Outturn's template: the same figures find nothing to change; an edited cell is previewed
 * and applied as the ledger entries that bring the reserve to the file (by difference), audited with the
 * file; bad input is refused naming sheet, row and column, and changes nothing.
 */
const demos = demoPerTest();
const AUG = '2023-08';
const PACK_SHEET = 'Appendix 5 Technical Note';
const TEMPLATE_SHEET = 'Reserves Public Health';

type RefRow = { budget_heading: string; opening_balance: number; net_movements_to_august: number | null; forecast_year_end_balance: number };
const published = readReference<{ tables: { table_ref: string; rows: RefRow[] }[] }>('reserves.json').tables.find((t) => t.table_ref === '5.3.2')!.rows;
const ref = (name: string) => published.find((r) => r.budget_heading === name)!;
const k = (v: number) => v * 100;
const money = (v: number) => formatValue(k(v), 'gbp_000q');

const auditCount = (s: AppSession) => s.ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
const entryCount = (s: AppSession) => s.ws.db.prepare('SELECT COUNT(*) FROM reserves_entries').pluck().get() as number;
const lastEntry = (s: AppSession) => s.ws.db.prepare('SELECT COALESCE(MAX(id), 0) FROM reserves_entries').pluck().get() as number;
const entriesAfter = (s: AppSession, id: number) =>
  s.ws.db.prepare('SELECT reserve_id, period, kind, amount, planned, expected_period FROM reserves_entries WHERE id > ? ORDER BY id').all(id) as { reserve_id: string; period: string; kind: string; amount: number; planned: number; expected_period: string | null }[];
const scheduleRow = (s: AppSession, name: string) => reservesSchedules(s.ws, AUG).schedules.flatMap((t) => t.rows).find((r) => r.name === name)!;

async function start(s: AppSession, file: string) {
  const id = await s.imports.start(file);
  return { id, status: await s.imports.settled(id) };
}

async function editXlsx(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

function rowLabelled(sheet: ExcelJS.Worksheet, label: string, col: number): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  sheet.eachRow((row) => {
    if (!found && row.getCell(col).value === label) found = row;
  });
  if (!found) throw new Error(`no row labelled ${label} in ${sheet.name}`);
  return found;
}

async function demoPack(): Promise<{ s: AppSession; file: string }> {
  const env = demos.fresh();
  const s = env.open();
  const file = path.join(env.dir, 'pack.xlsx');
  await writePack(s.ws, { period: AUG }, file);
  return { s, file };
}

async function demoTemplate(): Promise<{ s: AppSession; file: string }> {
  const env = demos.fresh();
  const s = env.open();
  const file = path.join(env.dir, 'template.xlsx');
  fs.writeFileSync(file, (await templateFile(s.ws, AUG, true)).data);
  return { s, file };
}

const reserveTables = (status: Awaited<ReturnType<typeof start>>['status']) => status.tables.filter((t) => t.spec === 'reserves.schedule');

describe('earmarked reserve schedules in the committee layout', { timeout: 90_000 }, () => {
  it('reads the demo pack back with nothing to change, then applies exactly one edited movement as entries by difference, audited', async () => {
    const { s, file } = await demoPack();
    const same = await start(s, file);
    expect(same.status.problems).toEqual([]);
    expect(reserveTables(same.status).map((t) => [t.subjectName, t.period, t.layout, t.changedCells])).toEqual([
      ['Adults, Health and Commissioning', AUG, 'committee', 0],
      ['Public Health', AUG, 'committee', 0],
    ]);
    s.imports.cancel(same.id);

    const name = 'NHS Healthchecks Incentive Funding';
    const r = ref(name);
    let row = 0;
    await editXlsx(file, (wb) => {
      const line = rowLabelled(wb.getWorksheet(PACK_SHEET)!, name, 1);
      expect(line.getCell(3).value).toBe(r.net_movements_to_august);
      line.getCell(3).value = -120;
      row = line.number;
    });
    const { id, status } = await start(s, file);
    expect(status.problems).toEqual([]);
    const ph = reserveTables(status).find((t) => t.subjectName === 'Public Health')!;
    expect(ph.changedCells).toBe(1);
    expect(s.imports.lines(id, ph.tableId, 'changed', 0, 10)).toEqual([
      { lineKey: scheduleRow(s, name).reserveId, label: name, sheet: PACK_SHEET, row, status: 'changed', cells: [{ field: 'movements', header: "Net Movements £'000", cell: `C${row}`, old: money(r.net_movements_to_august!), new: money(-120) }] },
    ]);
    const before = lastEntry(s);
    const applied = await s.imports.apply(id, 'import');
    expect(applied.state).toBe('applied');
    // By difference: August's entry = the file's movements to August − the ledger's; the planned entry
    // keeps the forecast the file states: (forecast − opening − movements) − what the ledger already planned.
    const heldPlanned = r.forecast_year_end_balance - r.opening_balance - r.net_movements_to_august!;
    const filePlanned = r.forecast_year_end_balance - r.opening_balance - -120;
    const added = entriesAfter(s, before);
    expect(added).toEqual([
      { reserve_id: scheduleRow(s, name).reserveId, period: AUG, kind: 'net', amount: k(-120 - r.net_movements_to_august!), planned: 0, expected_period: null },
      { reserve_id: scheduleRow(s, name).reserveId, period: AUG, kind: 'net', amount: k(filePlanned - heldPlanned), planned: 1, expected_period: '2024-03' },
    ]);
    expect(scheduleRow(s, name)).toMatchObject({ opening: k(r.opening_balance), movements: k(-120), forecast: k(r.forecast_year_end_balance) });
    const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const audit = s.ws.db
      .prepare(`SELECT entity, field, new_value, channel, file_name, file_sha256 FROM ${AUDIT_CELLS} a WHERE entity = 'reserve_entry' AND field = 'amount' ORDER BY id, cell`)
      .all()
      .slice(-2);
    expect(audit).toEqual(added.map((e) => ({ entity: 'reserve_entry', field: 'amount', new_value: String(e.amount), channel: 'import', file_name: 'pack.xlsx', file_sha256: sha })));

    // The same file again: the ledger already says what it says.
    const again = await start(s, file);
    expect(reserveTables(again.status).map((t) => t.changedCells)).toEqual([0, 0]);
  });

  it('refuses text in a money cell and a reserve not in the register, naming sheet, row and column, and changes nothing', async () => {
    const { s, file } = await demoPack();
    const rows: Record<string, number> = {};
    await editXlsx(file, (wb) => {
      const sheet = wb.getWorksheet(PACK_SHEET)!;
      const text = rowLabelled(sheet, 'Stop Smoking Service', 1);
      text.getCell(4).value = 'about 7';
      const unknown = rowLabelled(sheet, 'Traveller Health', 1);
      unknown.getCell(1).value = 'Traveller Health Outreach';
      rows.text = text.number;
      rows.unknown = unknown.number;
    });
    const before = [auditCount(s), entryCount(s)];
    const { status } = await start(s, file);
    expect(status.state).toBe('refused');
    expect(status.problems).toEqual([
      `${PACK_SHEET}!D${rows.text}: "about 7" is not an amount of money`,
      `${PACK_SHEET}!A${rows.unknown}: "Traveller Health Outreach" is not a reserve of the Earmarked Reserve Schedule table`,
    ]);
    expect([auditCount(s), entryCount(s)]).toEqual(before);
  });
});

describe('earmarked reserve schedules in the template layout', { timeout: 90_000 }, () => {
  it('writes one sheet per directorate and reads it back with nothing to do; an edited opening balance becomes an opening entry', async () => {
    const { s, file } = await demoTemplate();
    const same = await start(s, file);
    expect(same.status.problems).toEqual([]);
    expect(same.status.state).toBe('nothing-to-do');
    expect(reserveTables(same.status).map((t) => [t.subjectName, t.layout])).toEqual([
      ['Adults, Health and Commissioning', 'template'],
      ['Public Health', 'template'],
    ]);
    const name = 'Best Start in Life';
    const r = ref(name);
    let row = 0;
    await editXlsx(file, (wb) => {
      const sheet = wb.getWorksheet(TEMPLATE_SHEET)!;
      expect(sheet.getRow(1).values).toEqual([undefined, 'Key', 'Budget Heading', "Opening Balance 2023/24 £'000", "Net Movements to August 2023/24 £'000", "Forecast Year End Balance £'000", 'Reserve Description', undefined, 'Month: August 2023']);
      const line = rowLabelled(sheet, name, 2);
      expect([line.getCell(3).value, line.getCell(4).value, line.getCell(5).value]).toEqual([r.opening_balance, r.net_movements_to_august, r.forecast_year_end_balance]);
      line.getCell(3).value = 200;
      row = line.number;
    });
    const { id, status } = await start(s, file);
    expect(status.problems).toEqual([]);
    const ph = reserveTables(status).find((t) => t.subjectName === 'Public Health')!;
    expect(s.imports.lines(id, ph.tableId, 'changed', 0, 10).map((l) => [l.label, l.row, l.cells])).toEqual([[name, row, [{ field: 'opening', header: "Opening Balance £'000", cell: `C${row}`, old: money(r.opening_balance), new: money(200) }]]]);
    const before = lastEntry(s);
    expect((await s.imports.apply(id, 'import')).state).toBe('applied');
    expect(entriesAfter(s, before).map((e) => [e.kind, e.amount, e.planned])).toEqual([
      ['opening', k(200 - r.opening_balance), 0],
      ['net', k(r.opening_balance - 200), 1],
    ]);
    expect(scheduleRow(s, name)).toMatchObject({ opening: k(200), forecast: k(r.forecast_year_end_balance) });
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM ${AUDIT_CELLS} a WHERE entity = 'reserve_entry' AND field = 'amount' AND file_name = 'template.xlsx'`).pluck().get()).toBe(2);
  });

  it('refuses a missing column, a balance below zero and a closed month, and changes nothing', async () => {
    const { s, file } = await demoTemplate();
    await editXlsx(file, (wb) => {
      wb.getWorksheet('Reserves Adults, Health and Com')!.getCell('E1').value = null;
      rowLabelled(wb.getWorksheet(TEMPLATE_SHEET)!, 'Traveller Health', 2).getCell(5).value = -5;
    });
    const before = [auditCount(s), entryCount(s)];
    const bad = await start(s, file);
    expect(bad.status.state).toBe('refused');
    expect(bad.status.problems).toEqual([
      `Reserves Adults, Health and Com!1: the column "Forecast Year End Balance £'000" is missing`,
      expect.stringMatching(/^Reserves Public Health!E\d+: would make Traveller Health's forecast year-end balance -5 \(£'000\), below zero; .*confirms with a reason/),
    ]);
    expect([auditCount(s), entryCount(s)]).toEqual(before);

    const { s: t, file: good } = await demoTemplate();
    await editXlsx(good, (wb) => {
      rowLabelled(wb.getWorksheet(TEMPLATE_SHEET)!, 'Traveller Health', 2).getCell(5).value = 15;
    });
    await closePeriod(t.ws, AUG);
    const closedBefore = [auditCount(t), entryCount(t)];
    const closed = await start(t, good);
    expect(closed.status.state).toBe('refused');
    expect(closed.status.problems.some((p) => /^Reserves Public Health!A1: is for August 2023, which is closed/.test(p))).toBe(true);
    expect([auditCount(t), entryCount(t)]).toEqual(closedBefore);
  });
});

const GRANTS = 'Disabled Facilities Grant';
const grantAmount = (s: AppSession) => s.ws.db.prepare(`SELECT amount FROM reserves_grants WHERE period = ? AND name = ?`).pluck().get(AUG, GRANTS) as number;
type GrantRef = { tables: { table_ref: string; rows: { grant: string; amount: number }[] }[] };
const publishedGrant = readReference<GrantRef>('grants.json').tables.find((t) => t.table_ref === '5.1.1')!.rows.find((r) => r.grant === GRANTS)!.amount;
const grantTables = (status: Awaited<ReturnType<typeof start>>['status']) => status.tables.filter((t) => t.spec === 'reserves.grants');

describe('grants not built into base budgets (5.1)', { timeout: 90_000 }, () => {
  it('reads the pack back (the month from its contents sheet) with nothing to change; an edited amount is previewed and applied, audited', async () => {
    const { s, file } = await demoPack();
    const same = await start(s, file);
    expect(same.status.problems).toEqual([]);
    expect(grantTables(same.status).map((t) => [t.subjectName, t.period, t.layout, t.changedCells])).toEqual([
      ['Adults, Health and Commissioning', AUG, 'committee', 0],
      ['Public Health', AUG, 'committee', 0],
    ]);
    s.imports.cancel(same.id);
    let row = 0;
    await editXlsx(file, (wb) => {
      const line = rowLabelled(wb.getWorksheet(PACK_SHEET)!, GRANTS, 1);
      expect(line.getCell(3).value).toBe(publishedGrant);
      line.getCell(3).value = 5100;
      row = line.number;
    });
    const { id, status } = await start(s, file);
    expect(status.problems).toEqual([]);
    const ahc = grantTables(status).find((t) => t.subjectName === 'Adults, Health and Commissioning')!;
    expect(s.imports.lines(id, ahc.tableId, 'changed', 0, 10).map((l) => [l.label, l.cells])).toEqual([[GRANTS, [{ field: 'amount', header: "Amount £'000", cell: `C${row}`, old: money(publishedGrant), new: money(5100) }]]]);
    expect((await s.imports.apply(id, 'import')).state).toBe('applied');
    expect(grantAmount(s)).toBe(k(5100));
    expect(s.ws.db.prepare(`SELECT field, old_value, new_value, file_name FROM ${AUDIT_CELLS} a WHERE entity = 'reserves_grant' AND channel = 'import'`).all()).toEqual([
      { field: 'amount', old_value: String(k(publishedGrant)), new_value: String(k(5100)), file_name: 'pack.xlsx' },
    ]);
  });

  it('refuses a grant the directorate does not list and a key of another directorate, and changes nothing', async () => {
    const { s, file } = await demoPack();
    let row = 0;
    await editXlsx(file, (wb) => {
      const line = rowLabelled(wb.getWorksheet(PACK_SHEET)!, 'Community Discharge Grant', 1);
      line.getCell(1).value = 'Hospital Discharge Grant';
      row = line.number;
    });
    const before = [auditCount(s), grantAmount(s)];
    const { status } = await start(s, file);
    expect(status.state).toBe('refused');
    expect(status.problems).toEqual([`${PACK_SHEET}!A${row}: "Hospital Discharge Grant" is not a grant of the Grants Not Built into Base Budgets table`]);
    expect([auditCount(s), grantAmount(s)]).toEqual(before);

    const { s: t, file: template } = await demoTemplate();
    let key = '';
    await editXlsx(template, (wb) => {
      key = String(rowLabelled(wb.getWorksheet('Grants Adults, Health and Commi')!, GRANTS, 2).getCell(1).value);
      wb.getWorksheet('Grants Public Health')!.getCell('A2').value = key;
    });
    const again = await start(t, template);
    expect(again.status.state).toBe('refused');
    expect(again.status.problems).toEqual([`Grants Public Health!A2: "${key}" is not the key of a Grants Not Built into Base Budgets line`]);
  });

  it('reads the filled template back with nothing to do', async () => {
    const { s, file } = await demoTemplate();
    const { status } = await start(s, file);
    expect(status.problems).toEqual([]);
    expect(status.state).toBe('nothing-to-do');
    expect(grantTables(status).map((t) => [t.subjectName, t.layout])).toEqual([
      ['Adults, Health and Commissioning', 'template'],
      ['Public Health', 'template'],
    ]);
  });
});

type VirementRef = { tables: { table_ref: string; rows: { budget_line: string; period: string; amount: number }[] }[] };
const mayRow = readReference<VirementRef>('virements.json').tables.find((t) => t.table_ref === '5.2.1')!.rows.find((r) => r.period === 'May')!;
const virementTables = (status: Awaited<ReturnType<typeof start>>['status']) => status.tables.filter((t) => t.spec === 'reserves.virements');
const virementCount = (s: AppSession) => s.ws.db.prepare('SELECT COUNT(*) FROM reserves_virements WHERE period = ?').pluck().get(AUG) as number;

describe('virements and budget reconciliation (5.2)', { timeout: 90_000 }, () => {
  it('reads the pack back with nothing to change; an edited amount is previewed and applied to that virement, audited', async () => {
    const { s, file } = await demoPack();
    const same = await start(s, file);
    expect(same.status.problems).toEqual([]);
    expect(virementTables(same.status).map((t) => [t.subjectName, t.period, t.layout, t.changedCells, t.newLines])).toEqual([
      ['Adults, Health and Commissioning', AUG, 'committee', 0, 0],
      ['Public Health', AUG, 'committee', 0, 0],
    ]);
    s.imports.cancel(same.id);
    let row = 0;
    await editXlsx(file, (wb) => {
      const sheet = wb.getWorksheet(PACK_SHEET)!;
      sheet.eachRow((r) => {
        if (!row && r.getCell(1).value === mayRow.budget_line && r.getCell(3).value === mayRow.amount) row = r.number;
      });
      sheet.getRow(row).getCell(3).value = 600;
    });
    const { id, status } = await start(s, file);
    expect(status.problems).toEqual([]);
    const ahc = virementTables(status).find((t) => t.subjectName === 'Adults, Health and Commissioning')!;
    expect(s.imports.lines(id, ahc.tableId, 'changed', 0, 10).map((l) => [l.label, l.row, l.cells])).toEqual([[mayRow.budget_line, row, [{ field: 'amount', header: "£'000", cell: `C${row}`, old: money(mayRow.amount), new: money(600) }]]]);
    expect((await s.imports.apply(id, 'import')).state).toBe('applied');
    expect(s.ws.db.prepare(`SELECT field, old_value, new_value, file_name FROM ${AUDIT_CELLS} a WHERE entity = 'reserves_virement' AND channel = 'import'`).all()).toEqual([
      { field: 'amount', old_value: String(k(mayRow.amount)), new_value: String(k(600)), file_name: 'pack.xlsx' },
    ]);
  });

  it("refuses a committee table missing a virement and a month after the table's, and changes nothing", async () => {
    const { s, file } = await demoPack();
    let title = 0;
    let effective = 0;
    await editXlsx(file, (wb) => {
      const sheet = wb.getWorksheet(PACK_SHEET)!;
      title = rowLabelled(sheet, '5.2.1 Virements and Budget Reconciliation (Adults, Health and Commissioning)', 1).number;
      // The first virement left out (its row emptied: splicing rows would undo the sheet's merged cells).
      const first = rowLabelled(sheet, 'Executive Director People Services', 1);
      for (let c = 1; c <= 4; c++) first.getCell(c).value = null;
      effective = first.number + 1;
      sheet.getRow(effective).getCell(2).value = 'September';
    });
    const before = [auditCount(s), virementCount(s)];
    const { status } = await start(s, file);
    expect(status.state).toBe('refused');
    expect(status.problems).toEqual([
      `${PACK_SHEET}!B${effective}: "September" is not a month of 2023/24 up to August 2023, when a virement recorded then takes effect`,
      `${PACK_SHEET}!A${title}: lists 8 virements but Adults, Health and Commissioning in August 2023 holds 9: remove a virement on the Reserves page, where the reconciliation shows what it does`,
    ]);
    expect([auditCount(s), virementCount(s)]).toEqual(before);
  });

  it('reads the filled template back with nothing to do; a row added without a key is a new virement', async () => {
    const { s, file } = await demoTemplate();
    const same = await start(s, file);
    expect(same.status.problems).toEqual([]);
    expect(same.status.state).toBe('nothing-to-do');
    let row = 0;
    await editXlsx(file, (wb) => {
      const sheet = wb.getWorksheet('Virements Public Health')!;
      row = sheet.rowCount + 1;
      sheet.getRow(row).values = [null, 'Public Health Directorate', 'July 2023', 25, 'Transfer from Adults'];
    });
    const { id, status } = await start(s, file);
    expect(status.problems).toEqual([]);
    const ph = virementTables(status).find((t) => t.subjectName === 'Public Health')!;
    expect(ph.newLines).toBe(1);
    expect(s.imports.lines(id, ph.tableId, 'new', 0, 10).map((l) => [l.label, l.row])).toEqual([['Public Health Directorate', row]]);
    const before = virementCount(s);
    expect((await s.imports.apply(id, 'import')).state).toBe('applied');
    expect(virementCount(s)).toBe(before + 1);
    expect(s.ws.db.prepare(`SELECT budget_line, effective_period, amount, notes FROM reserves_virements WHERE period = ? AND directorate_id = 'ph'`).all(AUG)).toEqual([
      { budget_line: 'Public Health Directorate', effective_period: '2023-07', amount: k(25), notes: 'Transfer from Adults' },
    ]);
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM ${AUDIT_CELLS} a WHERE entity = 'reserves_virement' AND file_name = 'template.xlsx'`).pluck().get()).toBeGreaterThan(0);
  });
});
