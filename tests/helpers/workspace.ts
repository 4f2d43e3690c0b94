import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
