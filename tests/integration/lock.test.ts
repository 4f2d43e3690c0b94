import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api/errors';
import { setKadCell } from '../../main/kad/service';
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
