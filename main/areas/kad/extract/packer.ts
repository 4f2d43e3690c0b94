import type { CellValue } from '../../../import/read/cells';
import type { RecordsPacker } from '../../../import/read/packed';
import type { ExtractColumn } from './columns';
import { figuresRead, readFigures, RowFingerprint, type RecordFigures } from './cells';

/**
 * An extract's records packed on the thread reading the later part of a large file (see
 * main/import/read/packed.ts), as ExtractReading.row would take them: the same fingerprint, key hashes,
 * days and pence, as numbers. A record that row() would refuse, or whose package ID, support reason or
 * service type is not text, is left to row() on the engine's thread, so its problems are told as ever.
 */
export interface ExtractBatch {
  /** Per record, STRIDE numbers: see the offsets below. */
  ints: Int32Array<ArrayBuffer>;
  /** Per record: weekly cost and contribution in pence, NaN for none. */
  money: Float64Array<ArrayBuffer>;
  /** The package IDs as written, one after another, and where each ends. */
  ids: string;
  idEnds: Int32Array<ArrayBuffer>;
  /** Support reasons and service types as written, by the number a record gives. */
  texts: string[];
}

export const STRIDE = 13;
export const AT = { print: 0, print2: 1, package: 2, package2: 3, reason: 4, reason2: 5, type: 6, type2: 7, start: 8, end: 9, born: 10, reasonText: 11, typeText: 12 } as const;
/** A day left blank (no end, no date of birth); no day a date can be. */
export const NO_DAY = -2_147_483_648;

const FIRST_ROOM = 4096;

export class ExtractPacker implements RecordsPacker {
  private readonly print = new RowFingerprint();
  private readonly figures: RecordFigures = { start: null, end: null, born: null, weekly: null, contribution: null };
  private ints = new Int32Array(FIRST_ROOM * STRIDE);
  private money = new Float64Array(FIRST_ROOM * 2);
  private idEnds = new Int32Array(FIRST_ROOM);
  private ids: string[] = [];
  private idLength = 0;
  private texts: string[] = [];
  private textNo = new Map<string, number>();
  private count = 0;
  /** The record's fields as the cells csv.ts makes of them (1: column A; none for an empty field), reused from one record to the next. */
  private readonly cells: ({ value: CellValue & { kind: 'text' } } | undefined)[] = [];
  private readonly pool: { value: CellValue & { kind: 'text' } }[] = [];

  constructor(private readonly at: Record<ExtractColumn, number>) {}

  private cellsOf(fields: readonly string[]): ({ value: CellValue } | undefined)[] {
    const c = this.cells;
    c.length = fields.length + 1;
    for (let i = 0; i < fields.length; i++) {
      const text = fields[i]!;
      if (text === '') c[i + 1] = undefined;
      else {
        const cell = (this.pool[i] ??= { value: { kind: 'text', text } });
        cell.value.text = text;
        c[i + 1] = cell;
      }
    }
    return c;
  }

  pack(fields: readonly string[]): boolean {
    const c = this.cellsOf(fields);
    const col = this.at;
    const print = this.print.of(c);
    if (!print.isText(col.packageId) || !print.isText(col.reason) || !print.isText(col.serviceType)) return false;
    const f = readFigures(c, col, this.figures);
    if (!figuresRead(f)) return false;
    const { start, end, born, weekly, contribution } = f;
    if (!isDay(start) || (end !== null && !isDay(end)) || (born !== null && !isDay(born))) return false;
    if (this.count * STRIDE === this.ints.length) this.grow();
    const o = this.count * STRIDE;
    const n = this.ints;
    n[o + AT.print] = print.a;
    n[o + AT.print2] = print.b;
    n[o + AT.package] = print.hashA(col.packageId);
    n[o + AT.package2] = print.hashB(col.packageId);
    n[o + AT.reason] = print.hashA(col.reason);
    n[o + AT.reason2] = print.hashB(col.reason);
    n[o + AT.type] = print.hashA(col.serviceType);
    n[o + AT.type2] = print.hashB(col.serviceType);
    n[o + AT.start] = start;
    n[o + AT.end] = end ?? NO_DAY;
    n[o + AT.born] = born ?? NO_DAY;
    n[o + AT.reasonText] = this.textOf((c[col.reason]!.value as { text: string }).text);
    n[o + AT.typeText] = this.textOf((c[col.serviceType]!.value as { text: string }).text);
    this.money[this.count * 2] = weekly ?? NaN;
    this.money[this.count * 2 + 1] = contribution ?? NaN;
    const id = (c[col.packageId]!.value as { text: string }).text;
    this.ids.push(id);
    this.idLength += id.length;
    this.idEnds[this.count++] = this.idLength;
    return true;
  }

  take(): { batch: ExtractBatch; transfer: ArrayBuffer[] } {
    const batch: ExtractBatch = { ints: this.ints, money: this.money, ids: this.ids.join(''), idEnds: this.idEnds, texts: this.texts };
    this.ints = new Int32Array(this.ints.length);
    this.money = new Float64Array(this.money.length);
    this.idEnds = new Int32Array(this.idEnds.length);
    this.ids = [];
    this.idLength = 0;
    this.texts = [];
    this.textNo.clear();
    this.count = 0;
    return { batch, transfer: [batch.ints.buffer, batch.money.buffer, batch.idEnds.buffer] };
  }

  /** A support reason or service type by its number in this batch: an extract has a few dozen. */
  private textOf(text: string): number {
    let no = this.textNo.get(text);
    if (no === undefined) this.textNo.set(text, (no = this.texts.push(text) - 1));
    return no;
  }

  private grow(): void {
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.ints = ints;
    const money = new Float64Array(this.money.length * 2);
    money.set(this.money);
    this.money = money;
    const ends = new Int32Array(this.idEnds.length * 2);
    ends.set(this.idEnds);
    this.idEnds = ends;
  }
}

function isDay(d: number): boolean {
  return (d | 0) === d && d !== NO_DAY;
}
