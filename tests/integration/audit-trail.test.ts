import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { dispatch } from '../../main/api/dispatch';
import { setKadCell } from '../../main/areas/kad/service';
import { AppSession } from '../../main/app/session';
import { cellHistory } from '../../main/core/audit';
import { ABOUT_SHEET, AUDIT_SHEET } from '../../main/core/audit-report';
import { monthFindings } from '../../main/core/checks';
import { reviewFindings } from '../../main/core/reviews';
import { markReady, signOff } from '../../main/core/signoff';
import { writePack } from '../../main/pack/build';
import { undo } from '../../main/store/history';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

/**
 * The audit trail, readable: the history of one cell (who, when, from what to what, how, the file for
 * an import) and the audit report of a month that auditors open in Excel.
 */
vi.setConfig({ testTimeout: 60_000 });

const AUG = '2023-08';
const LDP = 'learning-disability-partnership';
const RESIDENTIAL = { table: 'kad_lines', key: { period: AUG, service_id: LDP, line_key: 'residential' }, field: 'current_packages' };
const demos = demoPerTest();
const sessions: AppSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

function as(user: string): AppSession {
  for (const s of sessions.splice(0)) s.close();
  const s = new AppSession(demos.current().file, { identity: { osUser: user, machine: `${user.toUpperCase()}-PC` } });
  sessions.push(s);
  return s;
}

/** The demo's August pack with LDP Residential's current packages typed over, saved as a workbook to import. */
async function editedPack(s: AppSession, packages: number): Promise<string> {
  const pack = path.join(demos.current().dir, 'pack.xlsx');
  await writePack(s.ws, { period: AUG }, pack);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pack);
  let edited = 0;
  wb.getWorksheet('5 Key Activity Data')!.eachRow((row) => {
    if (edited === 0 && String(row.getCell(1).value).trim() === '~Residential') {
      row.getCell(5).value = packages; // Current Care Packages
      edited++;
    }
  });
  expect(edited).toBe(1);
  const file = path.join(demos.current().dir, 'LDP return September.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('the history of one cell', () => {
  it('lists every change of the cell: who, when, from what to what, how, and the file of an import', async () => {
    demos.fresh();
    const alice = as('alice');
    setKadCell(alice.ws, { period: AUG, serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    undo(alice.ws);
    const file = await editedPack(alice, 250);
    const id = await alice.imports.start(file);
    expect((await alice.imports.settled(id)).problems).toEqual([]);
    await alice.imports.apply(id);

    const history = cellHistory(alice.ws, RESIDENTIAL);
    expect(history).toMatchObject({ table: 'kad_lines', field: 'current_packages', entityKey: `${AUG}|${LDP}|residential`, areaName: 'Key Activity Data' });
    const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(history.changes.map(({ osUser, how, action, from, to, fileName, fileSha256 }) => ({ osUser, how, action, from, to, fileName, fileSha256 }))).toEqual([
      { osUser: expect.any(String), how: 'Workspace set-up', action: 'Added', from: 'blank', to: '234', fileName: null, fileSha256: null },
      { osUser: 'alice', how: 'Typed in the app', action: 'Changed', from: '234', to: '240', fileName: null, fileSha256: null },
      { osUser: 'alice', how: 'Undo', action: 'Changed', from: '240', to: '234', fileName: null, fileSha256: null },
      { osUser: 'alice', how: 'Imported from a file', action: 'Changed', from: '234', to: '250', fileName: 'LDP return September.xlsx', fileSha256: sha },
    ]);
    expect(history.changes[1]).toMatchObject({ machine: 'ALICE-PC', step: 'Learning Disability Partnership Residential, Current Care Packages: 234 → 240 (August 2023)', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    // Another column of the same row has its own history.
    expect(cellHistory(alice.ws, { ...RESIDENTIAL, field: 'annual_budget_k' }).changes.map((c) => [c.how, c.from, c.to])).toEqual([['Workspace set-up', 'blank', '£28,942k']]);
  });

  it('is served by the API for any registered table, refusing a cell that is not one in plain words', async () => {
    const s = demos.open();
    const handlers = createHandlers(s);
    const ok = await dispatch(handlers, 'audit.cell', RESIDENTIAL, { channel: 'grid' });
    expect(ok).toMatchObject({ ok: true, value: { changes: [{ from: 'blank', to: '234' }] } });
    expect(await dispatch(handlers, 'audit.cell', { ...RESIDENTIAL, table: 'no_such_table' }, { channel: 'grid' })).toMatchObject({ ok: false, error: { message: 'Outturn keeps no table called "no_such_table".' } });
    expect(await dispatch(handlers, 'audit.cell', { ...RESIDENTIAL, key: { period: AUG, line_key: 'residential' } }, { channel: 'grid' })).toMatchObject({
      ok: false,
      error: { message: 'A row of kad_lines is named by period, service_id, line_key; service_id missing.' },
    });
    expect(await dispatch(handlers, 'audit.cell', { ...RESIDENTIAL, field: 'name' }, { channel: 'grid' })).toMatchObject({ ok: false, error: { message: 'kad_lines has no column "name".' } });
  });
});

describe('the audit report of a month', () => {
  it('lists every audited change of the month in plain columns, with what the report covers', async () => {
    const { file, dir } = demos.fresh();
    const alice = as('alice');
    setKadCell(alice.ws, { period: AUG, serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    const all = monthFindings(alice.ws, AUG);
    reviewFindings(alice.ws, AUG, all, { findings: all, status: 'acknowledged', note: 'Checked against the published report' }, 'grid');
    markReady(alice.ws, AUG);
    const bob = as('bob');
    const signed = await signOff(bob.ws, AUG);
    const audited = bob.ws.db.prepare(`SELECT COUNT(*) FROM ${AUDIT_CELLS} a WHERE period = ?`).pluck().get(AUG) as number;
    bob.close();

    const out = path.join(dir, 'audit.xlsx');
    expect(await cli('audit', file, '--period', AUG, '--out', out)).toEqual({ code: 0, out: `Wrote ${out} (${audited} changes of August 2023).\n`, err: '' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet(AUDIT_SHEET)!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual(['Change no.', 'Step no.', 'When (UTC)', 'Who (computer user)', 'Computer', 'How', 'Step', 'Area', 'Table', 'Row', 'Column', 'Change', 'From', 'To', 'File imported', 'File SHA-256']);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(header.map((h, i) => [String(h), row.getCell(i + 1).value])));
    });
    expect(rows).toHaveLength(audited);
    expect(audited).toBeGreaterThan(100);
    expect(rows).toContainEqual(
      expect.objectContaining({
        'Who (computer user)': 'alice',
        Computer: 'ALICE-PC',
        How: 'Typed in the app',
        Step: 'Learning Disability Partnership Residential, Current Care Packages: 234 → 240 (August 2023)',
        Area: 'Key Activity Data',
        Table: 'kad_lines',
        Row: `${AUG}|${LDP}|residential`,
        Column: 'current_packages',
        Change: 'Changed',
        From: '234',
        To: '240',
      }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ 'Who (computer user)': 'alice', Table: 'periods', Column: 'ready_by', From: 'blank', To: 'alice', How: 'Month-end (ready, sign-off, close, reopen)' }));
    expect(rows).toContainEqual(expect.objectContaining({ 'Who (computer user)': 'bob', Table: 'periods', Column: 'status', From: 'open', To: 'closed', Step: 'Sign off August 2023 (prepared by alice)' }));
    expect(rows).toContainEqual(expect.objectContaining({ 'Who (computer user)': 'bob', Table: 'period_signoffs', Column: 'figures_sha256', To: signed.figuresSha256 }));
    expect(rows[0]!['When (UTC)']).toBeInstanceOf(Date);

    const about = new Map<string, string>();
    wb.getWorksheet(ABOUT_SHEET)!.eachRow((row) => void about.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(about.get('Month')).toBe('August 2023');
    expect(about.get('Status')).toMatch(/^Closed \(signed off by bob on \d{4}-\d{2}-\d{2}\)$/);
    expect(about.get('Changes listed')).toBe(String(audited));
    expect(about.get('Figures SHA-256 now')).toBe(signed.figuresSha256);
    expect(about.get('Figures SHA-256 signed off')).toBe(signed.figuresSha256);
    expect(about.get('Committee pack SHA-256 signed off')).toBe(signed.packSha256);
  });

  it('is refused for a file that is not a workbook, before any work', async () => {
    const { file, dir } = demos.fresh();
    expect(await cli('audit', file, '--period', AUG, '--out', path.join(dir, 'audit.csv'))).toMatchObject({ code: 1, err: 'The audit report is an Excel workbook: name a file ending in .xlsx, for example audit.xlsx.\n' });
  });
});
