import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppSession } from '../../main/app/session';
import { templateFile } from '../../main/import/template';
import { writePack } from '../../main/pack/build';
import { formatValue } from '../../shared/units';
import { readReference } from '../helpers/reference';
import { demoPerTest } from '../helpers/workspace';

/**
 * Appendix 3 (4.1 schemes, 4.2 funding) read back through the import engine from the committee pack and
 * from Outturn's template: the same figures find nothing to change; an edited figure is previewed and
 * applied, audited with the file; a scheme the programme does not hold is refused and nothing changes.
 */
const demos = demoPerTest();
const AUG = '2023-08';
const SHEET = 'Appendix 3 Capital Position';
const DFG = 'Disabled Facilities Grant';
type Ref = { capital_expenditure_4_1: { rows: { scheme: string; actuals_2023_24: number }[] } };
const dfgActuals = readReference<Ref>('capital.json').capital_expenditure_4_1.rows.find((r) => r.scheme === DFG)!.actuals_2023_24;
const k = (v: number) => v * 100;

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
const capitalTables = (status: Awaited<ReturnType<typeof start>>['status']) => status.tables.filter((t) => t.spec.startsWith('capital.'));
const auditCount = (s: AppSession) => s.ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

describe('Appendix 3 import', { timeout: 90_000 }, () => {
  it('reads the pack back with nothing to change; an edited actual is previewed and applied, audited', async () => {
    const env = demos.fresh();
    const s = env.open();
    const file = path.join(env.dir, 'pack.xlsx');
    await writePack(s.ws, { period: AUG }, file);
    const same = await start(s, file);
    expect(same.status.problems).toEqual([]);
    expect(capitalTables(same.status).map((t) => [t.spec, t.subjectName, t.period, t.layout, t.changedCells])).toEqual([
      ['capital.schemes', 'Capital Expenditure', AUG, 'committee', 0],
      ['capital.funding', 'Capital Funding', AUG, 'committee', 0],
    ]);
    s.imports.cancel(same.id);
    let row = 0;
    await editXlsx(file, (wb) => {
      const line = rowLabelled(wb.getWorksheet(SHEET)!, DFG, 3);
      expect(line.getCell(7).value).toBe(dfgActuals);
      line.getCell(7).value = 4800;
      row = line.number;
    });
    const { id, status } = await start(s, file);
    expect(status.problems).toEqual([]);
    const schemes = capitalTables(status).find((t) => t.spec === 'capital.schemes')!;
    expect(s.imports.lines(id, schemes.tableId, 'changed', 0, 10).map((l) => [l.label, l.cells])).toEqual([
      [DFG, [{ field: 'yearActuals', header: '2023-24 actuals £000', cell: `G${row}`, old: formatValue(k(dfgActuals), 'gbp_000'), new: formatValue(k(4800), 'gbp_000') }]],
    ]);
    expect((await s.imports.apply(id, 'import')).state).toBe('applied');
    expect(s.ws.db.prepare(`SELECT field, old_value, new_value, file_name FROM audit_log WHERE entity = 'capital_scheme' AND channel = 'import'`).all()).toEqual([
      { field: 'year_actuals', old_value: String(k(dfgActuals)), new_value: String(k(4800)), file_name: 'pack.xlsx' },
    ]);
  });

  it('reads the filled template back with nothing to do, and refuses a scheme the programme does not hold', async () => {
    const env = demos.fresh();
    const s = env.open();
    const file = path.join(env.dir, 'template.xlsx');
    fs.writeFileSync(file, (await templateFile(s.ws, AUG, true)).data);
    const same = await start(s, file);
    expect(same.status.problems).toEqual([]);
    expect(same.status.state).toBe('nothing-to-do');
    expect(capitalTables(same.status).map((t) => [t.subjectName, t.layout])).toEqual([
      ['Capital Expenditure', 'template'],
      ['Capital Funding', 'template'],
    ]);
    const pack = path.join(env.dir, 'pack.xlsx');
    await writePack(s.ws, { period: AUG }, pack);
    let row = 0;
    await editXlsx(pack, (wb) => {
      const line = rowLabelled(wb.getWorksheet(SHEET)!, 'Capitalisation of interest costs', 3);
      line.getCell(3).value = 'New day centre';
      row = line.number;
    });
    const before = auditCount(s);
    const { status } = await start(s, pack);
    expect(status.state).toBe('refused');
    expect(status.problems).toEqual([`${SHEET}!C${row}: "New day centre" is not a scheme of the 4.1 Capital Expenditure table`]);
    expect(auditCount(s)).toBe(before);
  });
});
