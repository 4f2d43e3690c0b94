import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setKadCell } from '../../main/areas/kad/service';
import { AppSession } from '../../main/app/session';
import { archivedPack } from '../../main/core/archive';
import { monthFindings } from '../../main/core/checks';
import { closePeriod, reopenPeriod } from '../../main/core/close';
import { figuresSha256 } from '../../main/core/figures';
import { monthEndState } from '../../main/core/monthend';
import { updateMonthEndSettings } from '../../main/core/monthend-settings';
import { reviewFindings } from '../../main/core/reviews';
import { markReady, signOff } from '../../main/core/signoff';
import { buildPack } from '../../main/pack/build';
import { backupWorkspace, KEEP_BACKUPS, listBackups } from '../../main/store/backup';
import { listEvents } from '../../main/store/events';
import { undo } from '../../main/store/history';
import { TEST_USER_VARIABLE } from '../../main/store/identity';
import type { Workspace } from '../../main/store/workspace';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

/**
 * The month-end as two officers live it on the demo's August 2023: the preparer clears the Checks and
 * marks the month ready; another officer signs it off, which closes it, archives the committee pack the
 * committee will see, prepares September and keeps a backup; a reopen voids the sign-off.
 */
vi.setConfig({ testTimeout: 60_000 });

const AUG = '2023-08';
const LDP = 'learning-disability-partnership';
const demos = demoPerTest();
const sessions: AppSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

/** The demo workspace opened as another officer (one at a time: the first to open holds the lock). */
function as(user: string): AppSession {
  for (const s of sessions.splice(0)) s.close();
  const s = new AppSession(demos.current().file, { identity: { osUser: user, machine: `${user.toUpperCase()}-PC` } });
  sessions.push(s);
  return s;
}

/** The preparer's review: every August finding acknowledged with a note, as the Checks page does it. */
function acknowledgeAll(ws: Workspace): void {
  const all = monthFindings(ws, AUG);
  reviewFindings(ws, AUG, all, { findings: all, status: 'acknowledged', note: 'Checked against the published report' }, 'grid');
}

const residential = (value: number) => ({ period: AUG, serviceId: LDP, lineKey: 'residential', field: 'currentPackages' as const, value });
const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

async function preparedAndSignedOff() {
  demos.fresh();
  const alice = as('alice');
  acknowledgeAll(alice.ws);
  markReady(alice.ws, AUG);
  const bob = as('bob');
  const result = await signOff(bob.ws, AUG);
  return { bob, result };
}

describe('ready → signed off by a different officer → closed', () => {
  it('gates marking ready on the Checks, refuses the preparer as reviewer by name, and closes the month on sign-off, audited', async () => {
    demos.fresh();
    const alice = as('alice');
    expect(() => markReady(alice.ws, AUG)).toThrow(
      /^August 2023 cannot be marked ready for review: 61 findings are not yet resolved or acknowledged \(Key Activity Data: 36; Revenue Monitoring: 24; Savings Tracker: 1\)\. Correct the figures, or acknowledge each finding with a note under Checks/,
    );
    expect(monthEndState(alice.ws, AUG)).toMatchObject({ status: 'open', openFindings: [{ area: 'kad', name: 'Key Activity Data', count: 36 }, { area: 'revenue', name: 'Revenue Monitoring', count: 24 }, { area: 'savings', name: 'Savings Tracker', count: 1 }] });
    acknowledgeAll(alice.ws);
    expect(markReady(alice.ws, AUG)).toEqual({ label: 'Mark August 2023 ready for review' });
    expect(monthEndState(alice.ws, AUG)).toMatchObject({ status: 'ready', readyBy: 'alice', openFindings: [], refusals: { markReady: expect.stringMatching(/already ready for review \(marked by alice/) } });
    await expect(signOff(alice.ws, AUG)).rejects.toThrow(
      /^August 2023 was prepared by alice \(marked ready on \d{4}-\d{2}-\d{2}\), so alice cannot also sign it off: another officer must review it, because the setting "reviewer must differ from preparer" is on\.$/,
    );
    expect(alice.ws.db.prepare(`SELECT COUNT(*) FROM period_signoffs`).pluck().get()).toBe(0);

    const bob = as('bob');
    const figures = figuresSha256(bob.ws, AUG);
    const result = await signOff(bob.ws, AUG);
    expect(result).toMatchObject({ label: 'Sign off August 2023 (prepared by alice)', figuresSha256: figures, next: { period: '2023-09', rolledForward: ['kad', 'revenue', 'capital', 'reserves'], refreshed: [] } });
    const state = monthEndState(bob.ws, AUG);
    expect(state).toMatchObject({
      status: 'closed',
      closedBy: 'bob',
      closedText: expect.stringMatching(/^signed off by bob on \d{4}-\d{2}-\d{2}$/),
      signOff: { preparedBy: 'alice', signedOffBy: 'bob', figuresSha256: figures, packSha256: result.packSha256, voidedAt: null },
    });
    // The figures signed off are the figures kept: the closed month hashes the same afterwards.
    expect(figuresSha256(bob.ws, AUG)).toBe(figures);
    expect(() => setKadCell(bob.ws, residential(24000), 'grid')).toThrow(/^August 2023 is closed \(signed off by bob on \d{4}-\d{2}-\d{2}\)\. Reopen it before changing its figures\.$/);
    expect(state.history.map((h) => h.text)).toEqual([
      'Marked ready for review by alice.',
      expect.stringMatching(/^Signed off by bob \(prepared by alice\), which closed it\. Figures SHA-256 [0-9a-f]{12}…; committee pack SHA-256 [0-9a-f]{12}…\.$/),
    ]);
    const audit = bob.ws.db
      .prepare(
        `SELECT os_user, channel, entity, field, old_value, new_value FROM ${AUDIT_CELLS} a
         WHERE period = ? AND channel <> 'seed' AND entity IN ('period', 'period_signoff') AND field IN ('status', 'ready_by', 'closed_by', 'prepared_by', 'signed_off_by', 'figures_sha256') ORDER BY id, cell`,
      )
      .all(AUG);
    expect(audit).toEqual([
      { os_user: 'alice', channel: 'close/reopen', entity: 'period', field: 'ready_by', old_value: null, new_value: 'alice' },
      { os_user: 'bob', channel: 'close/reopen', entity: 'period_signoff', field: 'prepared_by', old_value: null, new_value: 'alice' },
      { os_user: 'bob', channel: 'close/reopen', entity: 'period_signoff', field: 'signed_off_by', old_value: null, new_value: 'bob' },
      { os_user: 'bob', channel: 'close/reopen', entity: 'period_signoff', field: 'figures_sha256', old_value: null, new_value: figures },
      { os_user: 'bob', channel: 'close/reopen', entity: 'period', field: 'status', old_value: 'open', new_value: 'closed' },
      { os_user: 'bob', channel: 'close/reopen', entity: 'period', field: 'closed_by', old_value: null, new_value: 'bob' },
      { os_user: 'bob', channel: 'close/reopen', entity: 'period', field: 'ready_by', old_value: 'alice', new_value: null },
    ]);
  });

  it('returns a ready month to open on any edit, audited in the edit, and undoing the edit does not make it ready again', () => {
    demos.fresh();
    const alice = as('alice');
    acknowledgeAll(alice.ws);
    markReady(alice.ws, AUG);
    setKadCell(alice.ws, residential(24000), 'grid'); // 234 → 240
    expect(monthEndState(alice.ws, AUG)).toMatchObject({ status: 'open', readyBy: null });
    const op = alice.ws.db.prepare('SELECT MAX(id) FROM operations').pluck().get();
    const rows = alice.ws.db.prepare(`SELECT channel, entity, field, old_value, new_value FROM ${AUDIT_CELLS} a WHERE op_id = ? AND entity IN ('kad_line', 'period') ORDER BY id, cell`).all(op);
    expect(rows).toContainEqual({ channel: 'grid', entity: 'kad_line', field: 'current_packages', old_value: '23400', new_value: '24000' });
    expect(rows).toContainEqual({ channel: 'grid', entity: 'period', field: 'ready_by', old_value: 'alice', new_value: null });
    const [event] = listEvents(alice.ws, 'returned-to-open');
    expect(event).toMatchObject({ period: AUG, detail: { by: 'alice', preparedBy: 'alice', step: 'Learning Disability Partnership Residential, Current Care Packages: 234 → 240 (August 2023)' } });
    expect(monthEndState(alice.ws, AUG).history.at(-1)!.text).toBe('Returned to open: alice changed it after it was marked ready (Learning Disability Partnership Residential, Current Care Packages: 234 → 240 (August 2023)).');
    undo(alice.ws);
    expect(monthEndState(alice.ws, AUG).status).toBe('open');
    expect(listEvents(alice.ws, 'returned-to-open')).toHaveLength(1);
  });

  it('counts withdrawing a review as an edit too, and gates marking ready again on it', () => {
    demos.fresh();
    const alice = as('alice');
    acknowledgeAll(alice.ws);
    markReady(alice.ws, AUG);
    const one = monthFindings(alice.ws, AUG).slice(0, 1);
    reviewFindings(alice.ws, AUG, monthFindings(alice.ws, AUG), { findings: one, status: 'open', note: '' }, 'grid');
    expect(monthEndState(alice.ws, AUG).status).toBe('open');
    expect(() => markReady(alice.ws, AUG)).toThrow(/1 finding is not yet resolved or acknowledged \(Key Activity Data: 1\)/);
  });

  it('refuses a plain close when the workspace requires a sign-off (an audited setting), and lets one officer do both when allowed', async () => {
    demos.fresh();
    const alice = as('alice');
    expect(updateMonthEndSettings(alice.ws, { closeRequiresSignOff: true }, 'grid')).toEqual({ reviewerMustDiffer: true, closeRequiresSignOff: true });
    expect(alice.ws.db.prepare(`SELECT os_user, entity, entity_key, new_value FROM ${AUDIT_CELLS} a WHERE entity = 'setting' AND entity_key LIKE 'monthEnd.%'`).all()).toEqual([
      { os_user: 'alice', entity: 'setting', entity_key: 'monthEnd.closeRequiresSignOff', new_value: 'true' },
    ]);
    await expect(closePeriod(alice.ws, AUG)).rejects.toThrow(/^August 2023 can only be closed by a reviewer's sign-off: the setting "close requires sign-off" is on\./);
    expect(monthEndState(alice.ws, AUG)).toMatchObject({ status: 'open', archivedPacks: [] });
    expect(listBackups(alice.file)).toEqual([]);

    updateMonthEndSettings(alice.ws, { reviewerMustDiffer: false }, 'grid');
    acknowledgeAll(alice.ws);
    markReady(alice.ws, AUG);
    await signOff(alice.ws, AUG);
    expect(monthEndState(alice.ws, AUG)).toMatchObject({ status: 'closed', signOff: { preparedBy: 'alice', signedOffBy: 'alice' } });
  });
});

describe('what a close leaves behind', () => {
  it('archives the pack the committee sees, found unchanged by its SHA-256 after the workspace is moved', async () => {
    const { bob, result } = await preparedAndSignedOff();
    const { info, data } = archivedPack(bob.ws, AUG);
    expect(info).toMatchObject({ period: AUG, kind: 'signed-off', sha256: result.packSha256, bytes: data.length });
    expect(sha256(data)).toBe(result.packSha256);
    expect(listEvents(bob.ws, 'close')[0]!.detail).toMatchObject({ signedOff: true, by: 'bob', packSha256: result.packSha256, figuresSha256: result.figuresSha256 });
    // Append-only: the archived file can be neither altered nor removed.
    expect(() => bob.ws.db.prepare(`UPDATE archived_packs SET data = x'00'`).run()).toThrow(/append_only/);
    expect(() => bob.ws.db.prepare('DELETE FROM archived_packs').run()).toThrow(/append_only/);

    const env = demos.current();
    bob.close();
    const moved = path.join(env.dir, 'moved', 'fmr.db');
    fs.mkdirSync(path.dirname(moved));
    fs.renameSync(env.file, moved);
    const out = path.join(env.dir, 'committee-saw.xlsx');
    expect(await cli('archived-pack', moved, '--period', AUG, '--out', out)).toMatchObject({
      code: 0,
      out: expect.stringMatching(new RegExp(`^Wrote .+committee-saw\\.xlsx: the committee pack of August 2023 archived on \\d{4}-\\d{2}-\\d{2} when it was signed off, SHA-256 ${result.packSha256}\\.\\n$`)),
    });
    expect(sha256(fs.readFileSync(out))).toBe(result.packSha256);
  });

  it('prints "Approved by … on …" in the pack of a signed-off month, and "closed without sign-off" after a plain close', async () => {
    const { bob } = await preparedAndSignedOff();
    const approved = /^Approved by bob on \d{1,2} [A-Z][a-z]+ \d{4}$/;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(archivedPack(bob.ws, AUG).data as unknown as ArrayBuffer);
    expect(wb.description).toMatch(/^Approved by bob on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    expect(wb.worksheets.length).toBeGreaterThan(1);
    for (const sheet of wb.worksheets) expect(sheet.headerFooter.oddFooter, sheet.name).toMatch(/&R.*Approved by bob on \d{1,2} [A-Z][a-z]+ \d{4} · Page &P of &N$/);
    const contents: string[] = [];
    wb.getWorksheet('Contents')!.eachRow((row) => row.eachCell((c) => void contents.push(String(c.value))));
    expect(contents.some((t) => approved.test(t.replace(/\.$/, '')))).toBe(true);

    reopenPeriod(bob.ws, AUG, 'Late correction from the LDP team');
    expect((await buildPack(bob.ws, { period: AUG, sections: ['contents'] })).description ?? '').toBe('');
    await closePeriod(bob.ws, AUG);
    const plain = await buildPack(bob.ws, { period: AUG, sections: ['contents'] });
    expect(plain.description).toMatch(/^Closed without sign-off by bob on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    expect(archivedPack(bob.ws, AUG).info.kind).toBe('closed');
    expect(bob.ws.closedReason(AUG)).toMatch(/^August 2023 is closed \(closed without sign-off by bob on \d{4}-\d{2}-\d{2}\)$/);
  });

  it('keeps the month-end backup out of the ten-backup rotation', async () => {
    const { bob } = await preparedAndSignedOff();
    const [monthEnd] = listBackups(bob.file);
    expect(monthEnd).toMatchObject({ keep: true, damaged: null, reason: 'month-end: August 2023 signed off by bob' });
    for (let i = 0; i < KEEP_BACKUPS + 2; i++) await backupWorkspace(bob.ws, `before import ${i}`);
    const after = listBackups(bob.file);
    expect(after.filter((b) => !b.keep)).toHaveLength(KEEP_BACKUPS);
    expect(after.filter((b) => b.keep).map((b) => b.name)).toEqual([monthEnd!.name]);
  });

  it('voids the sign-off on reopening, and the record says who, when and why', async () => {
    await preparedAndSignedOff();
    const carol = as('carol');
    const reopened = reopenPeriod(carol.ws, AUG, 'Late correction from the LDP team');
    expect(reopened.label).toMatch(/^Reopen August 2023: Late correction from the LDP team \(voids the sign-off by bob on \d{4}-\d{2}-\d{2}\)$/);
    const state = monthEndState(carol.ws, AUG);
    expect(state).toMatchObject({ status: 'open', signOff: null, closedText: null });
    expect(state.signOffs).toEqual([expect.objectContaining({ signedOffBy: 'bob', voidedBy: 'carol', voidReason: 'Late correction from the LDP team', voidedAt: expect.any(String) })]);
    expect(state.history.at(-1)!.text).toMatch(/^Reopened by carol: “Late correction from the LDP team”\. The sign-off by bob on \d{4}-\d{2}-\d{2} is void\.$/);
    expect(carol.ws.db.prepare(`SELECT os_user, field, new_value FROM ${AUDIT_CELLS} a WHERE entity = 'period_signoff' AND field IN ('voided_by', 'void_reason') ORDER BY id, cell`).all()).toEqual([
      { os_user: 'carol', field: 'voided_by', new_value: 'carol' },
      { os_user: 'carol', field: 'void_reason', new_value: 'Late correction from the LDP team' },
    ]);
  });
});

describe('the month-end from the command line', () => {
  const saved = process.env[TEST_USER_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[TEST_USER_VARIABLE];
    else process.env[TEST_USER_VARIABLE] = saved;
  });

  it('marks ready and signs off as two officers, refusing the preparer, and lists the commands in the help', async () => {
    const { file } = demos.fresh();
    process.env[TEST_USER_VARIABLE] = 'alice';
    expect(await cli('ready', file, '--period', AUG)).toMatchObject({ code: 1, err: expect.stringMatching(/^August 2023 cannot be marked ready for review: 61 findings/) });
    await cli('review', file, '--period', AUG, '--status', 'acknowledged', '--note', 'Checked against the published report');
    expect(await cli('ready', file, '--period', AUG)).toEqual({ code: 0, out: 'Mark August 2023 ready for review.\n', err: '' });
    expect(await cli('sign-off', file, '--period', AUG)).toMatchObject({ code: 1, err: expect.stringMatching(/^August 2023 was prepared by alice .+ so alice cannot also sign it off/) });
    process.env[TEST_USER_VARIABLE] = 'bob';
    const signed = await cli('sign-off', file, '--period', AUG);
    expect(signed).toMatchObject({ code: 0, err: '' });
    expect(signed.out).toMatch(
      /^Sign off August 2023 \(prepared by alice\)\.\nFigures SHA-256: [0-9a-f]{64}\nCommittee pack archived in the workspace, SHA-256: [0-9a-f]{64}\nSeptember 2023 rolled forward from it: Key Activity Data, Revenue Monitoring, Capital, Reserves, grants and virements\.\nMonth-end backup \(never rotated away\): .+\.db\n$/,
    );
    expect(await cli('close', file, '--period', AUG)).toMatchObject({ code: 1, err: expect.stringMatching(/^August 2023 is closed \(signed off by bob on \d{4}-\d{2}-\d{2}\): it is closed already/) });
    const help = (await cli('--help')).out;
    for (const usage of ['ready <workspace.db> --period YYYY-MM', 'sign-off <workspace.db> --period YYYY-MM', 'archived-pack <workspace.db> --period YYYY-MM --out pack.xlsx', 'audit <workspace.db> --period YYYY-MM --out audit.xlsx']) {
      expect(help).toContain(usage);
    }
  });
});
