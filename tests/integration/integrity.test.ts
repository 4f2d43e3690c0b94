import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { UserError } from '../../shared/api/errors';
import { kadTable, setKadCell } from '../../main/areas/kad/service';
import { updateKadSettings } from '../../main/areas/kad/settings';
import type { AppSession } from '../../main/app/session';
import { closePeriod, reopenPeriod } from '../../main/core/close';
import { rollForwardMonth } from '../../main/core/months';
import { writePack } from '../../main/pack/build';
import { backupWorkspace, listBackups } from '../../main/store/backup';
import { listEvents } from '../../main/store/events';
import { historyState, redo, undo } from '../../main/store/history';
import { userTables } from '../../main/store/schema';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';

// Closing a month builds and archives its committee pack (a second or two; more on a busy machine).
vi.setConfig({ testTimeout: 30_000 });

/**
 * The promises a council signs off on: every change audited, a closed month unchanged whatever happens
 * afterwards, undo that never jams, and backups that can never cost the officer their workspace.
 */
const LDP = 'learning-disability-partnership';
const demos = demoPerTest();
const demo = (): AppSession => demos.open();

/** Every user table's rows, sorted: the whole state a step may change. */
function snapshot(s: AppSession): Record<string, unknown[]> {
  return Object.fromEntries(userTables().map((t) => [t.name, s.ws.db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.key.join(', ')}`).all()]));
}


describe('the audit is complete by construction', () => {
  it('audits changes to service types and services, which shape every subtotal', () => {
    const s = demo();
    s.ws.write({ channel: 'cli', label: 'flip respite' }, () => s.ws.db.prepare(`UPDATE kad_service_types SET is_respite = 0 WHERE id = 'respite'`).run());
    s.ws.write({ channel: 'cli', label: 'rename' }, () => s.ws.db.prepare(`UPDATE kad_services SET caption = 'x' WHERE id = ?`).run(LDP));
    const rows = s.ws.db.prepare(`SELECT entity, entity_key, field, old_value, new_value, action FROM audit_log WHERE channel = 'cli' ORDER BY id`).all();
    expect(rows).toEqual([
      { entity: 'kad_service_type', entity_key: 'respite', field: 'is_respite', old_value: '1', new_value: '0', action: 'update' },
      { entity: 'kad_service', entity_key: LDP, field: 'caption', old_value: expect.stringContaining('Learning Disability'), new_value: 'x', action: 'update' },
    ]);
  });

  it('refuses a write without a write context even when it changes nothing', () => {
    const s = demo();
    expect(() => s.ws.db.prepare(`UPDATE kad_services SET name = name`).run()).toThrow(/no_write_context/);
    expect(() => s.ws.db.prepare(`DELETE FROM reported_values WHERE 0`).run()).not.toThrow(); // touches no row: nothing to refuse
    expect(() => s.ws.db.prepare(`DELETE FROM reported_values WHERE period = '2023-08'`).run()).toThrow(/no_write_context/);
  });

  it('keeps a closed month closed with foreign keys off: its period cannot be deleted or altered', async () => {
    const s = demo();
    await closePeriod(s.ws, '2023-08');
    s.ws.db.pragma('foreign_keys = OFF');
    expect(() => s.ws.write({ channel: 'cli', label: 'sneak' }, () => s.ws.db.prepare(`DELETE FROM periods WHERE id = '2023-08'`).run())).toThrow(/August 2023 is closed/);
    expect(() => s.ws.write({ channel: 'cli', label: 'sneak' }, () => s.ws.db.prepare(`UPDATE periods SET id = '2099-08' WHERE id = '2023-08'`).run())).toThrow(/closed/);
    expect(() => s.ws.write({ channel: 'cli', label: 'sneak' }, () => s.ws.db.prepare(`UPDATE kad_lines SET current_packages = 1 WHERE period = '2023-08'`).run())).toThrow(/August 2023 is closed/);
    expect(s.ws.db.prepare(`SELECT status FROM periods WHERE id = '2023-08'`).pluck().get()).toBe('closed');
  });

  it('records restore and reset in the audit trail', async () => {
    const s = demo();
    setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    const backup = await backupWorkspace(s.ws, 'by hand');
    await s.restoreBackup(backup.name);
    const [restore] = listEvents(s.ws, 'restore');
    expect(restore!.detail).toMatchObject({ backup: backup.name, backupSha256: expect.stringMatching(/^[0-9a-f]{64}$/), replacedWorkspaceBackup: expect.stringMatching(/before-restoring/), replacedWorkspaceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE channel = 'restore' AND entity = 'workspace_event'`).pluck().get()).toBeGreaterThan(0);
    await s.resetDemo();
    expect(listEvents(s.ws, 'reset')).toHaveLength(1);
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE entity = 'workspace_event'`).pluck().get()).toBeGreaterThan(0);
  });
});

describe('undo never jams', () => {
  it('undoes a re-import of an edited pack (a cell and its reported figures), then the steps before it', async () => {
    const s = demo();
    setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'nursing', field: 'currentPackages', value: 1000 }, 'grid'); // 9 → 10
    const pack = path.join(demos.current().dir, 'pack.xlsx');
    await writePack(s.ws, { period: '2023-08' }, pack);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pack);
    const sheet = wb.getWorksheet('5 Key Activity Data')!;
    let edited = 0;
    sheet.eachRow((row) => {
      if (edited === 0 && String(row.getCell(1).value).trim() === '~Residential') {
        row.getCell(5).value = 240; // Current Care Packages: 234 → 240
        edited++;
      }
    });
    expect(edited).toBe(1);
    const editedFile = path.join(demos.current().dir, 'edited.xlsx');
    await wb.xlsx.writeFile(editedFile);
    const before = snapshot(s);
    const id = await s.imports.start(editedFile);
    const status = await s.imports.settled(id);
    expect(status.problems).toEqual([]);
    await s.imports.apply(id);
    expect(historyState(s.ws).canUndo).toBe(true);
    undo(s.ws);
    expect(snapshot(s)).toEqual(before);
    undo(s.ws); // the edit before the import
    expect(kadTable(s.ws, '2023-08', LDP).lines.find((l) => l.key === 'nursing')!.currentPackages).toBe(900);
    redo(s.ws);
    redo(s.ws);
    expect(kadTable(s.ws, '2023-08', LDP).lines.find((l) => l.key === 'residential')!.currentPackages).toBe(24000);
  });

  it('undoes an import that created a month, restoring exactly the state before it', async () => {
    const s = demo();
    rollForwardMonth(s.ws, '2023-08');
    const first = demos.current();
    const t = demo();
    const pack = path.join(demos.current().dir, 'sept.xlsx');
    await writePack(s.ws, { period: '2023-09' }, pack);
    first.done();
    const before = snapshot(t);
    const id = await t.imports.start(pack);
    expect((await t.imports.settled(id)).problems).toEqual([]);
    await t.imports.apply(id);
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM kad_lines WHERE period = '2023-09'`).pluck().get()).toBeGreaterThan(0);
    undo(t.ws);
    expect(snapshot(t)).toEqual(before);
  });
});

describe('periods close, and a closed month never changes', () => {
  it('closes and reopens from the command line, with a reason, audited', async () => {
    const env = demos.fresh();
    const file = env.file;
    expect(await cli('close', file, '--period', '2023-08')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Close August 2023 \(without sign-off\)\.\nCommittee pack archived in the workspace, SHA-256: [0-9a-f]{64}\nSeptember 2023 rolled forward from it: Key Activity Data, Revenue Monitoring, Capital, Reserves, grants and virements\.\nMonth-end backup \(never rotated away\): .+month-end.+\.db\n$/),
    });
    expect(await cli('close', file, '--period', '2023-08')).toMatchObject({ code: 1, err: expect.stringMatching(/August 2023 is closed \(closed without sign-off by .+\): it is closed already/) });
    expect(await cli('reopen', file, '--period', '2023-08')).toMatchObject({ code: 1, err: expect.stringMatching(/^--reason: give the reason for reopening/) });
    expect(await cli('reopen', file, '--period', '2023-08', '--reason', 'Correction from the LDP team')).toMatchObject({ code: 0, out: 'Reopen August 2023: Correction from the LDP team.\n' });
    const s = env.open();
    const audit = s.ws.db.prepare(`SELECT channel, entity, field, old_value, new_value FROM audit_log WHERE entity = 'period' AND field = 'status' AND channel = 'cli' ORDER BY id`).all();
    expect(audit).toEqual([
      { channel: 'cli', entity: 'period', field: 'status', old_value: 'open', new_value: 'closed' },
      { channel: 'cli', entity: 'period', field: 'status', old_value: 'closed', new_value: 'open' },
    ]);
    expect(listEvents(s.ws, 'reopen')[0]!.detail).toEqual({ reason: 'Correction from the LDP team', by: s.ws.identity.osUser });
  });

  it('freezes the settings that shape a month: changing one afterwards moves no closed month', async () => {
    const s = demo();
    const total = (period: string) => {
      const t = kadTable(s.ws, period, LDP);
      return { rule: t.averagingRule, weeks: t.runRateWeeks, lines: t.lines.map((l) => [l.key, l.group, l.isRespite]) };
    };
    const august = total('2023-08');
    await closePeriod(s.ws, '2023-08');
    updateKadSettings(s.ws, { averagingRule: 'package_weighted', runRateWeeks: 52 }, 'grid');
    s.ws.write({ channel: 'cli', label: 'respite is care like any other' }, () => s.ws.db.prepare(`UPDATE kad_service_types SET is_respite = 0, grp = 'community' WHERE id = 'respite'`).run());
    expect(total('2023-08')).toEqual(august);
    expect(august.rule).toBe('published');
    // An open month follows the new settings: September, which closing August rolled forward.
    expect(total('2023-09').rule).toBe('package_weighted');
    expect(total('2023-09').lines.find(([k]) => k === 'respite')).toEqual(['respite', 'community', false]);
  });

  it('names the month being written, not the first closed month', async () => {
    const s = demo();
    await closePeriod(s.ws, '2023-05');
    await closePeriod(s.ws, '2023-08');
    let error: unknown;
    try {
      setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 100 }, 'grid');
    } catch (e) {
      error = e;
    }
    expect((error as UserError).message).toMatch(/^August 2023 is closed/);
  });

  it('refuses a reopen without a reason and a close of a closed month, changing nothing', async () => {
    const s = demo();
    await closePeriod(s.ws, '2023-08');
    const count = s.ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    expect(() => reopenPeriod(s.ws, '2023-08', '  ')).toThrow(/Give a reason/);
    await expect(closePeriod(s.ws, '2023-08')).rejects.toThrow(/closed already/);
    expect(s.ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(count);
  });
});

describe('restore and backups are safe', () => {
  it('lists a damaged backup as damaged and refuses it, leaving the workspace as it was', async () => {
    const s = demo();
    const good = await backupWorkspace(s.ws, 'good');
    const bad = path.join(path.dirname(good.file), '2099-01-01T00-00-00-000Z__damaged.db');
    const bytes = fs.readFileSync(good.file);
    // Scribbles over pages 2 and 3, whatever the page size (the header's bytes 16–17; 1 means 65536).
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize, 3 * pageSize);
    fs.writeFileSync(bad, bytes);
    const listed = listBackups(s.file);
    expect(listed[0]).toMatchObject({ name: path.basename(bad), damaged: expect.stringMatching(/damaged/) });
    expect(listed[1]).toMatchObject({ name: good.name, damaged: null });
    const before = snapshot(s);
    await expect(s.restoreBackup(path.basename(bad))).rejects.toThrow(/cannot be restored: it is damaged.*Your workspace was not changed/);
    expect(snapshot(s)).toEqual(before);
    // The workspace still answers, and a good backup still restores.
    await s.restoreBackup(good.name);
    expect(s.ws.db.prepare('SELECT COUNT(*) FROM kad_lines').pluck().get()).toBeGreaterThan(0);
  });

  it('never lists a backup cut short by a crash: it is written under a temporary name', async () => {
    const s = demo();
    const crash = vi.spyOn(s.ws.db, 'backup').mockImplementation(async (file: string) => {
      fs.writeFileSync(file, 'half a database');
      throw Object.assign(new Error('killed'), { code: 'SIGKILL' });
    });
    await expect(backupWorkspace(s.ws, 'doomed')).rejects.toThrow();
    crash.mockRestore();
    expect(listBackups(s.file)).toEqual([]);
    expect(fs.readdirSync(`${s.file}.backups`)).toEqual([]);
  });

  it('says plainly when the disk is full during the backup before an import', async () => {
    const s = demo();
    vi.spyOn(s.ws.db, 'backup').mockRejectedValueOnce(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    await expect(backupWorkspace(s.ws, 'before import of x.xlsx')).rejects.toThrow(/not enough free disk space to back up the workspace first.*Nothing was changed/);
  });

  it('asks for a reason before restoring a backup that would reopen a closed month, and records it', async () => {
    const s = demo();
    const open = await backupWorkspace(s.ws, 'while August was open');
    await closePeriod(s.ws, '2023-08');
    await expect(s.restoreBackup(open.name)).rejects.toMatchObject({ code: 'reason_required', message: expect.stringMatching(/would reopen August 2023, closed now/) });
    expect(s.ws.db.prepare(`SELECT status FROM periods WHERE id = '2023-08'`).pluck().get()).toBe('closed');
    await s.restoreBackup(open.name, 'The close was premature: figures still due from the LDP team');
    expect(s.ws.db.prepare(`SELECT status FROM periods WHERE id = '2023-08'`).pluck().get()).toBe('open');
    expect(listEvents(s.ws, 'restore')[0]!.detail).toMatchObject({ reopened: ['2023-08'], reason: 'The close was premature: figures still due from the LDP team' });
  });

  it('clears the old -wal and -shm before the restored file is opened', async () => {
    const s = demo();
    const backup = await backupWorkspace(s.ws, 'clean');
    setKadCell(s.ws, { period: '2023-08', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 99900 }, 'grid');
    await s.restoreBackup(backup.name);
    expect(kadTable(s.ws, '2023-08', LDP).lines.find((l) => l.key === 'residential')!.currentPackages).toBe(23400);
  });
});

describe('an import validates the month it will create', () => {
  it('refuses figures for a line the new month will not use (greyed out), naming the cell', async () => {
    const s = demo();
    const pack = path.join(demos.current().dir, 'aug.xlsx');
    await writePack(s.ws, { period: '2023-08' }, pack);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pack);
    const sheet = wb.getWorksheet('5 Key Activity Data')!;
    let where = '';
    sheet.eachRow((row) => {
      const label = String(row.getCell(1).value ?? '').trim();
      if (!where && label === '~Residential Dementia') {
        row.getCell(5).value = 3; // LDP does not use Residential Dementia: greyed out
        where = row.getCell(5).address;
      }
      // The same tables, as September's: every title and band names the month.
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('August 2023')) cell.value = cell.value.replace('August 2023', 'September 2023');
      });
    });
    const file = path.join(demos.current().dir, 'sept-greyed.xlsx');
    await wb.xlsx.writeFile(file);
    const id = await s.imports.start(file);
    const status = await s.imports.settled(id);
    expect(status.state).toBe('refused');
    expect(status.problems).toContainEqual(expect.stringMatching(new RegExp(`!${where}: is a figure for Residential Dementia, which Learning Disability Partnership does not use in September 2023`)));
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM kad_lines WHERE period = '2023-09'`).pluck().get()).toBe(0);
  });
});
