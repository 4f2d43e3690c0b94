import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';

/** A demo workspace in its own temp folder; `done()` closes it and removes the folder. */
export function tempDemo(opts: { demo?: boolean } = { demo: true }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-test-'));
  const file = path.join(dir, 'workspace.db');
  initWorkspace(file, { demo: opts.demo ?? true });
  const sessions: AppSession[] = [];
  return {
    dir,
    file,
    open(): AppSession {
      const s = new AppSession(file);
      sessions.push(s);
      return s;
    },
    done(): void {
      for (const s of sessions) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every audit row, however many: a count, so a check never stops at a page size. */
export function auditCount(ws: { db: { prepare(sql: string): { pluck(): { get(): unknown } } } }): number {
  return ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
}

export type TempDemo = ReturnType<typeof tempDemo>;

/**
 * A fresh demo per test, removed after it: `fresh()` makes one, `open()` makes one and opens it,
 * `current()` is this test's.
 * Call at the top of a test file (it registers the clean-up).
 */
export function demoPerTest(): { fresh(): TempDemo; open(): AppSession; current(): TempDemo } {
  let current: TempDemo | null = null;
  afterEach(() => {
    current?.done();
    current = null;
  });
  const fresh = (): TempDemo => (current = tempDemo());
  const now = (): TempDemo => {
    if (!current) throw new Error('No demo yet in this test: call fresh() or open() first.');
    return current;
  };
  return { fresh, open: () => fresh().open(), current: now };
}
