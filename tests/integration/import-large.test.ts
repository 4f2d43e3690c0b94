import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { initWorkspace } from '../../main/app/session';
import { writeBigCommitteeWorkbook } from '../helpers/big-workbook';

/**
 * Large files stream: a 200,000-row sheet imports through the real command line with the V8 heap capped
 * at 256 MB. Rows are staged in SQLite, so memory stays flat however long the sheet.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-large-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('imports a 200,000-row sheet under --max-old-space-size=256', async () => {
  const file = path.join(dir, 'history.xlsx');
  const made = await writeBigCommitteeWorkbook(file, 200_000);
  expect(made.rows).toBeGreaterThanOrEqual(199_000);
  const ws = path.join(dir, 'large.db');
  initWorkspace(ws, {});
  const bin = path.resolve(__dirname, '../../bin/outturn.js');
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=256', bin, 'import', ws, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Import history\.xlsx: \d+ changed cells?, \d+ new lines/m);
  expect(result.stdout).toMatch(/A backup of the workspace as it was is at /);
}, 600_000);
