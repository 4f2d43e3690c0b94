import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../main/import/read/context';
import { SheetXmlError, SheetXmlReader, type SheetParts } from '../../main/import/read/sheet-xml';

/**
 * The lean worksheet reader: every kind of cell a sheet holds, read to the value the exceljs path gave,
 * whatever the chunk boundaries; and XML that is not a sheet's (entity declarations, unknown entities,
 * tags left open) refused as damaged rather than expanded or guessed at.
 */
const parts: SheetParts = {
  sharedStrings: ['Residential', { richText: [{ text: 'Nursing ' }, { text: 'Dementia' }] }, ''],
  // Style 1: a plain number format; style 2: a date format; style 3: pounds in thousands.
  numFmt: (s) => ({ 1: '#,##0', 2: 'dd/mm/yyyy', 3: '£#,##0,"k"' })[s],
  date1904: false,
};
const sheet = (data: string, before = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData>${data}</sheetData><!-- end --></worksheet>`;

function readAll(xml: string, chunk = xml.length): SheetRow[] {
  const reader = new SheetXmlReader(parts);
  const rows: SheetRow[] = [];
  for (let i = 0; i < xml.length; i += chunk) rows.push(...reader.push(xml.slice(i, i + chunk)));
  rows.push(...reader.end());
  return rows;
}

const CELLS = sheet(
  [
    '<row r="1" spans="1:11"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" s="4"/></row>',
    '<row r="2"/>',
    '<row r="3"><c r="A3" s="1"><v>1234.5</v></c><c r="B3" s="2"><v>45169</v></c><c r="C3" s="3" t="n"><v>-2000</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#REF!</v></c></row>',
    '<row r="4"><c r="A4" t="inlineStr"><is><r><t>Fish &amp; </t></r><r><t xml:space="preserve">chips</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c><c r="AA4" t="str"><f>"&lt;"&amp;"x"</f><v>&lt;x</v></c></row>',
    '<row r="5"><c r="B5" s="1"><f>B3*0+245</f><v>245</v></c><c r="C5" s="1"><f t="shared" ref="C5:C6" si="0">C3*2</f><v>0</v></c><c r="D5"><f>SUM(A1:A2)</f></c><c r="E5"><f>1/0</f><v>#DIV/0!</v></c></row>',
    '<row r="6"><c r="C6" s="1"><f t="shared" si="0"/><v>7</v></c><c r="D6"><v><![CDATA[12]]></v></c><c r="E6"><v>&#49;&#x32;</v></c></row>',
  ].join(''),
  '<dimension ref="A1:AA6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>',
);

describe('the worksheet reader', () => {
  it('reads every kind of cell to the value the exceljs path gave', () => {
    const rows = readAll(CELLS);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const at = (row: number, col: number) => rows.find((r) => r.number === row)!.cells[col];
    expect(at(1, 1)).toEqual({ address: 'A1', value: { kind: 'text', text: 'Residential' } });
    expect(at(1, 2)!.value).toEqual({ kind: 'text', text: 'Nursing Dementia' });
    expect(at(1, 3)!.value).toEqual({ kind: 'blank' });
    // A cell with a style and nothing in it is no cell at all, as exceljs's eachCell skips it.
    expect(at(1, 4)).toBeUndefined();
    expect(rows[1]!.cells).toEqual([]);
    expect(at(3, 1)!.value).toEqual({ kind: 'number', value: 1234.5, numFmt: '#,##0' });
    expect(at(3, 2)!.value).toEqual({ kind: 'date', date: new Date(Date.UTC(2023, 7, 31)) });
    expect(at(3, 3)!.value).toEqual({ kind: 'number', value: -2000, numFmt: '£#,##0,"k"' });
    expect(at(3, 4)!.value).toEqual({ kind: 'bool', value: true });
    expect(at(3, 5)!.value).toEqual({ kind: 'error', text: '#REF!' });
    expect(at(4, 1)!.value).toEqual({ kind: 'text', text: 'Fish & chips' });
    expect(at(4, 27)).toEqual({ address: 'AA4', value: { kind: 'text', text: '<x' } });
    expect(at(5, 2)!.value).toEqual({ kind: 'number', value: 245, numFmt: '#,##0' });
    // A saved zero is a value, not a missing one.
    expect(at(5, 3)!.value).toEqual({ kind: 'number', value: 0, numFmt: '#,##0' });
    expect(at(5, 4)!.value).toEqual({ kind: 'formula-no-value', formula: 'SUM(A1:A2)' });
    expect(at(5, 5)!.value).toEqual({ kind: 'formula-error', formula: '1/0' });
    expect(at(6, 4)!.value).toEqual({ kind: 'number', value: 12, numFmt: undefined });
    expect(at(6, 5)!.value).toEqual({ kind: 'number', value: 12, numFmt: undefined });
  });

  it('reads a filled-down (shared) formula by its saved value, as Excel writes every cell after the first', () => {
    // exceljs read these as formulas with no saved value, refusing most filled-down columns.
    const rows = readAll(CELLS);
    expect(rows[5]!.cells[3]).toEqual({ address: 'C6', value: { kind: 'number', value: 7, numFmt: '#,##0' } });
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    const whole = readAll(CELLS);
    for (const chunk of [1, 2, 3, 7, 64]) expect(readAll(CELLS, chunk)).toEqual(whole);
  });

  it.each([
    ['entity declarations (a "billion laughs" file)', `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`],
    ['an entity never declared', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>')],
    ['a bare ampersand', sheet('<row r="1"><c r="A1" t="str"><v>Fish & chips</v></c></row>')],
    ['a tag left open', sheet('<row r="1"><c r="A1"</row>')],
    ['tags closed out of order', sheet('<row r="1"><c r="A1"><v>1</c></v></row>')],
    ['a part cut short', sheet('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -30)],
    ['a row without its number', sheet('<row><c r="A1"><v>1</v></c></row>')],
    ['a cell reference that is no cell', sheet('<row r="1"><c r="1A"><v>1</v></c></row>')],
    ['a column past the last one Excel has', sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')],
    ['an unquoted attribute', sheet('<row r=1><c r="A1"><v>1</v></c></row>')],
    ['a second root element', `${sheet('')}<worksheet/>`],
    ['text outside the root', `${sheet('')}trailing`],
  ])('refuses %s as damaged, expanding nothing', (_what, xml) => {
    expect(() => readAll(xml)).toThrow(SheetXmlError);
    expect(() => readAll(xml, 5)).toThrow(SheetXmlError);
  });
});
