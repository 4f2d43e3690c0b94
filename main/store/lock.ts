import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Identity } from './identity';

/**
 * One writer at a time. The first Outturn instance to open a workspace holds `<file>.lock`, naming who
 * holds it; any other instance opens read-only and names the holder.
 *
 * Every step is atomic, so two instances started together can never both become writers:
 * - the holder record is written to a temporary file first and hard-linked into place (a link fails if
 *   the lock exists), so nobody ever sees a lock that is empty or half written;
 * - the heartbeat is rewritten the same way (temporary file, then rename over the lock);
 * - a stale lock is taken over only by whoever holds the takeover guard (a directory: mkdir is atomic),
 *   and only after reading it again under that guard.
 *
 * A lock is stale only when its process is gone. On this machine that is decided by the process id and,
 * on Linux, the process's start time (so a process id reused by another program does not keep a dead
 * lock alive); never by the heartbeat's age, so a writer whose event loop is busy for minutes keeps its
 * lock. Where start times cannot be read, a live process id keeps the lock unless its heartbeat is a day
 * old. From another machine (a shared folder) only the heartbeat can tell: a lock silent for STALE_MS is stale.
 */
export const HEARTBEAT_MS = 30_000;
export const STALE_MS = 120_000;
/** Without a start time to compare, how long a live process id's silent lock is still trusted. */
const PID_ONLY_TRUST_MS = 24 * 60 * 60 * 1000;
/** A takeover guard older than this was left by an instance that crashed while taking over. */
const GUARD_STALE_MS = 60_000;

export interface LockInfo extends Identity {
  pid: number;
  /** The process's start time as the OS records it (Linux: clock ticks since boot), when known. */
  pidStart?: string | null;
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

/** Field 22 of /proc/<pid>/stat: when the process started. Null where /proc is not there. */
export function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its last ")".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function isStale(lock: LockInfo, me: Identity, now = Date.now(), startOf: (pid: number) => string | null = processStart): boolean {
  if (lock.machine !== me.machine) return now - Date.parse(lock.heartbeat) > STALE_MS;
  if (!processAlive(lock.pid)) return true;
  const start = startOf(lock.pid);
  if (start !== null && lock.pidStart) return start !== lock.pidStart;
  return now - Date.parse(lock.heartbeat) > PID_ONLY_TRUST_MS;
}

/** Writes `info` to a temporary file beside the lock and returns its path. */
function writeTemp(target: string, info: LockInfo): string {
  const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(info), { flag: 'wx' });
  return temp;
}

/** Links the record into place; false when a lock is already there. */
function linkInto(target: string, info: LockInfo): boolean {
  const temp = writeTemp(target, info);
  try {
    fs.linkSync(temp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Runs `fn` holding the takeover guard; false when another instance holds it. */
function withTakeoverGuard(target: string, fn: () => void): boolean {
  const guard = `${target}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > GUARD_STALE_MS) fs.rmdirSync(guard);
    } catch {
      // gone already: another instance finished its takeover
    }
    return false;
  }
  try {
    fn();
  } finally {
    fs.rmSync(guard, { recursive: true, force: true });
  }
  return true;
}

const sameHolder = (a: LockInfo | null, b: LockInfo | null) => !!a && !!b && JSON.stringify(a) === JSON.stringify(b);

export function acquireLock(file: string, me: Identity): LockResult {
  const target = lockPath(file);
  const mine = (): LockInfo => {
    const now = new Date().toISOString();
    return { ...me, pid: process.pid, pidStart: processStart(process.pid), since: now, heartbeat: now };
  };
  let info = mine();
  let acquired = false;
  for (let attempt = 0; attempt < 5 && !acquired; attempt++) {
    if (linkInto(target, info)) {
      acquired = true;
      break;
    }
    const holder = readLock(file);
    if (holder && !isStale(holder, me)) return { acquired: false, holder };
    // An unreadable lock is trusted while it is fresh: it may be an older Outturn's, mid-write.
    if (!holder) {
      const age = Date.now() - (fs.statSync(target, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < STALE_MS) return { acquired: false, holder: { osUser: 'another Outturn', machine: 'this or another computer', pid: 0, since: new Date().toISOString(), heartbeat: new Date().toISOString() } };
    }
    withTakeoverGuard(target, () => {
      // Under the guard, read again: only the very lock judged stale is removed.
      if (sameHolder(readLock(file), holder) || (!holder && !readLock(file))) fs.rmSync(target, { force: true });
    });
    info = mine();
  }
  if (!acquired) {
    const holder = readLock(file);
    if (holder) return { acquired: false, holder };
    throw new Error(`could not lock ${file}`);
  }
  const timer = setInterval(() => {
    try {
      const current = readLock(file);
      if (current?.pid === process.pid && current.machine === me.machine) {
        const temp = writeTemp(target, { ...current, heartbeat: new Date().toISOString() });
        fs.renameSync(temp, target);
      }
    } catch {
      // A failed heartbeat only matters to an instance on another machine, which may then see it as stale.
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
      if (current?.pid === process.pid && current.machine === me.machine && current.since === info.since) fs.rmSync(target, { force: true });
    },
  };
}

export function describeHolder(holder: LockInfo): string {
  return `${holder.osUser} on ${holder.machine} (since ${holder.since.slice(0, 16).replace('T', ' ')} UTC)`;
}
