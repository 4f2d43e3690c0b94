import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { issueReturns, writeReturnFiles } from '../../main/returns/issue';
import { applyReturns, batchSummary, previewReturns } from '../../main/returns/receive';
import { returnInfos } from '../../main/returns/status';
import type { Workspace } from '../../main/store/workspace';
import { editWorkbook, rowOf } from '../helpers/returns';
import { auditCount, demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';
import { setRevenueCommentary } from '../../main/areas/revenue/service';

/**
 * Budget-holder returns through the same engine as savings returns: each holder gets their budget lines
 * for the month with only the forecast outturn variance and the commentary unlocked; taken back with the
 * change since issue, a conflict the officer resolves, a tampered return refused, and the status view.
 */
const demos = demoPerTest();
const SAM = ['Performance & Strategic Development', 'Principal Social Worker'];
const OLA = ['Executive Director - Adults, Health & Commissioning'];
const keyOf = (ws: Workspace, label: string) => ws.db.prepare(`SELECT line_key FROM revenue_lines WHERE period = '2023-08' AND label = ?`).pluck().get(label) as string;
const forecast = (ws: Workspace, label: string) => ws.db.prepare(`SELECT forecast_variance FROM revenue_lines WHERE period = '2023-08' AND label = ?`).pluck().get(label);
const received = (file: string) => ({ file, fileName: path.basename(file) });

async function issued(ws: Workspace, dir: string) {
  ws.write({ channel: 'grid', label: 'Budget holders', period: '2023-08' }, () => {
    const set = ws.db.prepare(`UPDATE revenue_lines SET budget_holder = ? WHERE period = '2023-08' AND label = ?`);
    for (const l of SAM) set.run('Sam Budget', l);
    for (const l of OLA) set.run('Ola Holder', l);
  });
  const result = issueReturns(ws, { area: 'revenue', period: '2023-08', dueDate: '2023-09-10' }, 'cli');
  const files = await writeReturnFiles(ws, result.returns, dir);
  return Object.fromEntries(result.returns.map((r, i) => [r.owner, files[i]!]));
}

describe('revenue returns to budget holders', { timeout: 60_000 }, () => {
  it('issue each holder their lines with only forecast variance and commentary unlocked, and take them back with a conflict resolved and a tampered one refused', async () => {
    const env = demos.fresh();
    const { ws } = env.open();
    const byOwner = await issued(ws, path.join(env.dir, 'out'));
    expect(Object.keys(byOwner).sort()).toEqual(['Ola Holder', 'Sam Budget']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(byOwner['Sam Budget']!);
    const sheet = wb.getWorksheet('Return')!;
    expect([sheet.getCell('A6').value, sheet.getCell('A7').value, sheet.getCell('A8').value]).toEqual([...SAM, null]);
    const unlocked: string[] = [];
    sheet.eachRow((r) => r.eachCell({ includeEmpty: true }, (c) => c.protection?.locked === false && unlocked.push(c.address)));
    expect(unlocked).toEqual(['E6', 'F6', 'E7', 'F7']);
    // Appendix 1a as published: Performance & Strategic Development forecasts -2 (£000).
    expect(sheet.getCell('E6').value).toBe(-2);

    await editWorkbook(byOwner['Sam Budget']!, (w) => {
      const s = w.getWorksheet('Return')!;
      rowOf(s, SAM[0]!, 1).getCell(5).value = 15;
      rowOf(s, SAM[1]!, 1).getCell(6).value = 'Agency cover ends in October.';
    });
    // The officer changed Performance & Strategic Development in Outturn after the return went out.
    ws.write({ channel: 'grid', label: 'correction', period: '2023-08' }, () => ws.db.prepare(`UPDATE revenue_lines SET forecast_variance = 700 WHERE period = '2023-08' AND label = ?`).run(SAM[0]));
    const tampered = path.join(env.dir, 'tampered.xlsx');
    await editWorkbook(byOwner['Ola Holder']!, (w) => void (w.getWorksheet('_outturn_return')!.getCell('B7').value = 'Sam Budget'), tampered);

    const before = auditCount(ws);
    const bad = await previewReturns(ws, [received(byOwner['Sam Budget']!), received(tampered)]);
    expect(bad.items[1]!.preview).toMatchObject({ state: 'refused', reason: expect.stringMatching(/identity sheet does not match its signature/) });
    await expect(applyReturns(ws, bad, new Map())).rejects.toThrow(/Nothing was taken back/);
    expect(auditCount(ws)).toBe(before);

    const batch = await previewReturns(ws, [received(byOwner['Sam Budget']!)]);
    expect(batchSummary(batch).returns[0]!.cells.map((c) => `${c.kind} ${c.label} · ${c.header}: ${c.issued} → ${c.returned}, now ${c.current}`)).toEqual([
      `conflict ${SAM[0]} · Forecast Outturn Variance £000: -2 → 15, now 7`,
      `change ${SAM[1]} · Commentary: blank → Agency cover ends in October., now blank`,
    ]);
    const token = `${keyOf(ws, SAM[0]!)}:forecastVariance`;
    expect(await applyReturns(ws, batch, new Map([[token, 'theirs']]))).toMatchObject({ state: 'applied', changedCells: 2 });
    expect(forecast(ws, SAM[0]!)).toBe(1500);
    expect(ws.db.prepare(`SELECT entity, field, new_value, on_behalf_of FROM ${AUDIT_CELLS} a WHERE channel = 'return' ORDER BY id, cell`).all()).toEqual([
      { entity: 'revenue_line', field: 'forecast_variance', new_value: '1500', on_behalf_of: 'Sam Budget' },
      ...['title', 'body', 'carried', 'sort_order'].map((field) => expect.objectContaining({ entity: 'revenue_commentary', field, on_behalf_of: 'Sam Budget' })),
      expect.objectContaining({ entity: 'return', field: 'status', new_value: 'applied', on_behalf_of: 'Sam Budget' }),
      ...['returned_at', 'returned_sha256', 'applied_at', 'applied_by'].map((field) => expect.objectContaining({ entity: 'return', field })),
    ]);
    expect(returnInfos(ws, '2023-08', '2023-09-11').map((r) => `${r.owner} ${r.status}`)).toEqual(['Ola Holder overdue', 'Sam Budget applied']);
  });

  it("take back a commentary's new text under the title the officer gave it", async () => {
    const env = demos.fresh();
    const { ws } = env.open();
    const subjectKey = `line:${keyOf(ws, SAM[1]!)}`;
    setRevenueCommentary(ws, { period: '2023-08', subjectKey, title: 'Principal Social Worker: agency cover', body: 'Agency cover until September.' }, 'grid');
    const placed = ws.db.prepare(`SELECT sort_order FROM revenue_commentaries WHERE period = '2023-08' AND subject_key = ?`).pluck().get(subjectKey);
    const byOwner = await issued(ws, path.join(env.dir, 'out'));
    await editWorkbook(byOwner['Sam Budget']!, (w) => void (rowOf(w.getWorksheet('Return')!, SAM[1]!, 1).getCell(6).value = 'Agency cover ends in October.'));

    const batch = await previewReturns(ws, [received(byOwner['Sam Budget']!)]);
    expect(await applyReturns(ws, batch, new Map())).toMatchObject({ state: 'applied', changedCells: 1 });
    expect(ws.db.prepare(`SELECT title, body, carried, sort_order FROM revenue_commentaries WHERE period = '2023-08' AND subject_key = ?`).get(subjectKey)).toEqual({
      title: 'Principal Social Worker: agency cover',
      body: 'Agency cover ends in October.',
      carried: 0,
      sort_order: placed,
    });
    expect(ws.db.prepare(`SELECT entity, field, old_value, new_value FROM ${AUDIT_CELLS} a WHERE channel = 'return' AND entity = 'revenue_commentary' ORDER BY id, cell`).all()).toEqual([
      { entity: 'revenue_commentary', field: 'body', old_value: 'Agency cover until September.', new_value: 'Agency cover ends in October.' },
    ]);
  });
});
