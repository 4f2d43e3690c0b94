import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { AUDIT_CELLS } from '../../main/store/audit-cells';
import { Workspace } from '../../main/store/workspace';
import { writeBigCommitteeWorkbook } from '../helpers/big-workbook';
import { tempDemo } from '../helpers/workspace';

/**
 * An import's commit leaves copying the write-ahead log into the database file (the checkpoint) until
 * after it has answered. Killed (kill -9) the moment it answers, the import is still all there when the
 * workspace is opened again: the committed change was in the log, and SQLite replays it.
 */
const env = tempDemo({ demo: false });
afterAll(() => env.done());

it('keeps a whole import killed with kill -9 right after its commit, before the checkpoint', async () => {
  const workbook = path.join(env.dir, 'big.xlsx');
  const made = await writeBigCommitteeWorkbook(workbook, 2_000);
  const child = spawnSync(process.execPath, [path.join(__dirname, '../helpers/import-then-kill.js'), env.file, workbook, path.join(__dirname, '../..')], { encoding: 'utf8', timeout: 120_000 });
  expect(child.stderr).toBe('');
  expect(child.signal).toBe('SIGKILL');
  // Nothing was checkpointed in the commit: the database file itself did not grow.
  expect(JSON.parse(child.stdout)).toEqual({ state: 'applied', grew: 0 });

  const ws = Workspace.open(env.file);
  try {
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const op = ws.db.prepare(`SELECT id, label FROM operations WHERE channel = 'import'`).get() as { id: number; label: string };
    expect(op.label).toMatch(/^Import big\.xlsx: /);
    // Every line of every table the file brought (eleven service types and Care Contributions each), audited.
    const lines = ws.db.prepare(`SELECT COUNT(*) FROM kad_lines`).pluck().get() as number;
    expect(lines).toBe(made.tables * 12);
    expect(ws.db.prepare(`SELECT COUNT(DISTINCT entity_key) FROM ${AUDIT_CELLS} a WHERE op_id = ? AND entity = 'kad_line' AND action = 'insert'`).pluck().get(op.id)).toBe(lines);
  } finally {
    ws.close();
  }
}, 180_000);
