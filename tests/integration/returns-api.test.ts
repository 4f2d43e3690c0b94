import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { dispatch } from '../../main/api/dispatch';
import { savingsTracker, setSavingFigures, setSavingText } from '../../main/areas/savings/service';
import { issueReturns, writeReturnFiles } from '../../main/returns/issue';
import { templateFile } from '../../main/import/template';
import { returnInfos } from '../../main/returns/status';
import type { Input, Method, Output } from '../../shared/api/contract';
import type { AppSession } from '../../main/app/session';
import type { Workspace } from '../../main/store/workspace';
import { editWorkbook, rowOf } from '../helpers/returns';
import { auditCount, demoPerTest } from '../helpers/workspace';

/**
 * Returns taken back through the API, as the app's Import page does: uploads, one preview of several
 * files, a refused (tampered) file left out at the officer's request, a conflict resolved by token, and
 * the step applied once; a preview made stale by a change in Outturn is refused rather than applied.
 */
const demos = demoPerTest();
const line = (id: string) => `2023-24-${id}`;
const GRID = { channel: 'grid' as const };

async function call<K extends Method>(session: AppSession, method: K, input: Input<K>): Promise<Output<K>> {
  const env = await dispatch(createHandlersOnce(session), method, input, GRID);
  if (!env.ok) throw new Error(env.error.message);
  return env.value as Output<K>;
}
const handlerTables = new WeakMap<AppSession, ReturnType<typeof createHandlers>>();
function createHandlersOnce(session: AppSession) {
  if (!handlerTables.has(session)) handlerTables.set(session, createHandlers(session));
  return handlerTables.get(session)!;
}

async function upload(session: AppSession, file: string): Promise<string> {
  const data = fs.readFileSync(file);
  const { uploadId } = await call(session, 'upload.begin', { fileName: path.basename(file), bytes: data.length });
  await call(session, 'upload.chunk', { uploadId, offset: 0, data: data.toString('base64') });
  return uploadId;
}

async function issued(ws: Workspace, dir: string) {
  setSavingText(ws, '2023-08', line('ahc-1'), 'owner', 'Jane Smith', 'grid');
  setSavingText(ws, '2023-08', line('ahc-2'), 'owner', 'Jane Smith', 'grid');
  setSavingText(ws, '2023-08', line('ph-1'), 'owner', 'Priya Patel', 'grid');
  const result = issueReturns(ws, { area: 'savings', period: '2023-08', dueDate: '2023-09-08' }, 'cli');
  const files = await writeReturnFiles(ws, result.returns, dir);
  return Object.fromEntries(result.returns.map((r, i) => [r.owner, files[i]!]));
}

const forecast = (ws: Workspace, id: string) => savingsTracker(ws, '2023-08').groups.flatMap((g) => g.rows).find((r) => r.id === line(id))!.forecastSaving;

describe('returns through the API', { timeout: 30_000 }, () => {
  it('preview several uploads, leave out a tampered one, resolve the conflict and apply once', async () => {
    const env = demos.fresh();
    const session = env.open();
    const { ws } = session;
    const byOwner = await issued(ws, path.join(env.dir, 'out'));
    await editWorkbook(byOwner['Jane Smith']!, (wb) => {
      const s = wb.getWorksheet('Return')!;
      rowOf(s, 'Adult Social Care Transport').getCell(4).value = -10;
      rowOf(s, 'Micro-enterprises Support').getCell(4).value = -50;
    });
    setSavingFigures(ws, '2023-08', [{ lineId: line('ahc-2'), field: 'forecastSaving', value: -2000 }], 'grid');
    const tampered = path.join(env.dir, 'tampered.xlsx');
    await editWorkbook(byOwner['Priya Patel']!, (wb) => void (wb.getWorksheet('_outturn_return')!.getCell('B7').value = 'Jane Smith'), tampered);

    const ids = [await upload(session, byOwner['Jane Smith']!), await upload(session, tampered)];
    expect(await call(session, 'returns.detect', { uploadId: ids[1]! })).toEqual({ isReturn: true });
    const before = auditCount(ws);
    const batch = await call(session, 'returns.preview', { uploadIds: ids });
    expect(batch).toMatchObject({ changes: 1, conflicts: 1, refused: 1 });
    expect(batch.returns[1]).toMatchObject({ fileName: 'tampered.xlsx', state: 'refused', reason: expect.stringMatching(/does not match its signature/) });
    const token = `${line('ahc-2')}:forecastSaving`;

    // A refused file stops the batch unless the officer leaves it out; an unresolved conflict applies nothing.
    await expect(call(session, 'returns.apply', { batchId: batch.batchId, resolutions: { [token]: 'theirs' } })).rejects.toThrow(/tampered\.xlsx has been altered.*Nothing was taken back/);
    expect(auditCount(ws)).toBe(before);
    const waiting = await call(session, 'returns.apply', { batchId: batch.batchId, leaveOutRefused: true });
    expect(waiting).toMatchObject({ state: 'returned', changedCells: 0, unresolved: [{ token }] });
    expect(forecast(ws, 'ahc-1')).not.toBe(-1000);
    await expect(call(session, 'returns.apply', { batchId: batch.batchId, resolutions: { 'nope:x': 'mine' }, leaveOutRefused: true })).rejects.toThrow(/not conflicts of the returns previewed: nope:x/);

    const done = await call(session, 'returns.apply', { batchId: batch.batchId, resolutions: { [token]: 'theirs' }, leaveOutRefused: true });
    expect(done).toMatchObject({ state: 'applied', changedCells: 2, leftOut: 1 });
    expect(done.backup).not.toBeNull();
    expect([forecast(ws, 'ahc-1'), forecast(ws, 'ahc-2')]).toEqual([-1000, -5000]);
    const audit = ws.db.prepare(`SELECT channel, on_behalf_of, entity_key, new_value, file_name FROM audit_log WHERE entity = 'savings_line' AND field = 'forecast_saving' AND channel = 'return' ORDER BY id`).all();
    expect(audit).toEqual([
      { channel: 'return', on_behalf_of: 'Jane Smith', entity_key: line('ahc-1'), new_value: '-1000', file_name: path.basename(byOwner['Jane Smith']!) },
      { channel: 'return', on_behalf_of: 'Jane Smith', entity_key: line('ahc-2'), new_value: '-5000', file_name: path.basename(byOwner['Jane Smith']!) },
    ]);
    expect(returnInfos(ws, '2023-08', '2023-09-01').map((r) => `${r.owner} ${r.status}`)).toEqual(['Jane Smith applied', 'Priya Patel issued']);
    // One undoable step.
    expect((await call(session, 'history.state', {})).undoLabel).toMatch(/^Take back 1 return \(Jane Smith\): 2 changed cells/);
    await expect(call(session, 'returns.apply', { batchId: batch.batchId, resolutions: { [token]: 'theirs' }, leaveOutRefused: true })).rejects.toThrow(/no longer available/);
  });

  it('refuse to apply a preview that a later change in Outturn made stale', async () => {
    const env = demos.fresh();
    const session = env.open();
    const { ws } = session;
    const byOwner = await issued(ws, path.join(env.dir, 'out'));
    await editWorkbook(byOwner['Jane Smith']!, (wb) => void (rowOf(wb.getWorksheet('Return')!, 'Micro-enterprises Support').getCell(4).value = -50));
    const batch = await call(session, 'returns.preview', { uploadIds: [await upload(session, byOwner['Jane Smith']!)] });
    expect(batch).toMatchObject({ changes: 1, conflicts: 0 });
    setSavingFigures(ws, '2023-08', [{ lineId: line('ahc-2'), field: 'forecastSaving', value: -2000 }], 'grid');
    const before = auditCount(ws);
    await expect(call(session, 'returns.apply', { batchId: batch.batchId })).rejects.toThrow(/no longer do what the preview showed/);
    expect(auditCount(ws)).toBe(before);
    expect(forecast(ws, 'ahc-2')).toBe(-2000);
  });

  it('say a workbook that is not a return is not one', async () => {
    const env = demos.fresh();
    const session = env.open();
    const book = path.join(env.dir, 'other.xlsx');
    fs.writeFileSync(book, (await templateFile(session.ws, '2023-08', false)).data);
    expect(await call(session, 'returns.detect', { uploadId: await upload(session, book) })).toEqual({ isReturn: false });
  });
});
