import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerArea } from '../../main/areas';
import type { MainArea } from '../../main/areas/types';
import type { AppSession } from '../../main/app/session';
import { closePeriod, reopenPeriod } from '../../main/core/close';
import { figuresSha256, figuresText } from '../../main/core/figures';
import { monthEndState } from '../../main/core/monthend';
import { markReady, signOff } from '../../main/core/signoff';
import { updateMonthEndSettings } from '../../main/core/monthend-settings';
import { listEvents } from '../../main/store/events';
import type { Workspace } from '../../main/store/workspace';
import { toyArea } from '../fixtures/toy-area/main';
import { tempDemo, type TempDemo } from '../helpers/workspace';

/**
 * The month-end is the core's, for every area: a throwaway area registered from the test tree has its
 * figures hashed by a sign-off, is rolled forward when its month closes, and is asked to refresh its
 * previous-month columns when the next month already holds its figures; none of it names the area.
 */
vi.setConfig({ testTimeout: 60_000 });

const refreshed: { closed: string; next: string }[] = [];
/** The toy area with the optional hook: it keeps the closed month's amounts as next month's "previous" reported values. */
const toyWithHook: MainArea = {
  ...toyArea,
  refreshFromPrevious(ws, closed, next) {
    refreshed.push({ closed, next });
    ws.db
      .prepare(
        `INSERT OR REPLACE INTO reported_values (period, area, table_id, row_key, column_key, value_num, value_text, source)
         SELECT ?, 'toy', 'ledger', item, 'previous_amount', amount, NULL, 'previous month' FROM toy_figures WHERE period = ?`,
      )
      .run(next, closed);
  },
};

let unregister: () => void;
beforeAll(() => void (unregister = registerArea(toyWithHook)));
afterAll(() => unregister?.());

let env: TempDemo | null = null;
let session: AppSession | null = null;
afterEach(() => {
  env?.done();
  env = null;
  refreshed.length = 0;
});

/** A workspace holding only the toy area's August (no demo), its rows written in the order given. */
function toyWorkspace(rows: [item: string, amount: number | null, quantity: number | null][]): Workspace {
  env?.done();
  env = tempDemo({ demo: false });
  session = env.open();
  const ws = session.ws;
  ws.write({ channel: 'cli', label: 'toy figures' }, () => {
    ws.db.prepare(`INSERT INTO periods (id) VALUES ('2023-08')`).run();
    const insert = ws.db.prepare('INSERT INTO toy_figures (period, item, amount, quantity) VALUES (?, ?, ?, ?)');
    for (const [item, amount, quantity] of rows) insert.run('2023-08', item, amount, quantity);
    ws.db.prepare(`INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, source) VALUES ('2023-08', 'toy', 'ledger', 'total', 'amount', 35000, 'published')`).run();
  });
  return ws;
}

const setAmount = (ws: Workspace, item: string, amount: number | null) =>
  ws.write({ channel: 'grid', label: `toy ${item}`, period: '2023-08' }, () => ws.db.prepare(`UPDATE toy_figures SET amount = ? WHERE period = '2023-08' AND item = ?`).run(amount, item));

describe("the figures hash of a sign-off, from the table registry", () => {
  it('is the SHA-256 of the documented serialisation of every figure and reported value of the month', () => {
    const ws = toyWorkspace([
      ['b', 25000, 3],
      ['a', 10000, null],
    ]);
    const expected = [
      'outturn-figures/1 2023-08',
      '["core","reported_values","2023-08|toy|ledger|total|amount","source","published"]',
      '["core","reported_values","2023-08|toy|ledger|total|amount","value_num",35000]',
      '["core","reported_values","2023-08|toy|ledger|total|amount","value_text",null]',
      '["toy","toy_figures","2023-08|a","amount",10000]',
      '["toy","toy_figures","2023-08|a","holder",null]',
      '["toy","toy_figures","2023-08|a","note",null]',
      '["toy","toy_figures","2023-08|a","quantity",null]',
      '["toy","toy_figures","2023-08|b","amount",25000]',
      '["toy","toy_figures","2023-08|b","holder",null]',
      '["toy","toy_figures","2023-08|b","note",null]',
      '["toy","toy_figures","2023-08|b","quantity",3]',
      '',
    ].join('\n');
    expect(figuresText(ws, '2023-08')).toBe(expected);
    expect(figuresSha256(ws, '2023-08')).toBe(crypto.createHash('sha256').update(expected, 'utf8').digest('hex'));
  });

  it('is stable, does not depend on the order rows were written, and changes when a figure changes or is cleared', () => {
    const first = figuresSha256(toyWorkspace([['a', 10000, 1], ['b', 25000, 3]]), '2023-08');
    const ws = toyWorkspace([['b', 25000, 3], ['a', 10000, 1]]);
    expect(figuresSha256(ws, '2023-08')).toBe(first);
    expect(figuresSha256(ws, '2023-08')).toBe(first);
    setAmount(ws, 'a', 10001);
    const changed = figuresSha256(ws, '2023-08');
    expect(changed).not.toBe(first);
    setAmount(ws, 'a', 10000);
    expect(figuresSha256(ws, '2023-08')).toBe(first);
    setAmount(ws, 'a', null);
    expect(figuresSha256(ws, '2023-08')).not.toBe(first);
  });
});

describe('closing prepares the next month for every area', () => {
  it('rolls the area forward into a month without its figures, then refreshes it through the hook, returning a ready month to open', async () => {
    const ws = toyWorkspace([['a', 10000, 1], ['b', 25000, 3]]);
    const first = await closePeriod(ws, '2023-08');
    expect(first.next).toEqual({ period: '2023-09', rolledForward: ['toy'], refreshed: [] });
    expect(ws.db.prepare(`SELECT item, amount FROM toy_figures WHERE period = '2023-09' ORDER BY item`).all()).toEqual([
      { item: 'a', amount: 10000 },
      { item: 'b', amount: 25000 },
    ]);
    expect(refreshed).toEqual([]);

    updateMonthEndSettings(ws, { reviewerMustDiffer: false }, 'grid');
    markReady(ws, '2023-09');
    reopenPeriod(ws, '2023-08', 'A late invoice');
    setAmount(ws, 'a', 12000);
    const second = await closePeriod(ws, '2023-08');
    expect(second.next).toEqual({ period: '2023-09', rolledForward: [], refreshed: ['toy'] });
    expect(refreshed).toEqual([{ closed: '2023-08', next: '2023-09' }]);
    expect(ws.db.prepare(`SELECT row_key, value_num FROM reported_values WHERE period = '2023-09' AND column_key = 'previous_amount' ORDER BY row_key`).all()).toEqual([
      { row_key: 'a', value_num: 12000 },
      { row_key: 'b', value_num: 25000 },
    ]);
    // Written in the close's one audited step; September, ready for review, is open again.
    const closeOp = ws.db.prepare(`SELECT id FROM operations WHERE label = 'Close August 2023 (without sign-off)' ORDER BY id DESC LIMIT 1`).pluck().get();
    expect(ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE op_id = ? AND entity = 'reported_value' AND period = '2023-09'`).pluck().get(closeOp)).toBeGreaterThan(0);
    expect(monthEndState(ws, '2023-09').status).toBe('open');
    expect(listEvents(ws, 'returned-to-open')).toEqual([expect.objectContaining({ period: '2023-09', detail: expect.objectContaining({ step: 'Close August 2023 (without sign-off)' }) })]);
  });

  it('signs off the area’s month with the hash of its figures', async () => {
    const ws = toyWorkspace([['a', 10000, 1]]);
    updateMonthEndSettings(ws, { reviewerMustDiffer: false }, 'grid');
    markReady(ws, '2023-08');
    const expected = figuresSha256(ws, '2023-08');
    const result = await signOff(ws, '2023-08');
    expect(result.figuresSha256).toBe(expected);
    expect(monthEndState(ws, '2023-08').signOff?.figuresSha256).toBe(expected);
  });
});
