import fs from 'node:fs';
import type { Identity } from './identity';

/**
 * One writer at a time. The first Outturn instance to open a workspace writes `<file>.lock` naming who
 * holds it and refreshes it every HEARTBEAT_MS; any other instance opens read-only and names the holder.
 * A lock is stale (a crashed instance) when its process is gone on this machine, or its heartbeat is
 * older than STALE_MS when held from another machine; a stale lock is taken over.
 */
export const HEARTBEAT_MS = 30_000;
export const STALE_MS = 120_000;

export interface LockInfo extends Identity {
  pid: number;
  since: string;
  heartbeat: string;
}

export type LockResult = { acquired: true; release: () => void } | { acquired: false; holder: LockInfo };

export function lockPath(file: string): string {
  return `${file}.lock`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function isStale(lock: LockInfo, me: Identity, now = Date.now()): boolean {
  if (lock.machine === me.machine) return !processAlive(lock.pid);
  return now - Date.parse(lock.heartbeat) > STALE_MS;
}

export function acquireLock(file: string, me: Identity): LockResult {
  const target = lockPath(file);
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = new Date().toISOString();
    const info: LockInfo = { ...me, pid: process.pid, since: now, heartbeat: now };
    try {
      fs.writeFileSync(target, JSON.stringify(info), { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      if (holder && !isStale(holder, me)) return { acquired: false, holder };
      fs.rmSync(target, { force: true });
      continue;
    }
    const timer = setInterval(() => {
      try {
        const current = readLock(file);
        if (current?.pid === process.pid && current.machine === me.machine) {
          fs.writeFileSync(target, JSON.stringify({ ...current, heartbeat: new Date().toISOString() }));
        }
      } catch {
        // A failed heartbeat only risks another instance seeing the lock as stale later.
      }
    }, HEARTBEAT_MS);
    timer.unref();
    let released = false;
    return {
      acquired: true,
      release: () => {
        if (released) return;
        released = true;
        clearInterval(timer);
        const current = readLock(file);
        if (current?.pid === process.pid && current.machine === me.machine) fs.rmSync(target, { force: true });
      },
    };
  }
  const holder = readLock(file);
  if (holder) return { acquired: false, holder };
  throw new Error(`could not lock ${file}`);
}

export function describeHolder(holder: LockInfo): string {
  return `${holder.osUser} on ${holder.machine} (since ${holder.since.slice(0, 16).replace('T', ' ')} UTC)`;
}
