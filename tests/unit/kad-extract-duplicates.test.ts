import { describe, expect, it } from 'vitest';
import { HashedKeys, PackageRows } from '../../shared/areas/kad/extract/duplicates';
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

  it('names the first row of a package with the same fingerprint, within its own list and past it, and never a row of another package', () => {
    const rows = new PackageRows();
    // Packages 0 to 999 with one row each, fingerprints 1..1000; package 7 then gets 40 more rows.
    for (let p = 0; p < 1000; p++) expect(rows.firstOrAdd(p, p + 1, 5, p + 1)).toBe(0);
    const many: number[] = [];
    for (let i = 0; i < 40; i++) many.push(rows.firstOrAdd(7, 10_000 + i, 5, 2000 + i));
    expect(many.every((r) => r === 0)).toBe(true);
    // Repeats: of a package's only row, of rows early in package 7's list and of rows past it.
    expect(rows.firstOrAdd(3, 4, 5, 3000)).toBe(4);
    expect(rows.firstOrAdd(7, 10_000, 5, 3001)).toBe(2000);
    expect(rows.firstOrAdd(7, 10_014, 5, 3002)).toBe(2014);
    expect(rows.firstOrAdd(7, 10_039, 5, 3003)).toBe(2039);
    // Package 7's first row had fingerprint 8: a repeat of it after 40 more rows is still found.
    expect(rows.firstOrAdd(7, 8, 5, 3004)).toBe(8);
    // The same fingerprint in another package is not a repeat (it cannot be one: the package differs).
    expect(rows.firstOrAdd(8, 10_039, 5, 3005)).toBe(0);
    // Told apart by the second hash too.
    expect(rows.firstOrAdd(3, 4, 6, 3006)).toBe(0);
    expect(rows.firstOrAdd(3, 4, 6, 3007)).toBe(3006);
    // A package met for the first time well past the last one.
    expect(rows.firstOrAdd(5000, 1, 1, 3008)).toBe(0);
    expect(rows.firstOrAdd(5000, 1, 1, 3009)).toBe(3008);
  });
});
