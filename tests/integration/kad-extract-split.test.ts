import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { tempDemo } from '../helpers/workspace';
import { scratch } from '../import-fixtures/sink';
import { LATER_SHARE, LaterPart } from '../../main/import/read/later-part';
import { ExtractReading } from '../../main/areas/kad/extract/reader';

/**
 * A large extract is read in two parts at once (the later part packed on a thread of its own): the
 * import must come out exactly as when one thread reads the whole file — the same notes with their row
 * numbers (a row of the later part repeating one of the first), the same problems naming the same
 * cells, the same figures — and when the point the later part would start at falls inside a quoted
 * field holding line breaks, the file is read by one thread after all; and should that thread fail
 * part-way, the import's thread reads on from the first record it had not given.
 */
const files = scratch('outturn-extract-split-');
afterAll(() => files.remove());
afterEach(() => vi.restoreAllMocks());
const ROOT = path.resolve(__dirname, '../..');
const MONTHS = { from: '2022-04', to: '2023-08' };

/** The demo's generator padded to `rows` rows: its last rows repeat earlier ones and break the rules, for the findings. */
function generated(rows: number): string {
  const file = files.file(`generated-${rows}.csv`);
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/care-extract.mjs'), file, '--rows', String(rows)], { cwd: ROOT });
  return fs.readFileSync(file, 'utf8');
}

/** Imports `file` into a fresh demo, in two parts or one, and says what came of it. */
async function imported(file: string, twoParts: boolean) {
  const demo = tempDemo();
  try {
    const s = demo.open();
    const id = await s.imports.start(file, { months: MONTHS, limits: { splitRecordsBytes: twoParts ? 0 : Number.POSITIVE_INFINITY } });
    const status = await s.imports.settled(id);
    const applied = status.state === 'ready' ? await s.imports.apply(id) : status;
    const figures = s.ws.db.prepare('SELECT * FROM kad_lines ORDER BY period, service_id, line_key').all();
    const extract = s.ws.db.prepare('SELECT period, service_id, line_key, current_packages, current_unit_cost, committed_k FROM kad_extract_figures ORDER BY 1, 2, 3').all();
    const { elapsedMs: _e, jobId: _j, ...said } = applied;
    return { said: { ...said, backup: null, result: undefined }, figures, extract };
  } finally {
    demo.done();
  }
}

describe('a large extract read in two parts at once', () => {
  const text = generated(30_000);

  it('gives the figures, notes and row numbers of one read, a later row repeating an earlier one', async () => {
    const file = files.file('large.csv', text);
    const batches = vi.spyOn(LaterPart.prototype, 'batches');
    const two = await imported(file, true);
    expect(batches).toHaveBeenCalledTimes(1);
    const one = await imported(file, false);
    expect(batches).toHaveBeenCalledTimes(1);
    expect(two.said.state).toBe('applied');
    expect(two.said.notes.some((n) => /^Row 300\d\d, package .*: repeats an earlier row exactly \(row \d{1,4}\d\)/.test(n))).toBe(true);
    expect(two).toEqual(one);
  });

  it('names the same cells when rows of the later part cannot be read', async () => {
    const lines = text.split('\r\n');
    // A weekly cost, an end date and a date of birth no one can read, in rows of the later part.
    const at = (row: number) => lines[row - 1]!.split(',');
    const broken = new Map([
      [25_001, (f: string[]) => ((f[7] = '£12.3.4'), f)],
      [27_500, (f: string[]) => ((f[6] = '31/02/2023'), f)],
      [29_000, (f: string[]) => ((f[1] = 'yesterday'), f)],
    ]);
    for (const [row, edit] of broken) lines[row - 1] = edit(at(row)).join(',');
    const file = files.file('broken.csv', lines.join('\r\n'));
    const batches = vi.spyOn(LaterPart.prototype, 'batches');
    const two = await imported(file, true);
    expect(batches).toHaveBeenCalledTimes(1);
    const one = await imported(file, false);
    expect(two.said.state).toBe('refused');
    expect(two.said.problems).toEqual([
      'broken!H25001: "£12.3.4" is not an amount in pounds and pence (for example 1234.56 or £1,234.56)',
      'broken!G27500: "31/02/2023" is not a date Outturn can read (write it as dd/mm/yyyy, yyyy-mm-dd, or as an Excel date)',
      'broken!B29000: is not a date of birth Outturn can read (dd/mm/yyyy, yyyy-mm-dd or an Excel date); the value is not shown, as it is personal data',
    ]);
    expect(two).toEqual(one);
  });

  it('reads the file in one part when a quoted field with line breaks runs over the point the later part would start at', async () => {
    const lines = text.split('\r\n');
    const total = Buffer.byteLength(text) + 200_000;
    const point = Math.floor(total * (1 - LATER_SHARE));
    // A provider written over many lines, from well before that point to well after it.
    let bytes = 0;
    let row = 0;
    while (bytes + Buffer.byteLength(lines[row]!) + 2 < point - 100_000) bytes += Buffer.byteLength(lines[row++]!) + 2;
    const fields = lines[row]!.split(',');
    fields[9] = `"${'Unity Homecare\r\n'.repeat(200_000 / 16 - 1)}Unity Homecare"`;
    lines[row] = fields.join(',');
    const file = files.file('quoted.csv', lines.join('\r\n'));
    const start = vi.spyOn(LaterPart, 'start');
    const batches = vi.spyOn(LaterPart.prototype, 'batches');
    const two = await imported(file, true);
    expect(await start.mock.results[0]!.value).toBeInstanceOf(LaterPart);
    expect(batches).not.toHaveBeenCalled();
    const one = await imported(file, false);
    expect(two.said.state).toBe('applied');
    expect(two).toEqual(one);
  });

  it('reads the rest itself, from the first record not given, when the later part’s thread fails part-way', async () => {
    const file = files.file('failing.csv', text);
    const packing = ExtractReading.prototype.packing;
    // The real entry, whose thread fails as it posts its second batch of records.
    vi.spyOn(ExtractReading.prototype, 'packing').mockImplementation(function (this: ExtractReading) {
      const real = packing.call(this)!;
      const entry = files.file(
        'failing-entry.js',
        `const { parentPort } = require('node:worker_threads');
         const post = parentPort.postMessage.bind(parentPort);
         let batches = 0;
         parentPort.postMessage = (m, t) => { if (m.type === 'batch' && ++batches > 1) throw new Error('out of memory, say'); return post(m, t); };
         require(${JSON.stringify(real.entry)});`,
      );
      return { ...real, entry };
    });
    const feed = vi.spyOn(LaterPart.prototype, 'feed');
    const two = await imported(file, true);
    expect(feed).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    const one = await imported(file, false);
    expect(two.said.state).toBe('applied');
    expect(two).toEqual(one);
  });
});
