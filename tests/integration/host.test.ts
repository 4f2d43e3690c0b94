import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api/errors';
import { AppSession, initWorkspace } from '../../main/app/session';
import { setKadCell } from '../../main/areas/kad/service';
import type { HostClient } from '../../main/host/client';
import { startHostThread } from '../../main/host/thread';
import { ImportJobs, type ImportService } from '../../main/import/jobs';
import { buildCommitteeWorkbook } from '../import-fixtures/committee';
import { publishedTables } from '../import-fixtures/published';

/**
 * The host (session, handlers, dispatch) behind its message boundary, as browser mode runs it: in a
 * worker thread (the built one: `npm run build` first), with each import in a worker thread of its own.
 */
let dir: string;
let file: string;
let host: HostClient;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-host-'));
  file = path.join(dir, 'demo.db');
  initWorkspace(file, { demo: true });
  host = await startHostThread({ file });
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const september = () => JSON.parse(JSON.stringify(publishedTables()).replace(/August 2023/g, 'September 2023')) as ReturnType<typeof publishedTables>;

describe('the host in a worker thread', () => {
  it('holds the workspace (and its lock) and answers calls with envelopes', async () => {
    expect(await host.call('app.info', {})).toMatchObject({ workspacePath: file, isDemo: true, readOnly: false });
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await host.dispatch('kad.nothing', {}, { channel: 'grid' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await host.dispatch('kad.table', { period: 'August' }, { channel: 'grid' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('says why a workspace cannot be opened, and stops', async () => {
    await expect(startHostThread({ file: path.join(dir, 'missing.db') })).rejects.toThrow(UserError);
    await expect(startHostThread({ file: path.join(dir, 'missing.db') })).rejects.toThrow(/There is no workspace file/);
  });

  it('uploads in base64 chunks, then reads, previews and applies an import in its own thread', async () => {
    const bytes = await buildCommitteeWorkbook(september(), { asText: true, repeatHeaders: true, stacked: true });
    const { uploadId } = await host.call('upload.begin', { fileName: 'sept.xlsx', bytes: bytes.length });
    for (let offset = 0; offset < bytes.length; offset += 100_000) {
      await host.call('upload.chunk', { uploadId, offset, data: bytes.subarray(offset, offset + 100_000).toString('base64') });
    }
    const { jobId } = await host.call('import.start', { uploadId });
    let status = await host.call('import.status', { jobId });
    while (status.state === 'reading') {
      await new Promise((r) => setTimeout(r, 50));
      status = await host.call('import.status', { jobId });
    }
    expect(status.state, status.problems.join('\n')).toBe('ready');
    const ldp = status.tables.find((t) => t.subjectId === 'learning-disability-partnership')!;
    const lines = await host.call('import.lines', { jobId, tableId: ldp.tableId, status: 'all', offset: 0, limit: 50 });
    expect(lines.length).toBeGreaterThan(5);
    const applied = await host.call('import.apply', { jobId });
    expect(applied.state).toBe('applied');
    // The host's own connection sees what the import thread committed.
    const table = await host.call('kad.table', { period: '2023-09', serviceId: 'learning-disability-partnership' });
    expect(table.lines.length).toBeGreaterThan(5);
    expect((await host.call('history.state', {})).undoLabel).toMatch(/^Import sept\.xlsx/);
  });

  it('hands the pack back as base64 bytes', async () => {
    const pack = await host.call('pack.export', { period: '2023-08' });
    expect(Buffer.from(pack.data, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('releases the workspace when closed', async () => {
    const other = path.join(dir, 'other.db');
    initWorkspace(other, { demo: true });
    const second = await startHostThread({ file: other });
    expect(fs.existsSync(`${other}.lock`)).toBe(true);
    await second.close();
    expect(fs.existsSync(`${other}.lock`)).toBe(false);
    expect(await second.dispatch('app.info', {}, { channel: 'grid' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('while an import is applied in its thread', () => {
  /** In-process imports, said to be applying elsewhere. */
  class Applying extends ImportJobs implements ImportService {
    override busyReason(): string {
      return 'big.xlsx is being imported: nothing else can be saved until it is done. Try again in a moment.';
    }
  }

  it('refuses the host connection\'s writes at once, in plain English, and reads go on', async () => {
    const busyFile = path.join(dir, 'busy.db');
    initWorkspace(busyFile, { demo: true });
    const session = new AppSession(busyFile, {}, (ws) => new Applying(ws));
    try {
      const edit = () => setKadCell(session.ws, { period: '2023-08', serviceId: 'autism', lineKey: 'residential', field: 'currentPackages', value: 100 }, 'grid');
      expect(edit).toThrow(UserError);
      expect(edit).toThrow(/big\.xlsx is being imported/);
      await expect(session.resetDemo()).rejects.toThrow(/being imported/);
      expect(session.ws.db.prepare(`SELECT COUNT(*) FROM kad_lines WHERE period = '2023-08'`).pluck().get()).toBeGreaterThan(0);
    } finally {
      session.close();
    }
  });
});
