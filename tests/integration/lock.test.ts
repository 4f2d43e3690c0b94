import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api/errors';
import { setKadCell } from '../../main/areas/kad/service';
import { isStale, lockPath, processStart, readLock } from '../../main/store/lock';
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

describe('the lock under a race', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const dist = process.env.OUTTURN_LOCK_DIST ?? ROOT;

  async function race(dir: string, contenders: number): Promise<string[]> {
    const file = path.join(dir, 'race.db');
    const tag = Math.random().toString(36).slice(2);
    const start = path.join(dir, `go-${tag}`);
    const stop = path.join(dir, `stop-${tag}`);
    const children = Array.from({ length: contenders }, () =>
      spawn(process.execPath, [path.join(__dirname, '../helpers/lock-contender.js'), file, start, stop, dist], { stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    const lines = children.map(() => [] as string[]);
    const said = (want: number) =>
      Promise.all(
        children.map(
          (c, i) =>
            new Promise<void>((resolve, reject) => {
              const check = () => (lines[i]!.length >= want ? resolve() : undefined);
              c.stdout!.on('data', (d: Buffer) => {
                lines[i]!.push(...d.toString().split('\n').filter(Boolean));
                check();
              });
              c.on('exit', () => (lines[i]!.length >= want ? resolve() : reject(new Error(`contender ${i} said ${lines[i]!.join(' ')}`))));
              check();
            }),
        ),
      );
    // Every contender at its starting line, then the signal; every answer in while the writer holds on.
    await said(1);
    fs.writeFileSync(start, '');
    await said(2);
    fs.writeFileSync(stop, '');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
    return lines.map((l) => l[1]!);
  }

  // 20 processes at once, five times; then pairs started together, twenty times (as two `outturn import`
  // runs were: before the lock was linked into place whole, 5 pairs in 20 here both became writers).
  it('gives exactly one writer when processes open the workspace at once, every time', async () => {
    if (!fs.existsSync(path.join(dist, 'dist/main/store/lock.js'))) throw new Error('run `npm run build` before the tests');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-lockrace-'));
    try {
      for (const [contenders, rounds] of [[20, 5], [2, 20]] as const) {
        for (let round = 0; round < rounds; round++) {
          const said = await race(dir, contenders);
          expect(said.filter((s) => s === 'writer'), `${contenders} at once, round ${round + 1}: ${said.join(' ')}`).toHaveLength(1);
          expect(said.filter((s) => s === 'reader')).toHaveLength(contenders - 1);
          expect(fs.existsSync(path.join(dir, 'race.db.lock'))).toBe(false);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('takes over a lock whose process id now belongs to another program, never a busy writer', () => {
    const me = { osUser: 'me', machine: 'this-pc' };
    const start = processStart(process.pid);
    const busy = { ...me, pid: process.pid, pidStart: start, since: '2020-01-01T00:00:00Z', heartbeat: '2020-01-01T00:00:00Z' };
    // Alive, same start time, heartbeat silent for years (its event loop was blocked): still held.
    expect(isStale(busy, me)).toBe(false);
    // The process id is alive but started at another time: a different program reused it.
    expect(isStale({ ...busy, pidStart: `${start ?? '1'}9` }, me)).toBe(start !== null);
    // Gone altogether.
    expect(isStale({ ...busy, pid: 2 ** 22 + 4321 }, me)).toBe(true);
  });

  it('never leaves the lock file empty or half written: it is linked into place whole', () => {
    env = tempDemo();
    const s = env.open();
    const raw = fs.readFileSync(lockPath(env.file), 'utf8');
    expect(JSON.parse(raw)).toMatchObject({ pid: process.pid, pidStart: processStart(process.pid) });
    expect(fs.readdirSync(path.dirname(env.file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    s.close();
  });
});
