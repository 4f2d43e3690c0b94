import { afterAll, describe, expect, it } from 'vitest';
import type { ImportColumn, ReadableSpec, RowKind } from '../../main/import/spec';
import { read, scratch } from '../import-fixtures/sink';

/**
 * The reader's hooks for tables that state their month or labels unusually (Appendix 5's): a header naming
 * the month, a title alone as a contents mention, labels under a blank header, the file's own "Period:"
 * line, and a note after the closing total. A toy layout, so the hooks are tested apart from any area.
 */
const dir = scratch('outturn-import-hooks-');
afterAll(() => dir.remove());

function toySpec(options: Partial<ReadableSpec> = {}, columns: ImportColumn[] = []): ReadableSpec {
  return {
    id: 'toy',
    name: 'Toy Schedule',
    exampleTitle: '9.1 Toy Schedule',
    columns: [
      { key: 'label', role: 'label', header: 'Item', aliases: ['item'], required: false },
      { key: 'amount', role: 'input', header: 'Amount', aliases: ['amount'], unit: 'gbp_000q', required: true },
      { key: 'other', role: 'input', header: 'Other', aliases: ['other'], unit: 'gbp_000q', required: false },
      ...columns,
    ],
    dotAfter: {},
    rowNoun: 'item',
    labelHeader: 'Item',
    titledOnly: true,
    isTitle: (text) => /toy schedule/i.test(text),
    parseTitle: () => ({ subject: 'Toys', month: null }),
    isBandText: () => false,
    bandMonth: () => null,
    subjects: { noun: 'thing', list: [{ id: 'toys', name: 'Toys' }], allowNew: false, idFor: () => '' },
    rowByLabel: (label): RowKind | null => (/^total/i.test(label) ? { kind: 'reported', key: 'total', closesTable: true } : { kind: 'line', key: label.toLowerCase() }),
    rowByKey: () => null,
    ...options,
  };
}

const MOVEMENTS: ImportColumn = { key: 'moved', role: 'input', header: 'Moved to <month>', aliases: ['moved to march', 'moved to august'], unit: 'gbp_000q', namesMonth: true, required: false };

describe('reader hooks', () => {
  it("takes the month from a header naming it, the header's financial year giving March its year", async () => {
    const file = dir.file('months.csv', '9.1 Toy Schedule\nItem,Amount,Moved to March 2023/24\nA,1,2\n');
    const { rec, messages } = await read(file, { specs: [toySpec({}, [MOVEMENTS])] });
    expect(messages).toEqual([]);
    expect(rec.tables.map((t) => t.period)).toEqual(['2024-03']);
  });

  it('passes over a title no header follows when the layout says a title alone is a mention, and refuses it otherwise', async () => {
    const csv = 'Period: August 2023\nContents\n9.1 Toy Schedule\n\n9.1 Toy Schedule\nItem,Amount,Other\nA,1,2\nTotal,1,2\n';
    const mention = await read(dir.file('mention.csv', csv), { specs: [toySpec({ titleAloneIsMention: true })] });
    expect(mention.messages).toEqual([]);
    // The month is the file's own "Period:" line, as a pack's contents sheet states it.
    expect(mention.rec.tables.map((t) => [t.row, t.period])).toEqual([[5, '2023-08']]);
    const strict = await read(dir.file('strict.csv', csv), { specs: [toySpec()] });
    expect(strict.messages).toEqual(['strict!A3: no header row (Item, Amount, …) follows this title']);
  });

  it('reads labels under a blank header when the layout says so, and ends the table at a note after its total', async () => {
    const csv = 'Period: August 2023\n9.1 Toy Schedule\n,Amount,Other,Third\nA,1,2,\nB,3,4,\nTotal,4,6,\n,A note across the table,,\n';
    const third: ImportColumn = { key: 'third', role: 'input', header: 'Third', aliases: ['third'], unit: 'gbp_000q', required: false };
    const { rec, messages } = await read(dir.file('unheaded.csv', csv), { specs: [toySpec({ labelUnheaded: true }, [third])] });
    expect(messages).toEqual([]);
    expect(rec.lines.map((l) => [l.lineKey, l.values])).toEqual([
      ['a', { amount: 100, other: 200, third: null }],
      ['b', { amount: 300, other: 400, third: null }],
    ]);
    const without = await read(dir.file('headed.csv', csv), { specs: [toySpec({}, [third])] });
    expect(without.messages[0]).toBe('headed!3: the column "Item" is missing');
  });
});
