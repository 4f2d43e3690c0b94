import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { amountOf, dotOf, numberToHundredths, textOf } from '../../main/import/read/cells';
import { csvRows, sniffDelimiter } from '../../main/import/read/csv';
import { normaliseHeader } from '../../main/import/read/headers';
import { findMonth, LabelIndex, NameIndex } from '../../main/import/read/names';
import { kadReadableSpec, parseKadTitle as parseTitle } from '../../main/areas/kad/import/spec';
import { displayDivisor } from '../../main/import/read/number-format';
import { readWorkbook } from '../../main/import/read/index';
import { buildCommitteeWorkbook } from '../import-fixtures/committee';
import { publishedTables, SERVICE_TYPE_OPTIONS, servicesOf } from '../import-fixtures/published';
import { read, readOptions, recordingSink, scratch } from '../import-fixtures/sink';

const tables = publishedTables();
const services = servicesOf(tables);
const index = new NameIndex(services);
const types = new LabelIndex(SERVICE_TYPE_OPTIONS);
const dir = scratch();
afterAll(() => dir.remove());

describe('number formats', () => {
  it.each([
    ['"£"#,##0"k"', 28942, 1],
    ['£#,##0,"k"', 28942123, 1000],
    ['£#,##0,\\k', 28942123, 1000],
    ['[$£-809]#,##0,"k";[Red]-[$£-809]#,##0,"k"', -289000, 1000],
    ['#,##0,"k";-#,##0', -289000, 1],
    ['#,##0,,"m"', 5_000_000, 1_000_000],
    ['#,##0', 1547, 1],
    ['0.0,', 1500, 1000],
    [undefined, 5, 1],
  ] as const)('%s shows %d divided by %d', (fmt, value, divisor) => {
    expect(displayDivisor(fmt, value)).toBe(divisor);
  });

  it('rounds stored numbers to hundredths on what Excel shows, half away from zero', () => {
    expect(numberToHundredths(2271.5)).toBe(227150);
    expect(numberToHundredths(1.005)).toBe(101);
    expect(numberToHundredths(0.1 + 0.2)).toBe(30);
    expect(numberToHundredths(-28942.123)).toBe(-2894212);
    expect(numberToHundredths(-0.125)).toBe(-13);
    expect(numberToHundredths(1e13)).toBeNull();
  });
});

describe('cells', () => {
  it('reads amounts: text through parseAmount, numbers in the displayed unit, blank as null', () => {
    expect(amountOf({ kind: 'text', text: '£28,942k' }, { unit: 'gbp_k' })).toEqual({ ok: true, value: 2894200 });
    expect(amountOf({ kind: 'text', text: '£k' }, { unit: 'gbp_k' })).toEqual({ ok: true, value: 0 });
    expect(amountOf({ kind: 'text', text: '-£289k' }, { unit: 'gbp_k' })).toEqual({ ok: true, value: -28900 });
    expect(amountOf({ kind: 'text', text: '1,819' }, { unit: 'gbp_week' })).toEqual({ ok: true, value: 181900 });
    expect(amountOf({ kind: 'text', text: '-0' }, { unit: 'count' })).toEqual({ ok: true, value: 0 });
    expect(amountOf({ kind: 'text', text: '2271.125' }, { unit: 'gbp_week' })).toEqual({ ok: false, reason: 'has more than two decimal places' });
    expect(amountOf({ kind: 'number', value: 28942123, numFmt: '£#,##0,"k"' }, { unit: 'gbp_k' })).toEqual({ ok: true, value: 2894212 });
    expect(amountOf({ kind: 'number', value: -0 }, { unit: 'gbp_k' })).toEqual({ ok: true, value: 0 });
    expect(amountOf({ kind: 'blank' }, { unit: 'count' })).toEqual({ ok: true, value: null });
    expect(amountOf({ kind: 'bool', value: true }, { unit: 'gbp_k' })).toEqual({ ok: false, reason: 'is not an amount of money' });
  });

  it('reads a percentage cell as shown (a fraction formatted with %), and a plain number as written', () => {
    expect(amountOf({ kind: 'number', value: -0.01, numFmt: '0%' }, { unit: 'percent' })).toEqual({ ok: true, value: -100 });
    expect(amountOf({ kind: 'number', value: 0.125, numFmt: '0.0%' }, { unit: 'percent' })).toEqual({ ok: true, value: 1250 });
    expect(amountOf({ kind: 'number', value: 5, numFmt: 'General' }, { unit: 'percent' })).toEqual({ ok: true, value: 500 });
    expect(amountOf({ kind: 'text', text: '-1%' }, { unit: 'percent' })).toEqual({ ok: true, value: -100 });
  });

  it('keeps text verbatim in text columns and reads arrows', () => {
    expect(textOf({ kind: 'text', text: '=cmd|\' /C calc\'!A0' })).toEqual({ ok: true, value: '=cmd|\' /C calc\'!A0' });
    expect(textOf({ kind: 'formula-no-value', formula: 'A1' })).toEqual({ ok: false, reason: 'is a formula with no saved value: open the file in Excel, save it, and import again' });
    expect(['↑', '↓', '↔', ' ', 'Up'].map((t) => dotOf({ kind: 'text', text: t }))).toEqual([
      { ok: true, value: 'up' }, { ok: true, value: 'down' }, { ok: true, value: 'flat' }, { ok: true, value: null }, { ok: true, value: 'up' },
    ]);
  });
});

describe('names', () => {
  it('normalises headers', () => {
    expect(normaliseHeader('Expected No. of Care Packages 2023/24')).toEqual({ norm: 'expected no of care packages', fyStart: 2023 });
    expect(normaliseHeader('Total spend/ income').norm).toBe(normaliseHeader('TOTAL SPEND /INCOME (£k)').norm);
    expect(normaliseHeader('Annual\u00a0\r\nBudget £000').norm).toBe('annual budget');
  });

  it('finds the service of each published caption and band', () => {
    for (const t of tables) {
      const title = parseTitle(t.caption)!;
      expect(title.month).toEqual({ period: '2023-08', said: 'August 2023' });
      expect(index.inCaption(title.subject)?.name).toBe(t.title);
      expect(index.inCaption(t.column_bands_published[0]!)?.name).toBe(t.title);
    }
    expect(parseTitle('5. Key Activity Data')).toBeNull();
    expect(parseTitle('In the following key activity data for Adults & Safeguarding …')).toBeNull();
    expect(index.inCaption('Physical Disabilities Services for Under 65')?.id).toBe('physical-disabilities-under-65');
  });

  it('reads months as officers write them', () => {
    expect(findMonth('Aug 23')?.period).toBe('2023-08');
    expect(findMonth('2023-08')?.period).toBe('2023-08');
    expect(findMonth('Sept 2023')?.period).toBe('2023-09');
    expect(findMonth('end of February', 2023)?.period).toBe('2024-02');
    expect(findMonth('end of June', null)).toEqual({ period: null, said: 'June' });
  });

  it('matches service types however they are spelt', () => {
    expect(types.byLabel('~Home care')?.id).toBe('homecare');
    expect(types.byLabel('Live-in care')?.id).toBe('live_in_care');
    expect(types.byLabel('~Massage')).toBeNull();
  });
});

describe('CSV records', () => {
  it('sniffs the delimiter from the header line', () => {
    expect(sniffDelimiter('Key activity data at the end of August 2023 for Autism\nService Type;Annual Budget;Variance\n~Residential;"£1,234k";£5k')).toBe(';');
    expect(sniffDelimiter('Service Type\tAnnual Budget\n')).toBe('\t');
    expect(sniffDelimiter('a,b,"c;d"\n')).toBe(',');
  });

  it('parses quotes, doubled quotes and line breaks inside quotes, across chunk boundaries', async () => {
    const text = 'a,"b ""quoted"", and\nmore",c\r\n\r\n"",x,"' + 'y'.repeat(70_000) + '"\nlast';
    const file = dir.file('records.csv', text);
    const rows = [];
    for await (const row of csvRows(file, 'utf-8')) rows.push(row);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.cells.map((c) => c && (c.value as { text: string }).text)).toEqual([undefined, 'a', 'b "quoted", and\nmore', 'c']);
    expect(rows[1]!.cells).toEqual([]);
    expect(rows[2]!.cells[2]!.value).toEqual({ kind: 'text', text: 'x' });
    expect((rows[2]!.cells[3]!.value as { text: string }).text).toHaveLength(32_767);
    expect(rows[3]!.cells[1]).toEqual({ address: 'A4', value: { kind: 'text', text: 'last' } });
  });
});

describe('reading', () => {
  it('reads a header cell merged down over the band row', async () => {
    const file = dir.file('merged-down.xlsx', await buildCommitteeWorkbook(tables.slice(0, 1), {
      asText: true, repeatHeaders: false, stacked: false,
      patch: (wb) => {
        const ws = wb.worksheets[0]!;
        ws.getCell('A3').value = 'Service Type';
        ws.getCell('A4').value = null;
        ws.mergeCells('A3:A4');
      },
    }));
    const { messages, rec } = await read(file);
    expect(messages).toEqual([]);
    expect(rec.lines).toHaveLength(tables[0]!.rows.length + 1);
  });

  it('skips hidden sheets', async () => {
    const buffer = await buildCommitteeWorkbook(tables.slice(0, 2), { asText: true, repeatHeaders: false, stacked: false, patch: (w) => void (w.worksheets[1]!.state = 'hidden') });
    const { rec, messages } = await read(dir.file('hidden.xlsx', buffer));
    expect(messages).toEqual([]);
    expect(rec.tables.map((t) => t.subjectId)).toEqual(['learning-disability-partnership']);
  });

  it('reports progress every 500 rows and at the end', async () => {
    const buffer = await buildCommitteeWorkbook(tables.slice(0, 1), {
      asText: true, repeatHeaders: false, stacked: false,
      patch: (wb) => {
        const notes = wb.addWorksheet('Notes');
        for (let r = 1; r <= 1200; r++) notes.getCell(r, 1).value = `note ${r}`;
      },
    });
    const { rec, rowsRead } = await read(dir.file('progress.xlsx', buffer));
    expect(rowsRead).toBe(20 + 1200); // the title, 17 table rows and two notes, then the notes sheet
    expect(rec.progress).toEqual([500, 1000, 1220]);
  });

  it('stops promptly when cancelled and says nothing afterwards', async () => {
    const buffer = await buildCommitteeWorkbook(tables, {
      asText: true, repeatHeaders: false, stacked: true,
      patch: (wb) => {
        const notes = wb.addWorksheet('Notes');
        for (let r = 1; r <= 20_000; r++) notes.getCell(r, 1).value = `note ${r}`;
      },
    });
    const file = dir.file('cancel.xlsx', buffer);
    const controller = new AbortController();
    const { sink, rec } = recordingSink();
    let afterAbort = 0;
    const watching = {
      ...sink,
      progress: (n: number) => {
        if (controller.signal.aborted) afterAbort++;
        sink.progress(n);
        if (n >= 500) controller.abort();
      },
      line: (l: Parameters<typeof sink.line>[0]) => (controller.signal.aborted ? afterAbort++ : sink.line(l)),
      problem: (p: Parameters<typeof sink.problem>[0]) => (controller.signal.aborted ? afterAbort++ : sink.problem(p)),
    };
    const started = Date.now();
    const result = await readWorkbook(file, watching, { ...readOptions(), signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(afterAbort).toBe(0);
    expect(rec.progress).toEqual([500]);
    expect(result.rowsRead).toBeLessThan(1000);

    const before = new AbortController();
    before.abort();
    expect(await readWorkbook(file, sink, { ...readOptions(), signal: before.signal })).toEqual({ rowsRead: 0, layout: null });
  });

  it('reads the parts in the order it needs them, whatever their order in the zip', async () => {
    const buffer = await buildCommitteeWorkbook(tables.slice(0, 3), { asText: false, repeatHeaders: true, stacked: false, scaled: 'alternate' });
    const zip = await JSZip.loadAsync(buffer);
    const reversed = new JSZip();
    for (const name of Object.keys(zip.files).reverse()) if (!zip.files[name]!.dir) reversed.file(name, await zip.file(name)!.async('nodebuffer'));
    const asWritten = await read(dir.file('order-written.xlsx', buffer));
    const backwards = await read(dir.file('order-reversed.xlsx', await reversed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })));
    expect(backwards.messages).toEqual([]);
    expect(backwards.rec.lines).toEqual(asWritten.rec.lines);
    expect(backwards.rec.reported).toEqual(asWritten.rec.reported);
    expect(asWritten.rec.tables).toHaveLength(3);
  });

  it('reads a table without a title from its band, and a template sheet beside a committee one', async () => {
    const buffer = await buildCommitteeWorkbook(tables.slice(0, 1), {
      asText: true, repeatHeaders: false, stacked: false,
      patch: (wb) => {
        wb.worksheets[0]!.getCell('A1').value = null;
        const autism = wb.addWorksheet('Autism');
        autism.addRow(['Key', 'Service Type', 'Expected No. of Care Packages', 'Budgeted Average Unit Cost (per week)', 'Annual Budget', 'Current Care Packages', 'Current Average Unit Cost (per week)', 'Total spend/ income']);
        autism.addRow(['residential', 'Residential', 4, 1835, 293, 3, 1777, 249]);
      },
    });
    const { messages, rec, layout } = await read(dir.file('mixed.xlsx', buffer), { period: '2023-08' });
    expect(messages).toEqual([]);
    expect(layout).toBe('mixed');
    expect(rec.tables.map((t) => [t.subjectId, t.layout, t.row])).toEqual([['learning-disability-partnership', 'committee', 4], ['autism', 'template', 1]]);
  });

  it('needs no service list entry for a service it does not see', async () => {
    const { messages } = await read(dir.file('ldp-only.xlsx', await buildCommitteeWorkbook(tables.slice(0, 1), { asText: true, repeatHeaders: false, stacked: false })), {
      specs: [kadReadableSpec(services.filter((s) => s.id === 'learning-disability-partnership'), SERVICE_TYPE_OPTIONS)],
    });
    expect(messages).toEqual([]);
  });
});
