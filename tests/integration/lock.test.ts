import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api/errors';
import { setKadCell } from '../../main/areas/kad/service';
import { isStale, lockPath, readLock } from '../../main/store/lock';
import { networkShareWarning } from '../../main/store/network-share';
import { Workspace } from '../../main/store/workspace';
import { tempDemo } from '../helpers/workspace';

let env: ReturnType<typeof tempDemo>;
afterEach(() => env?.done());

describe('one writer at a time', () => {
  it('opens a second instance read-only, naming who has the workspace open', () => {
    env = tempDemo();
    const first = env.open();
    expect(first.ws.readOnly).toBe(false);
    const other = Workspace.open(env.file, { identity: { osUser: 'jsmith', machine: 'FIN-PC-07' } });
    try {
      expect(other.readOnly).toBe(true);
      expect(other.readOnlyReason).toContain(`${first.ws.identity.osUser} on ${first.ws.identity.machine}`);
      expect(() => setKadCell(other, { period: '2023-08', serviceId: 'autism', lineKey: 'residential', field: 'currentPackages', value: 100 }, 'grid')).toThrow(UserError);
    } finally {
      other.close();
    }
    expect(fs.existsSync(lockPath(env.file))).toBe(true);
    first.close();
    expect(fs.existsSync(lockPath(env.file))).toBe(false);
  });

  it('clears a stale lock left by a crashed instance', () => {
    env = tempDemo();
    const me = { osUser: 'tester', machine: 'this-pc' };
    fs.writeFileSync(lockPath(env.file), JSON.stringify({ ...me, pid: 2 ** 22 + 12345, since: new Date().toISOString(), heartbeat: new Date().toISOString() }));
    const ws = Workspace.open(env.file, { identity: me });
    try {
      expect(ws.readOnly).toBe(false);
      expect(readLock(env.file)?.pid).toBe(process.pid);
    } finally {
      ws.close();
    }
  });

  it('treats a lock from another machine as stale only when its heartbeat stops', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const lock = { osUser: 'a', machine: 'other', pid: 1, since: '2026-01-01T11:00:00Z', heartbeat: '2026-01-01T11:59:30Z' };
    expect(isStale(lock, { osUser: 'b', machine: 'mine' }, now)).toBe(false);
    expect(isStale({ ...lock, heartbeat: '2026-01-01T11:50:00Z' }, { osUser: 'b', machine: 'mine' }, now)).toBe(true);
  });
});

describe('network shares', () => {
  const mounts = 'server:/finance /mnt/finance nfs4 rw 0 0\n//fs01/share /mnt/smb cifs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n';
  it('warns for workspaces on network file systems and UNC paths', () => {
    expect(networkShareWarning('/mnt/finance/fmr.db', mounts)).toMatch(/network drive/);
    expect(networkShareWarning('/mnt/smb/x/fmr.db', mounts)).toMatch(/network drive/);
    expect(networkShareWarning('/home/me/fmr.db', mounts)).toBeNull();
    expect(networkShareWarning('/mnt/finance-local/fmr.db', mounts)).toBeNull();
  });
});

describe('opening files that are not Outturn workspaces', () => {
  it('refuses a file that is not a database, and a database made by another program, changing neither', async () => {
    const os = await import('node:os');
    const path = await import('node:path');
    const Database = (await import('better-sqlite3')).default;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-notws-'));
    try {
      const text = path.join(dir, 'notes.db');
      fs.writeFileSync(text, 'hello, this is not a database at all '.repeat(50));
      expect(() => Workspace.open(text)).toThrow(/is not an Outturn workspace \(it is not a database file\)/);
      expect(fs.readFileSync(text, 'utf8')).toMatch(/^hello/);
      const other = path.join(dir, 'other.db');
      const db = new Database(other);
      db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
      db.close();
      expect(() => Workspace.open(other)).toThrow(/database made by another program/);
      const check = new Database(other, { readonly: true });
      expect(check.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['customers']);
      check.close();
      expect(fs.existsSync(lockPath(other))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
