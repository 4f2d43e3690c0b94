import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatFinding, isOpen } from '../../shared/checks';
import { setKadCell } from '../../main/areas/kad/service';
import { updateKadSettings } from '../../main/areas/kad/settings';
import type { AppSession } from '../../main/app/session';
import { monthFindings } from '../../main/core/checks';
import { rollForwardMonth } from '../../main/core/months';
import { exportReadiness } from '../../main/core/readiness';
import { reviewFindings } from '../../main/core/reviews';
import { buildPack } from '../../main/pack/build';
import { periodPackSettings, updatePackSettings } from '../../main/pack/settings';
import { buildCommitteeWorkbook } from '../import-fixtures/committee';
import { publishedTables } from '../import-fixtures/published';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS, GROUP_FIELD } from '../../main/store/audit-cells';
import { correctionsSinceReported } from '../../main/areas/kad/repository';
import { insertRows } from '../../main/store/set-write';

// Closing a month builds and archives its committee pack (a second or two; more on a busy machine).
vi.setConfig({ testTimeout: 30_000 });

/**
 * A month as an officer lives it: September prepared from August, a correction to the published
 * August, findings accepted or acknowledged, and a pack that says what is not ready before it goes out.
 */
const LDP = 'learning-disability-partnership';
const demos = demoPerTest();
const demo = (): AppSession => demos.open();


describe('correcting a published month is not an error', () => {
  it('counts only corrections made after the table was last reported, figures inserted set-based (one group record) included', () => {
    const s = demo();
    setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    expect(correctionsSinceReported(s.ws, '2023-08', LDP).map((c) => c.lineKey)).toEqual(['residential']);
    // The table reported again afterwards (as an import states a new figure): the correction came before it.
    s.ws.write({ channel: 'import', label: 'a figure reported', fileName: 'f.xlsx', fileSha256: 'ab'.repeat(32) }, () =>
      insertRows(s.ws, 'reported_values', ['value_num', 'source'], {
        sql: `SELECT '2023-08' AS period, 'kad' AS area, ? AS table_id, 'residential' AS row_key, 'note' AS column_key, 1 AS value_num, 'f.xlsx' AS source`,
        params: [LDP],
      }),
    );
    expect(s.ws.db.prepare(`SELECT entity_key, field FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)`).get()).toEqual({ entity_key: `2023-08|kad|${LDP}`, field: GROUP_FIELD });
    expect(correctionsSinceReported(s.ws, '2023-08', LDP)).toEqual([]);
  });

  it('shows the reported totals a correction invalidates as superseded, and lets the officer accept them once, audited', () => {
    const s = demo();
    const before = monthFindings(s.ws, '2023-08');
    const published = before.filter((f) => f.rule === 'reported-total-mismatch');
    expect(published.every((f) => f.supersededBy === null)).toBe(true);
    setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid'); // 234 → 240
    const after = monthFindings(s.ws, '2023-08');
    const superseded = after.filter((f) => f.supersededBy !== null);
    expect(superseded.map((f) => `${f.table} | ${f.row} | ${f.column}`)).toEqual([
      'Learning Disability Partnership | Accommodation based subtotal | Current Care Packages',
      'Learning Disability Partnership | Accommodation based subtotal | Current Average Unit Cost (per week)',
      'Learning Disability Partnership | Total for expenditure | Current Care Packages',
      'Learning Disability Partnership | Total for expenditure | Current Average Unit Cost (per week)',
    ]);
    expect(superseded[0]!.supersededBy).toMatch(/^superseded by your correction of Residential on \d{4}-\d{2}-\d{2}$/);
    // The published errors that no correction explains stay flagged, as published errors.
    expect(after.filter((f) => f.rule === 'reported-total-mismatch' && f.supersededBy === null).map(formatFinding)).toEqual(published.map(formatFinding));

    reviewFindings(s.ws, '2023-08', after, { findings: superseded, status: 'accepted', note: '' }, 'grid');
    const reviewed = monthFindings(s.ws, '2023-08');
    expect(reviewed.filter((f) => f.supersededBy && isOpen(f))).toEqual([]);
    expect(reviewed.filter((f) => f.review?.status === 'accepted')).toHaveLength(4);
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM ${AUDIT_CELLS} a WHERE entity = 'finding_review' AND field = 'status' AND new_value = 'accepted'`).pluck().get()).toBe(4);
    // A published error cannot be "accepted": it is acknowledged with a note.
    const error = reviewed.find((f) => f.table === 'Autism' && f.rule === 'reported-total-mismatch')!;
    expect(() => reviewFindings(s.ws, '2023-08', reviewed, { findings: [error], status: 'accepted', note: '' })).toThrow(/only a finding your own correction superseded can be accepted/);
    expect(() => reviewFindings(s.ws, '2023-08', reviewed, { findings: [error], status: 'acknowledged', note: ' ' })).toThrow(/a note/);
  });

  it('treats an undone correction as no correction', () => {
    const s = demo();
    setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 23400 }, 'grid');
    expect(monthFindings(s.ws, '2023-08').filter((f) => f.supersededBy)).toEqual([]);
  });

  it('reopens a review when the figures it covered change', () => {
    const s = demo();
    const autism = monthFindings(s.ws, '2023-08').filter((f) => f.table === 'Autism' && f.row === 'Total for expenditure' && f.columnKey === 'annualBudgetK');
    reviewFindings(s.ws, '2023-08', monthFindings(s.ws, '2023-08'), { findings: autism, status: 'acknowledged', note: 'As published: a greyed line is missing from the text' });
    expect(monthFindings(s.ws, '2023-08').find((f) => f.table === 'Autism' && f.columnKey === 'annualBudgetK' && f.row === 'Total for expenditure')!.review?.status).toBe('acknowledged');
    setKadCell(s.ws, { period: '2023-08', serviceId: 'autism', lineKey: 'homecare', field: 'annualBudgetK', value: 30000 }, 'grid'); // 374 → 300
    expect(monthFindings(s.ws, '2023-08').find((f) => f.table === 'Autism' && f.columnKey === 'annualBudgetK' && f.row === 'Total for expenditure')!.review).toBeNull();
  });
});

describe('the export says what is not ready', () => {
  it('lists open findings and unconfirmed pack settings, writes anyway, and refuses with --strict until they are reviewed', async () => {
    const env = demos.fresh();
    const file = env.file;
    const out = path.join(env.dir, 'aug.xlsx');
    const plain = await cli('export', file, '--period', '2023-08', '--out', out);
    expect(plain.code).toBe(0);
    expect(plain.err).toMatch(/^August 2023 is not ready for the committee:\n {2}- 36 Key Activity Data findings not yet accepted or acknowledged \(Checks lists them\)\.\n {2}- 24 Revenue Monitoring findings not yet accepted or acknowledged/);
    expect(fs.existsSync(out)).toBe(true);
    fs.rmSync(out);
    const strict = await cli('export', file, '--period', '2023-08', '--out', out, '--strict');
    expect(strict).toMatchObject({ code: 1, err: expect.stringContaining('Nothing was written (--strict).') });
    expect(fs.existsSync(out)).toBe(false);
    // Acknowledge every finding (the published errors kept as published, the rest looked at),
    // the savings RAG that departs from the key among them (CHECKS.md §7).
    expect(await cli('review', file, '--period', '2023-08', '--status', 'acknowledged', '--note', 'Checked against the published report')).toMatchObject({ code: 0, out: 'Acknowledged 61 findings of August 2023.\n' });
    expect(await cli('export', file, '--period', '2023-08', '--out', out, '--strict')).toMatchObject({ code: 0, err: '' });
    expect(fs.existsSync(out)).toBe(true);
  }, 30_000);

  it('refuses an empty month unless --allow-empty', async () => {
    const env = demos.fresh();
    const out = path.join(env.dir, 'oct.xlsx');
    expect(await cli('export', env.file, '--period', '2023-10', '--out', out)).toMatchObject({ code: 1, err: expect.stringMatching(/October 2023 holds no figures, so its pack would be empty\. Nothing was written\. Use --allow-empty/) });
    expect(fs.existsSync(out)).toBe(false);
    expect(await cli('export', env.file, '--period', '2023-10', '--out', out, '--allow-empty')).toMatchObject({ code: 0 });
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe('pack settings belong to the month', () => {
  it('carries the meeting date forward as carried, lists it until confirmed, and prints each month its own', async () => {
    const s = demo();
    expect(periodPackSettings(s.ws, '2023-08')).toMatchObject({ settings: { meetingDate: '2023-10-05' }, carried: [] });
    rollForwardMonth(s.ws, '2023-08');
    expect(periodPackSettings(s.ws, '2023-09')).toMatchObject({ settings: { meetingDate: '2023-10-05' }, carried: ['meetingDate'] });
    expect(exportReadiness(s.ws, '2023-09').lines).toContainEqual(expect.stringMatching(/meeting date is still as carried from last month/));
    updatePackSettings(s.ws, { meetingDate: '2023-11-09' }, 'grid', '2023-09');
    expect(periodPackSettings(s.ws, '2023-09')).toMatchObject({ settings: { meetingDate: '2023-11-09' }, carried: [] });
    expect(periodPackSettings(s.ws, '2023-08').settings.meetingDate).toBe('2023-10-05');
    const contents = (await buildPack(s.ws, { period: '2023-09', sections: ['contents'] })).getWorksheet('Contents')!;
    const text: string[] = [];
    contents.eachRow((row) => row.eachCell((c) => void text.push(String(c.value))));
    expect(text).toContain('Meeting date: 9 November 2023');
    expect(text).not.toContain('Meeting date: 5 October 2023');
  });
});

describe('one rule, one number', () => {
  it('checks spend against packages with the same weeks as the run rate', () => {
    const s = demo();
    const find = () => monthFindings(s.ws, '2023-08').find((f) => f.rule === 'spend-vs-packages' && f.table === 'Learning Disability Partnership' && f.row === 'Other Care');
    expect(find()?.computed).toMatch(/at 52\.14 weeks/);
    updateKadSettings(s.ws, { runRateWeeks: 52 }, 'grid');
    expect(find()?.computed).toMatch(/at 52 weeks/);
  });
});

describe('a tidy command line', () => {
  it('prints help and exits 1 when given no command', async () => {
    expect(await cli()).toMatchObject({ code: 1, out: '', err: expect.stringMatching(/^Outturn .*\n\nUsage: outturn <command>/) });
  });

  it('says so when a month has no findings', async () => {
    const env = demos.fresh();
    // July comes before the first month with figures, so no month is missing and nothing disagrees.
    expect(await cli('check', env.file, '--period', '2023-07')).toEqual({ code: 0, out: 'No findings for July 2023: every reported figure agrees and nothing needs a look.\n', err: '' });
  });

  it('names a missing flag as typed', async () => {
    const env = demos.fresh();
    expect(await cli('close', env.file)).toMatchObject({ code: 1, err: '--period: give a month as YYYY-MM, for example --period 2023-08\n' });
  });

  it('previews a new month with only the figures the file brings, ending with the counts', async () => {
    const env = demos.fresh();
    const september = JSON.parse(JSON.stringify(publishedTables()).replace(/August 2023/g, 'September 2023')) as ReturnType<typeof publishedTables>;
    const workbook = path.join(env.dir, 'sept.xlsx');
    fs.writeFileSync(workbook, await buildCommitteeWorkbook(september, { asText: false, repeatHeaders: false, stacked: true, edit: (t, row, col, raw) => (t === 0 && row !== 'header' && row.label === '~Residential' && col === 4 ? '240' : raw) }));
    const dry = await cli('import', env.file, workbook, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).not.toMatch(/→ blank/);
    // September is previewed against August carried forward: the one figure that differs is listed.
    expect(dry.out.match(/^ {2}[~+] /gm)).toHaveLength(1);
    expect(dry.out).toMatch(/~ Residential · Current Care Packages \(.+\): 234 → 240/);
    expect(dry.out).toMatch(/In all: 6 tables, 0 new lines, 1 changed lines \(1 changed figures\), \d+ unchanged lines, \d+ reported figures\.\nCreates September 2023 by rolling forward from August 2023: its figures are copied into each new month, then this file's figures are written over them\.\nDry run: nothing was changed\.\n$/);
  });

  it('leaves no -wal or -shm beside the workspace after a command', async () => {
    const env = demos.fresh();
    await cli('check', env.file);
    await cli('export', env.file, '--period', '2023-08', '--out', path.join(env.dir, 'p.xlsx'));
    await cli('close', env.file, '--period', '2023-08');
    expect(fs.readdirSync(env.dir).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
  });
});
