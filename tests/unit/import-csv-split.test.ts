import { afterAll, describe, expect, it } from 'vitest';
import { csvRecordsFrom, csvRows, type CsvSplit } from '../../main/import/read/csv';
import { scratch } from '../import-fixtures/sink';

/**
 * A CSV file read in two parts (records.ts's later part): the first part stops exactly at the line the
 * later one starts at, when a record ends there, and the two give the records of one read; a point inside
 * a quoted field is not handed over.
 */
const dir = scratch('outturn-csv-split-');
afterAll(() => dir.remove());

const fieldsOf = (row: { cells: ({ value: { kind: string; text?: string } } | undefined)[] }) => Array.from(row.cells, (c) => c?.value.text ?? '').slice(1);
const lines = Array.from({ length: 12_000 }, (_, i) => `P${i},"a, quoted ${i}",${i % 7 ? 'x' : ''},£${i}.50`);

async function read(file: string, split?: CsvSplit): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of csvRows(file, 'utf-8', undefined, split)) out.push(fieldsOf(row));
  return out;
}

/** The rows of one read, with empty trailing fields dropped as a row's cells drop them. */
const trimmed = (records: string[][]) => records.map((f) => f.slice(0, f.findLastIndex((x) => x !== '') + 1));

describe('a CSV file read in two parts', () => {
  it('hands over at the start of a line, the later part keeping a byte order mark that starts it as text', async () => {
    const later = 9000;
    lines[later] = `\ufeff${lines[later]}`;
    const text = `Package,Note,Flag,Cost\r\n${lines.join('\r\n')}\r\n`;
    const file = dir.file('split.csv', text);
    const at = Buffer.byteLength(text.slice(0, text.indexOf('\ufeff')));
    const split: CsvSplit = { at, delimiter: null, rowsBefore: 0, handedOff: null };
    const first = await read(file, split);
    expect(split).toEqual({ at, delimiter: ',', rowsBefore: later + 1, handedOff: true });
    const rest: string[][] = [];
    await csvRecordsFrom(file, 'utf-8', ',', at, (f) => rest.push(f));
    expect(rest[0]![0]).toBe(`\ufeffP${later}`);
    expect([...first, ...trimmed(rest)]).toEqual(await read(file));
  });

  it('reads on alone when the point falls inside a quoted field holding line breaks', async () => {
    const text = `Package,Note,Flag,Cost\r\n${lines.slice(0, 9000).join('\r\n')}\r\nP-long,"one\r\ntwo\r\nthree",x,£1\r\n${lines.slice(9000).join('\r\n')}\r\n`;
    const file = dir.file('quoted.csv', text);
    const at = Buffer.byteLength(text.slice(0, text.indexOf('two')));
    const split: CsvSplit = { at, delimiter: null, rowsBefore: 0, handedOff: null };
    const all = await read(file, split);
    expect(split.handedOff).toBe(false);
    expect(all).toEqual(await read(file));
    expect(all).toContainEqual(['P-long', 'one\r\ntwo\r\nthree', 'x', '£1']);
  });
});
