import { BLANK, type Cell, type CellValue } from './cells';
import type { SheetRow } from './context';

/**
 * A lean reader of one worksheet part's XML (`<sheetData>`: rows, cells, values, formulas), fed the
 * part's text chunk by chunk. It replaces exceljs's sheet parser (a general SAX parser building a cell
 * object per cell), which was most of an import's reading time, and gives each cell exactly the value
 * the exceljs path gave: shared strings and styles still come from exceljs, read once per file. Text is
 * checked as XML as far as a sheet needs: tags nest and close, attributes are quoted, only the five
 * predefined entities and character references are known, and a DOCTYPE (the way to declare entities,
 * as a "billion laughs" file does) is refused, so nothing expands. Anything else is a SheetXmlError,
 * which the caller reports as a damaged sheet.
 */
export class SheetXmlError extends Error {}

/** What a cell needs from the workbook's other parts. */
export interface SheetParts {
  /** exceljs's cached shared strings: a string, or `{ richText: [{ text }] }`. */
  sharedStrings: readonly unknown[];
  /** The number format of a cell style (`s` attribute), if any. */
  numFmt(style: number): string | undefined;
  date1904: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_COLUMN = 16384;
const NAME_END = /[\s/>]/;

function fail(why: string): never {
  throw new SheetXmlError(why);
}

/** Replaces entity and character references; an unknown entity or a bare `&` is malformed XML. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) fail('a bare & in text');
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : /^\d+$/.test(name.slice(1)) ? Number(name.slice(1)) : NaN;
      if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|\d+)$/.test(name)) fail(`a bad character reference &${name};`);
      return String.fromCodePoint(code);
    }
    const known = ENTITIES[name];
    if (known === undefined) fail(`an unknown entity &${name};`);
    return known;
  });
}

const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** A tag's attributes (`r`, `s`, `t`): each must be name="value" or name='value'. */
function attributes(text: string, from: number): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = from;
  let at = from;
  for (;;) {
    const m = ATTRIBUTE.exec(text);
    if (!m) break;
    out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
    at = ATTRIBUTE.lastIndex;
  }
  if (text.slice(at).trim() !== '') fail('a malformed attribute');
  return out;
}

/** Column letters to a number (A = 1); null when not a column of a worksheet. */
function columnNumber(letters: string): number | null {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n >= 1 && n <= MAX_COLUMN ? n : null;
}

const CELL_REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
/** A cell as Excel writes most: reference, style and type in that order, and a plain value or none. */
const SIMPLE_CELL = /<c r="([A-Z]{1,3})[1-9]\d{0,6}"(?: s="(\d{1,9})")?(?: t="([a-zA-Z]{1,9})")?(?:\/>|>(?:<v>([^<&]*)<\/v>)?<\/c>)/y;
/** A row's start tag: its number, then any plainly quoted attributes. */
const SIMPLE_ROW = /<row r="([1-9]\d{0,8})"(?:\s+[A-Za-z][\w:.-]*="[^"<&]*")*\s*(\/)?>/y;

/** exceljs's test for a date format: date letters outside quotes and brackets. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

type RichText = { richText?: { text?: unknown }[] };

function sharedStringValue(v: unknown): CellValue | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? BLANK : { kind: 'text', text: v };
  if (typeof v === 'object' && Array.isArray((v as RichText).richText)) {
    const text = (v as RichText).richText!.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    return text === '' ? BLANK : { kind: 'text', text };
  }
  return null;
}

/** The cell being read: its attributes, and the text of its formula and value so far. */
interface OpenCell {
  column: number;
  style: number;
  type: string | undefined;
  formula: string | null;
  value: string | null;
}

export class SheetXmlReader {
  private buffer = '';
  /** Open elements, outermost first. */
  private readonly stack: string[] = [];
  private inSheetData = false;
  private row: SheetRow | null = null;
  /** The open row's number as the file writes it: each cell's address ends with it, so the number is not turned back into text once per cell (seven alternating read-only runs at 200,000 rows: median CPU 2.5 s against 3.0 s, noisy). */
  private rowText = '';
  private cell: OpenCell | null = null;
  /** Where text goes: the open cell's formula, value or inline string, or nowhere. */
  private textTo: 'formula' | 'value' | null = null;
  private readonly formats = new Map<number, string | undefined>();
  private rows: SheetRow[] = [];
  private rootSeen = false;

  constructor(private readonly parts: SheetParts) {}

  /** Reads a chunk of the part's text; returns the rows it completed. */
  push(chunk: string): SheetRow[] {
    this.buffer = this.buffer ? this.buffer + chunk : chunk;
    this.scan();
    const done = this.rows;
    this.rows = [];
    return done;
  }

  /** The part has ended: it must have ended well-formed. */
  end(): SheetRow[] {
    this.scan();
    if (this.buffer.trim() !== '' || this.stack.length || !this.rootSeen) fail('the sheet ends early');
    const done = this.rows;
    this.rows = [];
    return done;
  }

  private text(raw: string): void {
    if (!raw) return;
    if (this.textTo === null) {
      if (this.stack.length === 0 && raw.trim() !== '') fail('text outside the root element');
      return;
    }
    const text = decodeXml(raw);
    const cell = this.cell!;
    if (this.textTo === 'formula') cell.formula += text;
    else cell.value += text;
  }

  private scan(): void {
    const b = this.buffer;
    let at = 0;
    for (;;) {
      const lt = b.indexOf('<', at);
      if (lt < 0) {
        // Text may continue in the next chunk; keep it whole (an entity could be split).
        break;
      }
      if (lt > at) this.text(b.slice(at, lt));
      at = lt;
      const next = b.charCodeAt(lt + 1);
      // The forms Excel (and exceljs) write nearly every row and cell in, read in one step each.
      if (this.inSheetData && this.textTo === null) {
        if (next === 99 /* c */ && this.row && !this.cell) {
          SIMPLE_CELL.lastIndex = lt;
          const m = SIMPLE_CELL.exec(b);
          const column = m ? columnNumber(m[1]!) : null;
          if (m && column !== null) {
            const value = m[4];
            this.finishCell({ column, style: m[2] === undefined ? NaN : Number(m[2]), type: m[3], formula: null, value: value ?? null }, this.row);
            at = SIMPLE_CELL.lastIndex;
            continue;
          }
        } else if (next === 114 /* r */ && !this.row && !this.cell) {
          SIMPLE_ROW.lastIndex = lt;
          const m = SIMPLE_ROW.exec(b);
          if (m) {
            this.stack.push('row');
            this.row = { number: Number(m[1]), cells: [] };
            this.rowText = m[1]!;
            at = SIMPLE_ROW.lastIndex;
            if (m[2]) this.close('row');
            continue;
          }
        }
      }
      if (next === 33 /* ! */) {
        if (b.startsWith('<!--', lt)) {
          const end = b.indexOf('-->', lt + 4);
          if (end < 0) break;
          at = end + 3;
          continue;
        }
        if (b.startsWith('<![CDATA[', lt)) {
          const end = b.indexOf(']]>', lt + 9);
          if (end < 0) break;
          if (this.textTo !== null) {
            const cell = this.cell!;
            const text = b.slice(lt + 9, end);
            if (this.textTo === 'formula') cell.formula += text;
            else cell.value += text;
          }
          at = end + 3;
          continue;
        }
        if (b.length - lt < 9) break;
        fail('a DOCTYPE or other declaration');
      }
      const gt = b.indexOf('>', lt + 1);
      if (gt < 0) {
        if (b.indexOf('<', lt + 1) >= 0) fail('a tag left open');
        break;
      }
      const inner = b.slice(lt + 1, gt);
      if (inner.includes('<')) fail('a tag left open');
      at = gt + 1;
      if (next === 63 /* ? */) {
        if (!inner.endsWith('?')) fail('a malformed processing instruction');
        continue;
      }
      if (next === 47 /* / */) this.close(inner.slice(1).trim());
      else {
        const selfClosing = inner.endsWith('/');
        const body = selfClosing ? inner.slice(0, -1) : inner;
        const nameEnd = body.search(NAME_END);
        const name = nameEnd < 0 ? body : body.slice(0, nameEnd);
        if (!name) fail('a tag without a name');
        this.open(name, body, nameEnd < 0 ? body.length : nameEnd);
        if (selfClosing) this.close(name);
      }
    }
    this.buffer = at ? b.slice(at) : b;
    // Text between tags longer than any real value, with no tag in sight, is not a worksheet.
    if (this.buffer.length > 64 * 1024 * 1024) fail('an unending stretch of text');
  }

  private open(qualified: string, body: string, attrsFrom: number): void {
    if (this.stack.length === 0) {
      if (this.rootSeen) fail('a second root element');
      this.rootSeen = true;
    }
    this.stack.push(qualified);
    const colon = qualified.indexOf(':');
    const name = colon < 0 ? qualified : qualified.slice(colon + 1);
    if (name === 'sheetData') {
      this.inSheetData = true;
      attributes(body, attrsFrom);
      return;
    }
    if (!this.inSheetData) {
      attributes(body, attrsFrom);
      return;
    }
    switch (name) {
      case 'row': {
        const r = attributes(body, attrsFrom).r;
        if (r === undefined || !/^[1-9]\d{0,8}$/.test(r)) fail('a row without a row number');
        this.row = { number: Number(r), cells: [] };
        this.rowText = r;
        return;
      }
      case 'c': {
        if (!this.row) fail('a cell outside a row');
        const a = attributes(body, attrsFrom);
        const ref = a.r === undefined ? null : CELL_REF.exec(a.r);
        const column = ref ? columnNumber(ref[1]!) : null;
        if (column === null) fail('a cell without a valid reference');
        this.cell = { column, style: a.s === undefined ? NaN : Number.parseInt(a.s, 10), type: a.t, formula: null, value: null };
        return;
      }
      case 'f':
        if (this.cell) {
          this.cell.formula = '';
          this.textTo = 'formula';
        }
        return;
      case 'v':
        if (this.cell) {
          this.cell.value = '';
          this.textTo = 'value';
        }
        return;
      case 'is':
        if (this.cell) this.cell.value = '';
        return;
      case 't':
        // Inline strings: every text run of <is>, but not phonetic guides (<rPh>).
        this.textTo = this.cell && this.cell.value !== null && !this.stack.includes('rPh') ? 'value' : null;
        return;
      default:
        attributes(body, attrsFrom);
        return;
    }
  }

  private close(qualified: string): void {
    const open = this.stack.pop();
    if (open !== qualified) fail(`</${qualified}> closes <${open ?? 'nothing'}>`);
    const colon = qualified.indexOf(':');
    const name = colon < 0 ? qualified : qualified.slice(colon + 1);
    switch (name) {
      case 'sheetData':
        this.inSheetData = false;
        return;
      case 'row':
        if (this.row) this.rows.push(this.row);
        this.row = null;
        return;
      case 'c':
        if (this.cell && this.row) this.finishCell(this.cell, this.row);
        this.cell = null;
        this.textTo = null;
        return;
      case 'f':
      case 'v':
      case 't':
        this.textTo = null;
        return;
      default:
        return;
    }
  }

  private numFmt(style: number): string | undefined {
    // As exceljs: style 0 (and none) carries no number format.
    if (!style) return undefined;
    if (!this.formats.has(style)) this.formats.set(style, this.parts.numFmt(style));
    return this.formats.get(style);
  }

  /** The cell's value as the exceljs path read it (main/import/read/xlsx.ts, cellValue). */
  private value(c: OpenCell): CellValue | null {
    if (c.formula !== null) {
      const formula = c.formula;
      const result = c.value === null ? undefined : c.type === 'str' ? c.value : Number.parseFloat(c.value);
      if (result === undefined) return { kind: 'formula-no-value', formula };
      if (typeof result === 'string') return result === '' ? BLANK : { kind: 'text', text: result };
      if (Number.isNaN(result)) return { kind: 'formula-error', formula };
      return { kind: 'number', value: result, numFmt: this.numFmt(c.style) };
    }
    if (c.value === null) return null;
    const v = c.value;
    switch (c.type) {
      case 's':
        return sharedStringValue(this.parts.sharedStrings[Number.parseInt(v, 10)]);
      case 'inlineStr':
      case 'str':
        return v === '' ? BLANK : { kind: 'text', text: v };
      case 'e':
        return { kind: 'error', text: v };
      case 'b':
        return { kind: 'bool', value: Number.parseInt(v, 10) !== 0 };
      default: {
        const numFmt = this.numFmt(c.style);
        const n = Number.parseFloat(v);
        if (isDateFormat(numFmt)) return { kind: 'date', date: excelDate(n, this.parts.date1904) };
        return { kind: 'number', value: n, numFmt };
      }
    }
  }

  private finishCell(c: OpenCell, row: SheetRow): void {
    const value = this.value(c);
    if (value === null) return;
    const address = columnLetters(c.column) + this.rowText;
    row.cells[c.column] = { address, value } satisfies Cell;
  }
}

const LETTERS: string[] = [];
function columnLetters(n: number): string {
  let s = LETTERS[n];
  if (s !== undefined) return s;
  s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  if (n < 1024) LETTERS[n] = s;
  return s;
}
