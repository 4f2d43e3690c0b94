import { describe, expect, it } from 'vitest';
import { HashedKeys } from '../../shared/areas/kad/extract/duplicates';
import { RowFingerprint } from '../../main/areas/kad/extract/cells';
import type { CellValue } from '../../main/import/read/cells';

const text = (t: string) => ({ value: { kind: 'text', text: t } as CellValue });
const row = (...cells: (string | undefined)[]) => cells.map((c) => (c === undefined ? undefined : text(c)));
const print = (cells: ReturnType<typeof row>) => {
  const p = new RowFingerprint().of(cells);
  return [p.a, p.b];
};

describe('telling an exact repeat of a row', () => {
  it('gives rows that read the same one fingerprint, and rows that differ in any cell, or where a cell falls, another', () => {
    const base = row(undefined, 'P1', '01/04/2023', '', '£400.00', 'PK9');
    expect(print(row(undefined, 'P1', '01/04/2023', '', '£400.00', 'PK9'))).toEqual(print(base));
    // Spaces around a value, and blank cells after the last value, change nothing.
    expect(print(row(undefined, ' P1 ', '01/04/2023', undefined, '£400.00', 'PK9', '', ''))).toEqual(print(base));
    const others = [
      row(undefined, 'P2', '01/04/2023', '', '£400.00', 'PK9'),
      row(undefined, 'P1', '2023-04-01', '', '£400.00', 'PK9'),
      row(undefined, 'P1', '01/04/2023', '£400.00', '', 'PK9'),
      row(undefined, 'P1', '01/04/2023', '', '£400.00', 'PK9', 'x'),
      row(undefined, 'P1', '01/04/2023', '', '£400.00'),
      row(undefined, 'P1', '01/04/20', '23', '£400.00', 'PK9'),
      // The same text split differently between two cells.
      row(undefined, 'P', '1', '01/04/2023', '', '£400.00', 'PK9'),
    ];
    expect(print(row('ab', 'c'))).not.toEqual(print(row('a', 'bc')));
    const prints = new Set([base, ...others].map((r) => print(r).join()));
    expect(prints.size).toBe(others.length + 1);
  });

  it('names the first row with a fingerprint for each repeat, over enough rows to grow its table many times', () => {
    const seen = new HashedKeys(4);
    const rows = 200_000;
    let firstTimeRepeats = 0;
    for (let r = 1; r <= rows; r++) if (seen.firstOrAdd(Math.imul(r, 0x9e3779b1), r % 7, r) !== 0) firstTimeRepeats++;
    expect(firstTimeRepeats).toBe(0);
    const repeats: number[] = [];
    for (let r = 1; r <= rows; r += 997) repeats.push(seen.firstOrAdd(Math.imul(r, 0x9e3779b1), r % 7, rows + r));
    expect(repeats).toEqual(Array.from({ length: repeats.length }, (_, i) => 1 + i * 997));
    // Keys sharing their first hash are told apart by the second.
    const shared = new HashedKeys(4);
    const told: number[] = [];
    for (let b = 1; b <= 1000; b++) told.push(shared.firstOrAdd(42, b, b));
    expect(told.filter((r) => r !== 0)).toEqual([]);
    expect(shared.firstOrAdd(42, 500, 5000)).toBe(500);
  });
});
