import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../shared/api/errors';
import { kadTable, setKadCell } from '../../main/areas/kad/service';
import { listAudit } from '../../main/store/audit';
import { historyState, redo, undo } from '../../main/store/history';
import { latestVersion, schemaVersion } from '../../main/store/migrate';
import { listPeriods } from '../../main/store/periods';
import { PAGE_SIZE, Workspace } from '../../main/store/workspace';
import { closePeriod, reopenPeriod } from '../../main/core/close';
import { tempDemo, auditCount } from '../helpers/workspace';

// Closing a month builds and archives its committee pack (a second or two; more on a busy machine).
vi.setConfig({ testTimeout: 30_000 });

const ref = { period: '2023-08', serviceId: 'learning-disability-partnership' } as const;
const residential = (t: ReturnType<typeof kadTable>) => t.lines.find((l) => l.key === 'residential')!;

let env: ReturnType<typeof tempDemo>;
afterEach(() => env?.done());

describe('workspace store', () => {
  it('applies the numbered migrations and records the schema version', () => {
    env = tempDemo();
    const { ws } = env.open();
    expect(schemaVersion(ws.db)).toBe(latestVersion());
    expect(ws.db.prepare('SELECT version, owner FROM outturn_migrations ORDER BY version').all()).toEqual([
      { version: 1, owner: 'core' },
      { version: 2, owner: 'kad' },
      { version: 3, owner: 'core' },
      { version: 4, owner: 'kad' },
      { version: 5, owner: 'core' },
      { version: 6, owner: 'core' },
      { version: 7, owner: 'core' },
      { version: 10, owner: 'core' },
      { version: 20, owner: 'core' },
      { version: 50, owner: 'kad' },
      { version: 60, owner: 'kad' },
      { version: 100, owner: 'revenue' },
      { version: 200, owner: 'savings' },
      { version: 201, owner: 'savings' },
      { version: 300, owner: 'reserves' },
      { version: 400, owner: 'capital' },
    ]);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it("gives a new workspace 16 KiB pages, and leaves an existing file's page size alone", () => {
    env = tempDemo();
    expect(env.open().ws.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-pages-')), 'old.db');
    try {
      // A file made before: SQLite's default 4 KiB pages, already in WAL mode.
      const old = new Database(file);
      old.pragma('page_size = 4096');
      old.pragma('journal_mode = WAL');
      old.close();
      const ws = Workspace.open(file, { create: true });
      expect(ws.db.pragma('page_size', { simple: true })).toBe(4096);
      expect(schemaVersion(ws.db)).toBe(latestVersion());
      ws.close();
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('holds the financial year 2023-24 and the year before (its care-package extract history), every month open, August with data', () => {
    env = tempDemo();
    const periods = listPeriods(env.open().ws);
    expect(periods.map((p) => p.id)).toEqual([
      ...['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12', '2023-01', '2023-02', '2023-03'],
      ...['2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03'],
    ]);
    expect(periods.every((p) => p.status === 'open')).toBe(true);
    expect(periods.filter((p) => p.areas.includes('kad')).map((p) => p.id)).toEqual(['2023-08']);
  });

  it('saves an edit, audits it with who, where and old/new value, and keeps it after reopening', () => {
    env = tempDemo();
    const s = env.open();
    setKadCell(s.ws, { ...ref, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    const audit = listAudit(s.ws, 5)[0]!;
    expect(audit).toMatchObject({ channel: 'grid', entity: 'kad_line', entityKey: '2023-08|learning-disability-partnership|residential', field: 'current_packages', oldValue: '23400', newValue: '24000' });
    expect(audit.osUser).toBe(s.ws.identity.osUser);
    expect(audit.machine).toBe(s.ws.identity.machine);
    s.close();
    const again = env.open();
    expect(residential(kadTable(again.ws, ref.period, ref.serviceId)).currentPackages).toBe(24000);
  });

  it('undoes and redoes edits server-side, auditing each step, across a restart', () => {
    env = tempDemo();
    const s = env.open();
    setKadCell(s.ws, { ...ref, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    setKadCell(s.ws, { ...ref, lineKey: 'residential', field: 'currentPackages', value: 25000 }, 'grid');
    s.close();
    const r = env.open();
    expect(historyState(r.ws).undoLabel).toContain('240 → 250');
    undo(r.ws);
    expect(residential(kadTable(r.ws, ref.period, ref.serviceId)).currentPackages).toBe(24000);
    undo(r.ws);
    expect(residential(kadTable(r.ws, ref.period, ref.serviceId)).currentPackages).toBe(23400);
    expect(historyState(r.ws).canUndo).toBe(false);
    expect(() => undo(r.ws)).toThrow(/nothing to undo/);
    redo(r.ws);
    expect(residential(kadTable(r.ws, ref.period, ref.serviceId)).currentPackages).toBe(24000);
    const channels = listAudit(r.ws, 10).map((a) => a.channel);
    expect(channels.slice(0, 3)).toEqual(['redo', 'undo', 'undo']);
    // A new edit after an undo drops the redo path, as in Excel.
    setKadCell(r.ws, { ...ref, lineKey: 'nursing', field: 'currentPackages', value: 1000 }, 'grid');
    expect(historyState(r.ws).canRedo).toBe(false);
  });

  it('refuses negative package counts and unused lines, changing nothing', () => {
    env = tempDemo();
    const s = env.open();
    const before = auditCount(s.ws);
    expect(() => setKadCell(s.ws, { ...ref, lineKey: 'residential', field: 'currentPackages', value: -100 }, 'grid')).toThrow(/cannot be/);
    expect(() => setKadCell(s.ws, { ...ref, lineKey: 'residential_dementia', field: 'currentPackages', value: 100 }, 'grid')).toThrow(/not used by Learning Disability Partnership/);
    expect(() => setKadCell(s.ws, { ...ref, lineKey: 'care_contributions', field: 'currentPackages', value: 100 }, 'grid')).toThrow(/only have an Annual Budget/);
    expect(auditCount(s.ws)).toBe(before);
  });

  it('refuses every write to a closed period, naming it and who closed it, at the store level', async () => {
    env = tempDemo();
    const s = env.open();
    await closePeriod(s.ws, '2023-08');
    const before = auditCount(s.ws);
    let error: unknown;
    try {
      setKadCell(s.ws, { ...ref, lineKey: 'residential', field: 'currentPackages', value: 100 }, 'grid');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('period_closed');
    expect((error as UserError).message).toMatch(new RegExp(`August 2023 is closed \\(closed without sign-off by ${s.ws.identity.osUser} on \\d{4}-\\d{2}-\\d{2}\\)`));
    // The trigger refuses even a write that bypasses the service layer.
    expect(() =>
      s.ws.write({ channel: 'cli', label: 'raw' }, () => s.ws.db.prepare(`UPDATE kad_lines SET current_packages = 1 WHERE period = '2023-08'`).run()),
    ).toThrow(/August 2023 is closed/);
    expect(auditCount(s.ws)).toBe(before);
    expect(kadTable(s.ws, ref.period, ref.serviceId).lockedReason).toMatch(/closed/);
    reopenPeriod(s.ws, '2023-08', 'test reopens it');
    setKadCell(s.ws, { ...ref, lineKey: 'residential', field: 'currentPackages', value: 100 }, 'grid');
    expect(s.ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE entity = 'period' AND channel = 'close/reopen'`).pluck().get()).toBeGreaterThan(0);
  });

  it('refuses a write to financial data made outside the audited write path', () => {
    env = tempDemo();
    const { ws } = env.open();
    expect(() => ws.db.prepare(`UPDATE kad_lines SET current_packages = 1 WHERE period = '2023-08'`).run()).toThrow(/no_write_context/);
  });

  it('rolls back the whole transaction when anything in it fails', () => {
    env = tempDemo();
    const { ws } = env.open();
    const before = auditCount(ws);
    expect(() =>
      ws.write({ channel: 'cli', label: 'half' }, () => {
        ws.db.prepare(`UPDATE kad_lines SET current_packages = 1 WHERE period = '2023-08' AND line_key = 'residential'`).run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(auditCount(ws)).toBe(before);
    expect(residential(kadTable(ws, ref.period, ref.serviceId)).currentPackages).toBe(23400);
  });
});
