import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppSession } from '../../main/app/session';
import { HAND_CONTRIBUTIONS_K, HAND_EXPECTED, HAND_FINDINGS, extractCsv, extractXlsx } from '../import-fixtures/care-extract';
import { scratch } from '../import-fixtures/sink';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';
import { setKadCell } from '../../main/areas/kad/service';
import { monthFindings } from '../../main/core/checks';

/**
 * A care-package extract imported into the demo workspace: every figure checked against HAND_EXPECTED
 * (worked out by hand from the definitions), the findings against HAND_FINDINGS, the audit rows against
 * the file's SHA-256, and the published budget columns left as they were.
 */
const files = scratch('outturn-extract-');
afterAll(() => files.remove());
const demo = demoPerTest();
const JUL_AUG = { from: '2023-07', to: '2023-08' };

type Line = { current_packages: number | null; current_unit_cost: number | null; expected_packages: number | null; budget_unit_cost: number | null; annual_budget_k: number | null; current_packages_cf: number; current_unit_cost_cf: number };
const lineOf = (s: AppSession, period: string, key: string) => {
  const [service, type] = key.split('|');
  return s.ws.db.prepare('SELECT * FROM kad_lines WHERE period = ? AND service_id = ? AND line_key = ?').get(period, service, type) as Line | undefined;
};
const committedOf = (s: AppSession, period: string, service: string, line: string) =>
  s.ws.db.prepare('SELECT committed_k FROM kad_extract_figures WHERE period = ? AND service_id = ? AND line_key = ?').pluck().get(period, service, line) as number | undefined;

async function importExtract(s: AppSession, file: string, months = JUL_AUG) {
  const id = await s.imports.start(file, { months });
  const status = await s.imports.settled(id);
  return { id, status };
}

function expectHandFigures(s: AppSession): void {
  for (const [period, lines] of Object.entries(HAND_EXPECTED)) {
    for (const [key, want] of Object.entries(lines)) {
      const got = lineOf(s, period, key);
      expect({ period, key, packages: got?.current_packages, unitCost: got?.current_unit_cost }).toEqual({ period, key, packages: want.packages * 100, unitCost: want.unitCost === null ? null : want.unitCost * 100 });
      const [service, type] = key.split('|') as [string, string];
      expect({ period, key, committed: committedOf(s, period, service, type) }).toEqual({ period, key, committed: want.committedK * 100 });
    }
  }
  for (const [service, k] of Object.entries(HAND_CONTRIBUTIONS_K)) expect(committedOf(s, '2023-08', service, 'care_contributions')).toBe(k * 100);
}

describe('importing a care-package extract', () => {
  it('previews each month and service with the rows left out, then applies every figure as worked out by hand, audited with the file', async () => {
    const s = demo.open();
    const file = files.file('extract.csv', extractCsv());
    const before = lineOf(s, '2023-08', 'learning-disability-partnership|residential')!;
    const { id, status } = await importExtract(s, file);
    expect(status.state).toBe('ready');
    expect(status.problems).toEqual([]);
    for (const f of HAND_FINDINGS) expect(status.notes).toContainEqual(expect.stringContaining(`Row ${f.row}, package ${f.packageId}: ${f.says}`));
    expect(status.notes).toHaveLength(HAND_FINDINGS.length);
    // Two months of the six services; July is new, August is held and flagged where it differs.
    expect(status.tables).toHaveLength(12);
    expect(status.tables.filter((t) => t.period === '2023-07').every((t) => t.newMonth)).toBe(true);
    const aug = status.tables.find((t) => t.period === '2023-08' && t.subjectId === 'learning-disability-partnership')!;
    expect(aug.layout).toBe('records');
    const changes = await s.imports.lines(id, aug.tableId, 'changed', 0, 50);
    expect(changes.find((l) => l.lineKey === 'residential')!.cells.map((c) => [c.header, c.old, c.new])).toEqual([
      ['Current Care Packages', '234', '1'],
      ['Current Average Unit Cost (per week)', '£2,289', '£2,205'],
    ]);

    const applied = await s.imports.apply(id);
    expect(applied.state).toBe('applied');
    expectHandFigures(s);
    // The budget columns are the published ones still; the figures are this month's, so no longer c/f.
    const after = lineOf(s, '2023-08', 'learning-disability-partnership|residential')!;
    expect([after.expected_packages, after.budget_unit_cost, after.annual_budget_k]).toEqual([before.expected_packages, before.budget_unit_cost, before.annual_budget_k]);
    expect([after.current_packages_cf, after.current_unit_cost_cf]).toEqual([0, 0]);

    // One audited step, every row naming the file and its SHA-256.
    const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const audit = s.ws.db.prepare(`SELECT entity, entity_key, field, old_value, new_value, file_name, file_sha256, channel, op_id FROM audit_log WHERE op_id = (SELECT MAX(op_id) FROM audit_log)`).all() as Record<string, string | null>[];
    expect(new Set(audit.map((a) => `${a.file_name}|${a.file_sha256}|${a.channel}`))).toEqual(new Set([`extract.csv|${sha}|import`]));
    expect(audit).toContainEqual(expect.objectContaining({ entity: 'kad_line', entity_key: '2023-08|learning-disability-partnership|residential', field: 'current_packages', old_value: '23400', new_value: '100' }));
    expect(audit).toContainEqual(expect.objectContaining({ entity: 'kad_extract_figure', entity_key: '2023-08|adult-mental-health|residential', field: 'committed_k', new_value: '3100' }));
    expect(audit).toContainEqual(expect.objectContaining({ entity: 'kad_extract_figure', entity_key: '2023-08|adult-mental-health|residential', field: 'file_name', new_value: 'extract.csv' }));
    expect(audit.filter((a) => a.entity === 'kad_line' && a.entity_key!.startsWith('2023-08|') && /budget|expected/.test(a.field ?? ''))).toEqual([]);
  });

  it('reads the same rows from a workbook, with real Excel dates and numbers, to the same figures', async () => {
    const s = demo.open();
    const file = files.file('extract.xlsx', await extractXlsx());
    const { id, status } = await importExtract(s, file);
    expect(status.problems).toEqual([]);
    expect(status.notes).toHaveLength(HAND_FINDINGS.length);
    await s.imports.apply(id);
    expectHandFigures(s);
  });

  it('refuses a file with an unreadable date or amount, naming the cell, without showing a date of birth', async () => {
    const s = demo.open();
    const rows = extractCsv()
      .replace('£2,205.00', '£2,2O5.00')
      .replace('1958-08-31', '31st Aug 1958')
      .replace('01/08/2023', '32/08/2023');
    const held = () => s.ws.db.prepare('SELECT COUNT(*), SUM(committed_k) FROM kad_extract_figures').raw().get();
    const before = held();
    const { status } = await importExtract(s, files.file('broken.csv', rows));
    expect(status.state).toBe('refused');
    expect(status.problems).toEqual([
      'broken!H3: "£2,2O5.00" is not an amount in pounds and pence (for example 1234.56 or £1,234.56)',
      'broken!B4: is not a date of birth Outturn can read (dd/mm/yyyy, yyyy-mm-dd or an Excel date); the value is not shown, as it is personal data',
      'broken!F7: "32/08/2023" is not a date Outturn can read (write it as dd/mm/yyyy, yyyy-mm-dd, or as an Excel date)',
    ]);
    expect(held()).toEqual(before);
  });

  it('refuses a file missing a column, naming it', async () => {
    const s = demo.open();
    const csv = extractCsv().replace('Weekly Client Contribution', 'Notes');
    const { status } = await importExtract(s, files.file('nocol.csv', csv));
    expect(status.problems).toEqual(['nocol!A1: the column "Weekly Client Contribution" is missing from this header row']);
  });

  it('leaves a closed month alone and says so, and takes --months only for an extract', async () => {
    const d = demo.fresh();
    expect((await cli('close', d.file, '--period', '2023-08')).code).toBe(0);
    const file = files.file('closed.csv', extractCsv());
    const run = await cli('import', d.file, file, '--months', '2023-07..2023-09');
    expect(run.code).toBe(0);
    expect(run.out).toContain('August 2023 is closed: its figures were left as they are.');
    const s = d.open();
    expect(lineOf(s, '2023-08', 'learning-disability-partnership|residential')!.current_packages).toBe(23400);
    expect(lineOf(s, '2023-09', 'older-people-physical-disability-over-65|homecare')!.current_packages).toBe(100);
    const table = path.join(path.dirname(file), 'table.csv');
    fs.writeFileSync(table, 'Key activity data at the end of August 2023 for Autism\nService Type,Current Care Packages\nResidential,3\n');
    const wrong = await cli('import', d.file, table, '--months', '2023-07..2023-09', '--dry-run');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('choosing months (--months) is for a file covering many months, such as a care-package extract; this file is a table for one month');
    expect((await cli('import', d.file, file, '--months', '2023-09..2023-07')).err).toContain('give the months as YYYY-MM..YYYY-MM');
  });
  it('keeps the published August as the figures of record, and Checks lists where they come to differ from the demo extract', () => {
    const s = demo.open();
    const findings = () => monthFindings(s.ws, '2023-08').filter((f) => f.rule === 'extract-differs');
    // The demo extract reproduces August's packages and unit costs: nothing to list.
    expect(findings()).toEqual([]);
    setKadCell(s.ws, { period: '2023-08', serviceId: 'learning-disability-partnership', lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    expect(findings().map((f) => [f.table, f.row, f.column, f.reported, f.computed])).toEqual([
      ['Learning Disability Partnership', 'Residential', 'Current Care Packages', '240', '234 from care-package-extract.csv'],
    ]);
  });
});

describe('the demo extract in the audit trail', () => {
  it('records the demo extract’s file name and SHA-256 on every figure the demo took from it, and on nothing else', () => {
    const s = demo.open();
    const bytes = zlib.gunzipSync(fs.readFileSync(path.join(__dirname, '../../resources/demo/care-package-extract.csv.gz')));
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const rows = s.ws.db.prepare(`SELECT entity, file_name AS fileName, file_sha256 AS sha FROM audit_log WHERE channel = 'seed'`).all() as { entity: string; fileName: string | null; sha: string | null }[];
    const fromExtract = rows.filter((r) => r.entity === 'kad_extract_figure');
    expect(fromExtract.length).toBeGreaterThan(100);
    expect(new Set(fromExtract.map((r) => `${r.fileName} ${r.sha}`))).toEqual(new Set([`care-package-extract.csv ${sha256}`]));
    // The published figures the demo was made from came from no file.
    const published = rows.filter((r) => r.entity !== 'kad_extract_figure');
    expect(published.length).toBeGreaterThan(100);
    expect(published.filter((r) => r.fileName !== null || r.sha !== null)).toEqual([]);
  });
});

describe('importing an extract again', () => {
  it('says there is nothing to import when the extract gives the figures already held, and changes nothing', async () => {
    const s = demo.open();
    const file = files.file('again.csv', extractCsv());
    const first = await importExtract(s, file);
    expect((await s.imports.apply(first.id)).state).toBe('applied');
    const operations = () => s.ws.db.prepare('SELECT COUNT(*) FROM operations').pluck().get();
    const before = operations();
    const again = await importExtract(s, file);
    expect(again.status.state).toBe('nothing-to-do');
    expect(again.status.message).toBe('Nothing to import: every figure in again.csv already matches this workspace.');
    expect(operations()).toBe(before);
  });

  it('says there is nothing to import when every month asked for is closed, not that the file holds no table', async () => {
    const d = demo.fresh();
    expect((await cli('close', d.file, '--period', '2023-08')).code).toBe(0);
    const s = d.open();
    const { status } = await importExtract(s, files.file('closed-only.csv', extractCsv()), { from: '2023-08', to: '2023-08' });
    expect(status.state).toBe('nothing-to-do');
    expect(status.message).toBe('Nothing to import from closed-only.csv: August 2023 is closed: its figures were left as they are.');
  });
});

describe('months the workspace does not hold yet', () => {
  it('says in plain words which months are rolled forward from a month held and which come before any, in the preview and the command line', async () => {
    const d = demo.fresh();
    const file = files.file('span.csv', extractCsv());
    // The demo holds Key Activity Data for August 2023 only; the extract is worked out for May to October.
    const run = await cli('import', d.file, file, '--months', '2023-05..2023-10', '--dry-run');
    expect(run.code).toBe(0);
    const said = run.out.split('\n');
    expect(said).toContain(
      "Creates May 2023 to July 2023, before the first month this workspace holds: there is no earlier month to roll them forward from, so they hold only this file's figures (budgets, and anything else the file does not give, are left blank).",
    );
    expect(said).toContain("Creates September 2023 to October 2023 by rolling forward from August 2023: its figures are copied into each new month, then this file's figures are written over them.");
    const s = d.open();
    const { status } = await importExtract(s, file, { from: '2023-05', to: '2023-10' });
    expect(status.tables.filter((t) => t.period === '2023-06').map((t) => [t.newMonth, t.rollsFrom])).toEqual(Array(6).fill([true, null]));
    expect(status.tables.filter((t) => t.period === '2023-10').map((t) => [t.newMonth, t.rollsFrom])).toEqual(Array(6).fill([true, '2023-08']));
    expect(status.tables.filter((t) => t.period === '2023-08').map((t) => [t.newMonth, t.rollsFrom])).toEqual(Array(6).fill([false, null]));
  });
});
