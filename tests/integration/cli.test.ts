import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../main/cli/index';
import { buildCommitteeWorkbook } from '../import-fixtures/committee';
import { publishedTables } from '../import-fixtures/published';
import { AppSession } from '../../main/app/session';
import { kadTable } from '../../main/areas/kad/service';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('outturn CLI', () => {
  it('prints help and the version', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/outturn <command> <workspace.db>/);
    expect((await cli('--version')).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('creates a demo workspace and refuses to overwrite it without --force', async () => {
    const file = path.join(dir, 'fmr.db');
    expect(await cli('init', file, '--demo')).toMatchObject({ code: 0 });
    const session = new AppSession(file);
    expect(kadTable(session.ws, '2023-08', 'autism').lines.find((l) => l.key === 'residential')?.expectedPackages).toBe(400);
    session.close();
    const again = await cli('init', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists\. Use --force/);
    expect(await cli('init', file, '--force')).toMatchObject({ code: 0 });
    const empty = new AppSession(file);
    expect(empty.ws.db.prepare('SELECT COUNT(*) AS n FROM kad_lines').get()).toEqual({ n: 0 });
    empty.close();
  });

  it('explains bad arguments in plain English with exit code 1', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 1, stderr: expect.stringMatching(/"frobnicate" is not an Outturn command/) });
    expect(await cli('init')).toMatchObject({ code: 1, stderr: expect.stringMatching(/workspace file/) });
    expect(await cli('init', path.join(dir, 'a.db'), '--colour')).toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown option --colour/) });
    expect(await cli('serve', path.join(dir, 'missing.db'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/There is no workspace file/) });
    expect(await cli('serve', path.join(dir, 'a.db'), '--port', 'abc')).toMatchObject({ code: 1, stderr: expect.stringMatching(/--port takes a number/) });
  });

  it('serves on loopback through the built bin, printing the URL, and stops cleanly', async () => {
    const bin = path.resolve(__dirname, '../../bin/outturn.js');
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/renderer/index.html'))) throw new Error('run `npm run build` before the tests');
    const file = path.join(dir, 'serve.db');
    expect(await cli('init', file, '--demo')).toMatchObject({ code: 0 });
    const child = spawn(process.execPath, [bin, 'serve', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const base = url.split('#')[0]!;
    const token = url.split('#token=')[1]!;
    const res = await fetch(`${base}api/kad.services`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-outturn-token': token }, body: '{}' });
    const body = (await res.json()) as { ok: boolean; value: { id: string }[] };
    expect(body.value.map((s) => s.id)).toHaveLength(6);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    // A second process starts, and the demo works out its care-package extract's history first.
  }, 30_000);

  it('checks a workspace: one finding per line, or JSON with the conventional keys, exit 0', async () => {
    const file = path.join(dir, 'check.db');
    expect(await cli('init', file, '--demo')).toMatchObject({ code: 0 });
    const text = await cli('check', file, '--period', '2023-08');
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toContain('kad | Adult Mental Health | Community based subtotal | Current Care Packages | reported 41 | computed 322 | reported-total-mismatch');
    for (const line of lines) expect(line.split(' | ')).toHaveLength(7);
    const json = await cli('check', file, '--json');
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(parsed).toHaveLength(lines.length);
    for (const f of parsed) expect(Object.keys(f)).toEqual(['area', 'table', 'row', 'column', 'reported', 'computed', 'rule']);
    expect(await cli('check', file, '--period', 'Aug')).toMatchObject({ code: 1, stderr: expect.stringMatching(/YYYY-MM/) });
    expect(await cli('check', file, '--period', '2025-08')).toMatchObject({ code: 1, stderr: expect.stringMatching(/August 2025 is not a period of this workspace/) });
  });

  it('rolls a month forward from the command line, audited as CLI', async () => {
    const file = path.join(dir, 'roll.db');
    expect(await cli('init', file, '--demo')).toMatchObject({ code: 0 });
    expect(await cli('roll-forward', file, '--from', '2023-08')).toMatchObject({ code: 0, stdout: 'Roll forward August 2023 to September 2023.\n' });
    expect(await cli('roll-forward', file, '--from', '2023-08')).toMatchObject({ code: 1, stderr: expect.stringMatching(/September 2023 already holds figures/) });
    const session = new AppSession(file);
    expect(session.ws.db.prepare(`SELECT DISTINCT channel FROM audit_log WHERE period = '2023-09' AND entity = 'kad_line'`).pluck().get()).toBe('cli');
    session.close();
  });

  it('imports from the command line: dry run, JSON, refusal listing every problem (exit 1), apply and nothing to do (exit 0)', async () => {
    const file = path.join(dir, 'imp.db');
    expect(await cli('init', file, '--demo')).toMatchObject({ code: 0 });
    const sept = JSON.parse(JSON.stringify(publishedTables()).replace(/August 2023/g, 'September 2023'));
    const good = path.join(dir, 'sept.xlsx');
    fs.writeFileSync(good, await buildCommitteeWorkbook(sept, { asText: true, repeatHeaders: false, stacked: true }));
    const dry = await cli('import', file, good, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Learning Disability Partnership, September 2023 \(new month\): \d+ new, 0 changed/);
    expect(dry.stdout).toMatch(/Dry run: nothing was changed\./);
    const json = JSON.parse((await cli('import', file, good, '--dry-run', '--json')).stdout);
    expect(json.state).toBe('preview');
    expect(json.tables).toHaveLength(6);
    const wrongMonth = await cli('import', file, good, '--period', '2023-10');
    expect(wrongMonth.code).toBe(1);
    expect(wrongMonth.stderr.split('\n').filter((l) => l.includes('the title says September 2023 but --period is 2023-10'))).toHaveLength(6);
    const applied = await cli('import', file, good);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^Import sept\.xlsx: /m);
    const again = await cli('import', file, good);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/Nothing to import: every figure in sept\.xlsx already matches this workspace\./) });
    const notXlsx = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(notXlsx, 'just some text, not a workbook\n\u0000\u0001');
    expect(await cli('import', file, notXlsx)).toMatchObject({ code: 1, stderr: expect.stringMatching(/The file: is not an Excel workbook \(\.xlsx\) or a CSV file/) });
  });

  it('ends quietly when its output is piped into a reader that stops early, and an import still applies', async () => {
    const bin = path.resolve(__dirname, '../../bin/outturn.js');
    const file = path.join(dir, 'pipe.db');
    expect(await cli('init', file, '--demo')).toMatchObject({ code: 0 });
    /** Runs the built bin with stdout read for its first chunk only, as `| head -1` would. */
    const headed = (...args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout!.once('data', () => child.stdout!.destroy());
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const check = await headed('check', file);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const workbook = path.join(dir, 'sept.xlsx');
    const september = JSON.parse(JSON.stringify(publishedTables()).replace(/August 2023/g, 'September 2023')) as ReturnType<typeof publishedTables>;
    fs.writeFileSync(workbook, await buildCommitteeWorkbook(september, { asText: false, repeatHeaders: false, stacked: true }));
    const imported = await headed('import', file, workbook);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const session = new AppSession(file);
    expect(session.ws.db.prepare(`SELECT COUNT(*) FROM kad_lines WHERE period = '2023-09'`).pluck().get()).toBeGreaterThan(0);
    session.close();
  }, 60_000);

  it('refuses a PDF in a folder that does not exist before writing the workbook', async () => {
    const file = path.join(dir, 'pdf.db');
    expect(await cli('init', file, '--demo')).toMatchObject({ code: 0 });
    const xlsx = path.join(dir, 'pack.xlsx');
    const result = await cli('export', file, '--period', '2023-08', '--out', xlsx, '--pdf', path.join(dir, 'no-such-folder', 'pack.pdf'));
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/no-such-folder does not exist, so the PDF could not be saved there/) });
    expect(fs.existsSync(xlsx)).toBe(false);
  });
});
