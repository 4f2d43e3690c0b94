import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerArea } from '../../main/areas';
import type { AppSession } from '../../main/app/session';
import { toyArea } from '../fixtures/toy-area/main';
import { cli } from '../helpers/cli';
import { editWorkbook, rowOf } from '../helpers/returns';
import { auditCount, tempDemo } from '../helpers/workspace';

/**
 * The returns engine is the core's, not an area's: the toy area (tests/fixtures/toy-area), given a
 * `returns` member shaped like the revenue area's budget-holder returns, issues and takes back returns
 * through the command line with no generic edit: one workbook per holder, a change, a conflict resolved
 * by flag, a tampered return refused, an area's own rule refusing a value, the status view with an
 * overdue return, and the same returns twice changing nothing.
 */
let unregister: () => void;
let env: ReturnType<typeof tempDemo>;
let session: AppSession;
let out: string;
const toy = () => session.ws.db.prepare(`SELECT item, amount, note FROM toy_figures WHERE period = '2023-08' ORDER BY item`).all();

beforeAll(() => {
  unregister = registerArea(toyArea);
  env = tempDemo();
  session = env.open();
  out = path.join(env.dir, 'returns');
  session.ws.write({ channel: 'grid', label: 'Toy items' }, () => {
    const put = session.ws.db.prepare('INSERT INTO toy_figures (period, item, amount, quantity, holder) VALUES (?, ?, ?, ?, ?)');
    put.run('2023-08', 'apples', 5000, 30000, 'Alice');
    put.run('2023-08', 'bananas', 1000, 1000, 'Alice');
    put.run('2023-08', 'pears', 2000, 500, 'Bob');
    put.run('2023-08', 'plums', 100, 100, null);
  });
  session.close();
});
afterAll(() => {
  env?.done();
  unregister?.();
});

const file = (owner: string) => path.join(out, `Toy Ledger return 2023-08 ${owner}.xlsx`);
const reopen = () => {
  session = env.open();
  return session;
};

describe('returns of an area the core does not know', { timeout: 60_000 }, () => {
  it('issues one workbook per holder from the command line, saying which rows have none', async () => {
    const r = await cli('returns', 'issue', env.file, '--area', 'toy', '--period', '2023-08', '--out', out, '--due', '2099-12-31');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`Issue 2 toy returns for August 2023, due 31 December 2099.\n  Alice: ${file('Alice')}\n  Bob: ${file('Bob')}\nNot in any return (no owner): plums.\n`);
    expect(fs.readdirSync(out).sort()).toEqual(['Toy Ledger return 2023-08 Alice.xlsx', 'Toy Ledger return 2023-08 Bob.xlsx']);
  });

  it('refuses a tampered return and a value the area forbids, changing nothing', async () => {
    const tampered = path.join(env.dir, 'tampered.xlsx');
    await editWorkbook(file('Bob'), (wb) => void (wb.getWorksheet('_outturn_return')!.getCell('B9').value = '[["apples",6]]'), tampered);
    const forbidden = path.join(env.dir, 'forbidden.xlsx');
    await editWorkbook(file('Alice'), (wb) => void (rowOf(wb.getWorksheet('Return')!, 'apples', 1).getCell(3).value = 999), forbidden);
    const before = auditCount(reopen().ws);
    session.close();
    const r = await cli('import', env.file, file('Alice'), tampered);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/tampered\.xlsx has been altered outside its owner's cells: its identity sheet does not match its signature\. Issue a fresh return\. Nothing was taken back/);
    const f = await cli('import', env.file, forbidden);
    expect(f.code).toBe(1);
    expect(f.err).toContain("forbidden.xlsx cannot be taken back: apples · Amount: 999 is the toy area's forbidden amount");
    expect(auditCount(reopen().ws)).toBe(before);
    session.close();
  });

  it('takes two returns back: the changes applied, a conflict held until the officer resolves it', async () => {
    await editWorkbook(file('Alice'), (wb) => {
      const s = wb.getWorksheet('Return')!;
      rowOf(s, 'apples', 1).getCell(3).value = 60;
      rowOf(s, 'apples', 1).getCell(4).value = 'Late invoice';
      rowOf(s, 'bananas', 1).getCell(3).value = 12;
    });
    await editWorkbook(file('Bob'), (wb) => void (rowOf(wb.getWorksheet('Return')!, 'pears', 1).getCell(3).value = 25.5));
    // The officer changes bananas in Outturn after the return went out.
    reopen().ws.write({ channel: 'grid', label: 'bananas' }, () => session.ws.db.prepare(`UPDATE toy_figures SET amount = 1500 WHERE item = 'bananas'`).run());
    session.close();

    const held = await cli('import', env.file, file('Alice'), file('Bob'));
    expect(held.code).toBe(1);
    expect(held.out).toContain('  ~ apples · Amount: 50 when issued → 60\n');
    expect(held.out).toContain('  ~ apples · Note: blank when issued → Late invoice\n');
    expect(held.out).toContain('  ! bananas · Amount: 10 when issued → 12 returned, but Outturn now holds 15. Conflict: --resolve bananas:amount=mine|theirs\n');
    expect(held.out).toContain('  ~ pears · Amount: 20 when issued → 25.5\n');
    expect(held.err).toContain('--resolve bananas:amount=mine|theirs');
    expect((await cli('returns', 'status', env.file, '--period', '2023-08')).out).toMatch(/^August 2023 \| Toy Ledger \| Alice \| returned \| issued \d{4}-\d{2}-\d{2} \| returned \d{4}-\d{2}-\d{2}, conflicts to resolve \| 2 rows\nAugust 2023 \| Toy Ledger \| Bob \| returned /);
    expect((reopen(), toy())).toEqual([
      { item: 'apples', amount: 5000, note: null },
      { item: 'bananas', amount: 1500, note: null },
      { item: 'pears', amount: 2000, note: null },
      { item: 'plums', amount: 100, note: null },
    ]);
    session.close();

    const applied = await cli('import', env.file, file('Alice'), file('Bob'), '--resolve', 'bananas:amount=mine');
    expect(applied).toMatchObject({ code: 0, err: '' });
    expect(applied.out).toContain('Take back 2 returns (Alice, Bob): 3 changed cells (August 2023).');
    const ws = reopen().ws;
    expect(toy()).toEqual([
      { item: 'apples', amount: 6000, note: 'Late invoice' },
      { item: 'bananas', amount: 1500, note: null },
      { item: 'pears', amount: 2550, note: null },
      { item: 'plums', amount: 100, note: null },
    ]);
    expect(ws.db.prepare(`SELECT on_behalf_of, entity_key, field, new_value, channel FROM audit_log WHERE entity = 'toy_figure' AND channel = 'return' ORDER BY id`).all()).toEqual([
      { on_behalf_of: 'Alice', entity_key: '2023-08|apples', field: 'amount', new_value: '6000', channel: 'return' },
      { on_behalf_of: 'Alice', entity_key: '2023-08|apples', field: 'note', new_value: 'Late invoice', channel: 'return' },
      { on_behalf_of: 'Bob', entity_key: '2023-08|pears', field: 'amount', new_value: '2550', channel: 'return' },
    ]);
    const before = auditCount(ws);
    session.close();
    const again = await cli('import', env.file, file('Alice'), file('Bob'));
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain('Nothing to take back: every return in this batch is applied already.');
    expect(auditCount(reopen().ws)).toBe(before);
    session.close();
  });

  it('shows each return\'s status, an overdue one among them', async () => {
    reopen().ws.write({ channel: 'grid', label: 'plums holder' }, () => session.ws.db.prepare(`UPDATE toy_figures SET holder = 'Carol' WHERE item = 'plums'`).run());
    session.close();
    expect((await cli('returns', 'issue', env.file, '--area', 'toy', '--period', '2023-08', '--out', out, '--owner', 'Carol', '--due', '2023-09-01')).code).toBe(0);
    const status = await cli('returns', 'status', env.file);
    expect(status.code).toBe(0);
    expect(status.out.split('\n').filter(Boolean).map((l) => l.split(' | ').slice(0, 4).join(' | '))).toEqual(['August 2023 | Toy Ledger | Alice | applied', 'August 2023 | Toy Ledger | Bob | applied', 'August 2023 | Toy Ledger | Carol | overdue']);
    const json = JSON.parse((await cli('returns', 'status', env.file, '--json')).out) as { owner: string; status: string; dueDate: string }[];
    expect(json.find((r) => r.owner === 'Carol')).toMatchObject({ status: 'overdue', dueDate: '2023-09-01' });
  });
});
