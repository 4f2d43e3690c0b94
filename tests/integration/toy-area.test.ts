import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { registerArea } from '../../main/areas';
import type { AppSession } from '../../main/app/session';
import { run } from '../../main/cli';
import { rollForwardMonth } from '../../main/core/months';
import { buildPack } from '../../main/pack/build';
import { undo } from '../../main/store/history';
import { startHttpBridge, type HttpBridge } from '../../main/transports/http';
import { packSectionIds } from '../../shared/pack/sections';
import { toyArea } from '../fixtures/toy-area/main';
import { tempDemo } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

/**
 * A throwaway area registered from the test tree, with no edit to generic code, goes through every
 * subsystem for real: its migration and generated triggers, the API over the HTTP bridge with audit
 * rows, the import engine, the committee pack, the check engine and `outturn check`, the month's
 * roll forward and undo.
 */
let unregister: () => void;
let env: ReturnType<typeof tempDemo>;
let session: AppSession;
let bridge: HttpBridge;

function post(method: string, body: unknown): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: 'POST', path: `/api/${method}`, headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', 'x-outturn-token': bridge.token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const toyRows = (period: string) => session.ws.db.prepare('SELECT item, amount, quantity FROM toy_figures WHERE period = ? ORDER BY item').all(period);

beforeAll(async () => {
  unregister = registerArea(toyArea);
  env = tempDemo();
  session = env.open();
  const staticDir = path.join(env.dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<p>app</p>');
  bridge = await startHttpBridge({ handlers: createHandlers(session), staticDir });
});

afterAll(async () => {
  await bridge?.close();
  env?.done();
  unregister?.();
});

describe('a toy area registered from the test tree', () => {
  it('gets its table and generated triggers from its migration and registration', () => {
    const triggers = session.ws.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'toy_figures' ORDER BY name`).pluck().all();
    expect(triggers).toEqual(expect.arrayContaining(['outturn_toy_figures_audit_insert', 'outturn_toy_figures_audit_update', 'outturn_toy_figures_audit_delete', 'outturn_toy_figures_ctx_insert', 'outturn_toy_figures_guard_update']));
    expect(() => session.ws.db.prepare(`INSERT INTO toy_figures (period, item, amount) VALUES ('2023-08', 'raw', 1)`).run()).toThrow(/no_write_context/);
  });

  it('edits a figure through the HTTP bridge, audited, and undoes it', async () => {
    const res = await post('toy.set', { period: '2023-08', item: 'apples', amount: 5000 });
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);
    expect(res.json.value).toEqual([{ item: 'apples', amount: 5000, quantity: null }]);
    const audit = session.ws.db.prepare(`SELECT channel, period, entity_key, field, old_value, new_value, action FROM ${AUDIT_CELLS} a WHERE entity = 'toy_figure' ORDER BY id, cell`).all();
    expect(audit).toEqual([{ channel: 'grid', period: '2023-08', entity_key: '2023-08|apples', field: 'amount', old_value: null, new_value: '5000', action: 'insert' }]);
    const bad = await post('toy.set', { period: '2023-08', item: '', amount: 1 });
    expect(bad.json).toMatchObject({ ok: false, error: { message: expect.stringMatching(/item/) } });

    await post('toy.set', { period: '2023-08', item: 'apples', amount: 7000 });
    expect(undo(session.ws).label).toBe('Set toy apples (2023-08)');
    expect(toyRows('2023-08')).toEqual([{ item: 'apples', amount: 5000, quantity: null }]);
    const undoRows = session.ws.db.prepare(`SELECT channel, field, old_value, new_value FROM ${AUDIT_CELLS} a WHERE entity = 'toy_figure' AND channel = 'undo'`).all();
    expect(undoRows).toEqual([{ channel: 'undo', field: 'amount', old_value: '7000', new_value: '5000' }]);
  });

  it('imports a toy workbook into a new month, rolled forward first, audited with the file', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Ledger');
    sheet.addRow(['Toy ledger at the end of September 2023 for Main ledger']);
    sheet.addRow(['Item', 'Amount', 'Quantity']);
    sheet.addRow(['apples', 120, 4]);
    sheet.addRow(['pears', 2000, 1]);
    sheet.addRow(['Total', 2120, 5]);
    const file = path.join(env.dir, 'toy.xlsx');
    await wb.xlsx.writeFile(file);
    const jobId = await session.imports.start(file);
    const status = await session.imports.settled(jobId);
    expect(status.problems).toEqual([]);
    expect(status.state).toBe('ready');
    expect(status.tables).toEqual([expect.objectContaining({ spec: 'toy', area: 'toy', subjectName: 'Main ledger', period: '2023-09', newMonth: true, newLines: 1, changedLines: 1, changedCells: 2 })]);
    const applied = await session.imports.apply(jobId, 'import');
    expect(applied.state).toBe('applied');
    // September was rolled forward from August (apples 50.00), then the file applied.
    expect(toyRows('2023-09')).toEqual([
      { item: 'apples', amount: 12000, quantity: 400 },
      { item: 'pears', amount: 200000, quantity: 100 },
    ]);
    const audited = session.ws.db.prepare(`SELECT DISTINCT file_name FROM ${AUDIT_CELLS} a WHERE entity = 'toy_figure' AND period = '2023-09'`).pluck().all();
    expect(audited).toEqual(['toy.xlsx']);
    const reported = session.ws.db.prepare(`SELECT row_key, column_key, value_num FROM reported_values WHERE area = 'toy' AND period = '2023-09' ORDER BY column_key`).all();
    expect(reported).toEqual([
      { row_key: 'total', column_key: 'amount', value_num: 212000 },
      { row_key: 'total', column_key: 'quantity', value_num: 500 },
    ]);
  });

  it('adds its sheet to the committee pack', async () => {
    expect(packSectionIds()).toContain('toy');
    const wb = await buildPack(session.ws, { period: '2023-09' });
    const sheet = wb.getWorksheet('Toy Ledger');
    expect(sheet?.getCell('A1').value).toBe('Toy Ledger, September 2023');
    expect([sheet?.getCell('A3').value, sheet?.getCell('B3').value]).toEqual(['pears', 2000]);
    const only = await buildPack(session.ws, { period: '2023-09', sections: ['toy'] });
    expect(only.worksheets.map((w) => w.name)).toEqual(['Toy Ledger']);
  });

  it('reports its finding through outturn check', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['check', env.file, '--period', '2023-09'], (s) => out.push(s), (s) => err.push(s));
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out.join('')).toContain('toy | Toy Ledger | pears | Amount | reported 2,000 | computed at most 1,000 | toy-over-limit');
  });

  it('carries its figures in the month-level roll forward', () => {
    const result = rollForwardMonth(session.ws, '2023-09');
    expect(result.areas).toEqual(expect.arrayContaining(['kad', 'toy']));
    expect(toyRows('2023-10')).toEqual(toyRows('2023-09'));
    expect(session.ws.db.prepare(`SELECT COUNT(*) FROM ${AUDIT_CELLS} a WHERE entity = 'toy_figure' AND period = '2023-10' AND action = 'insert'`).pluck().get()).toBeGreaterThan(0);
  });
});
