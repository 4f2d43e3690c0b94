import { afterEach, expect, it } from 'vitest';
import { areas } from '../../main/areas';
import { HeldMonths, rollForwardInto } from '../../main/core/months';
import { tempDemo } from '../helpers/workspace';

/**
 * A step creating several months keeps one HeldMonths: each month it adds must be found in its place,
 * whatever order they come in, so each later month rolls forward from the latest earlier one.
 */
const envs: ReturnType<typeof tempDemo>[] = [];
afterEach(() => {
  for (const e of envs.splice(0)) e.done();
});

it('finds each month added, in order, as the latest before a later one', () => {
  const env = tempDemo();
  envs.push(env);
  const { ws } = env.open();
  const kad = areas().find((a) => a.shared.id === 'kad')!;
  const held = new HeldMonths(ws);
  expect(held.latestBefore(kad, '2023-12')).toBe('2023-08');
  ws.write({ channel: 'import', label: 'months' }, () => {
    for (const m of ['2023-11', '2023-09', '2023-10']) rollForwardInto(ws, m, held);
  });
  expect(['2023-09', '2023-10', '2023-11', '2023-12'].map((m) => held.latestBefore(kad, m))).toEqual(['2023-08', '2023-09', '2023-10', '2023-11']);
  expect(held.has(kad, '2023-10')).toBe(true);
  // Adding a month twice keeps it once.
  held.added(kad, '2023-10');
  expect(['2023-11', '2023-12'].map((m) => held.latestBefore(kad, m))).toEqual(['2023-10', '2023-11']);
  const lines = ws.db.prepare(`SELECT period, COUNT(*) FROM kad_lines WHERE period > '2023-08' GROUP BY period ORDER BY period`).raw().all() as unknown[][];
  expect(lines.map((r) => r[0])).toEqual(['2023-09', '2023-10', '2023-11']);
});
