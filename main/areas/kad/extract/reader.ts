import { ExtractAggregator, describeFinding, type ExtractRow, type TextKeys } from '../../../../shared/areas/kad/extract/aggregate';
import { formatCount } from '../../../import/read/messages';
import { address } from '../../../import/read/a1';
import { asFound, BLANK } from '../../../import/read/cells';
import type { SheetRow } from '../../../import/read/context';
import type { ImportNote, ImportOptions, RecordsConsumer, RecordsReader } from '../../../import/spec';
import type { ImportSink } from '../../../import/types';
import type { Workspace } from '../../../store/workspace';
import { LabelIndex } from '../../../import/read/names';
import { listServiceTypes } from '../repository';
import { EXTRACT_COLUMNS, extractColumnNamed, isExtractHeader, type ExtractColumn } from './columns';
import { figuresRead, readFigures, RowFingerprint, textOfCell, type RecordFigures } from './cells';
import { AT, NO_DAY, STRIDE, type ExtractBatch } from './packer';
import { compiledEntry } from '../../../host/entry';
import type { Packing } from '../../../import/read/packed';
import { extractMapping } from './settings';
import { stageExtract } from './stage';

/** Findings listed one by one in the preview; the rest are counted. */
const LISTED_FINDINGS = 200;

const NOT_DATE = 'is not a date Outturn can read (write it as dd/mm/yyyy, yyyy-mm-dd, or as an Excel date)';
// A date of birth is personal data: the message names the cell, never the value.
const NOT_BIRTH_DATE = 'is not a date of birth Outturn can read (dd/mm/yyyy, yyyy-mm-dd or an Excel date); the value is not shown, as it is personal data';
const NOT_MONEY = 'is not an amount in pounds and pence (for example 1234.56 or £1,234.56)';

/** One extract being read: each row checked and handed to the aggregator, nothing of it staged or kept. */
export class ExtractReading implements RecordsConsumer {
  private readonly col: Partial<Record<ExtractColumn, number>> = {};
  /** Each column's index in a row's cells; a column the file lacks points past every cell. */
  private readonly at: Record<ExtractColumn, number>;
  private readonly agg: ExtractAggregator;
  private readonly print = new RowFingerprint();
  private readonly current: ExtractRow = { row: 0, packageId: '', reason: '', serviceType: '', start: 0, end: null, weeklyPence: null, contributionPence: null, dateOfBirth: null, fingerprint: 0, fingerprint2: 0, keys: null };
  private readonly keys: TextKeys = { packageA: 0, packageB: 0, reasonA: 0, reasonB: 0, typeA: 0, typeB: 0 };
  private readonly figures: RecordFigures = { start: null, end: null, born: null, weekly: null, contribution: null };
  private broken = false;

  constructor(
    private readonly ws: Workspace,
    header: SheetRow,
    private readonly sheet: string,
    private readonly options: ImportOptions,
    private readonly sink: ImportSink,
  ) {
    header.cells.forEach((cell, i) => {
      const key = cell ? extractColumnNamed(asFound(cell.value) ?? '') : null;
      if (key && this.col[key] === undefined) this.col[key] = i;
    });
    for (const [key, c] of Object.entries(EXTRACT_COLUMNS) as [ExtractColumn, (typeof EXTRACT_COLUMNS)[ExtractColumn]][]) {
      if (c.required && this.col[key] === undefined) {
        this.broken = true;
        sink.problem({ sheet, cell: `A${header.number}`, value: null, reason: `the column "${c.header}" is missing from this header row` });
      }
    }
    this.at = Object.fromEntries(Object.keys(EXTRACT_COLUMNS).map((k) => [k, this.col[k as ExtractColumn] ?? -1])) as Record<ExtractColumn, number>;
    const types = new LabelIndex(listServiceTypes(ws));
    this.agg = new ExtractAggregator(extractMapping(ws), (text) => types.byLabel(text)?.id ?? null, LISTED_FINDINGS);
  }

  private problem(row: SheetRow, column: ExtractColumn, value: string | null, reason: string): void {
    this.sink.problem({ sheet: this.sheet, cell: address(this.col[column]!, row.number), value, reason });
  }

  row(row: SheetRow): void {
    if (this.broken) return;
    const c = row.cells;
    const col = this.at;
    // One pass over the row's text: its fingerprint, and the hashes its package ID, reason and type are told by.
    const print = this.print.of(c);
    const idCell = c[col.packageId]?.value;
    const textual = print.isText(col.packageId) && print.isText(col.reason) && print.isText(col.serviceType);
    // Text cells are kept as written (no trimmed copy made): the aggregator trims only what it lists.
    const packageId = textual ? (idCell as { text: string }).text : textOfCell(idCell);
    const f = readFigures(c, col, this.figures);
    if (!packageId || !figuresRead(f)) {
      this.refuseRow(row, packageId, f);
      return;
    }
    // One object, filled afresh for each row: the aggregator copies what it keeps.
    const r = this.current;
    r.row = row.number;
    r.packageId = packageId;
    if (textual) {
      r.reason = (c[col.reason]!.value as { text: string }).text;
      r.serviceType = (c[col.serviceType]!.value as { text: string }).text;
      const k = this.keys;
      k.packageA = print.hashA(col.packageId);
      k.packageB = print.hashB(col.packageId);
      k.reasonA = print.hashA(col.reason);
      k.reasonB = print.hashB(col.reason);
      k.typeA = print.hashA(col.serviceType);
      k.typeB = print.hashB(col.serviceType);
      r.keys = k;
    } else {
      r.reason = textOfCell(c[col.reason]?.value);
      r.serviceType = textOfCell(c[col.serviceType]?.value);
      r.keys = null;
    }
    r.start = f.start;
    r.end = f.end;
    r.weeklyPence = f.weekly;
    r.contributionPence = f.contribution;
    r.dateOfBirth = f.born;
    r.fingerprint = print.a;
    r.fingerprint2 = print.b;
    this.agg.add(r);
  }

  /** A large file's later records are packed on a thread of their own (pack-thread.ts), then taken by `packed`. */
  packing(): Packing | null {
    return this.broken ? null : { entry: compiledEntry(__dirname, 'pack-thread'), config: { at: this.at } };
  }

  /** A record packed by ExtractPacker: the same row as `row` would make of its cells. */
  packed(packed: unknown, i: number, rowNumber: number): void {
    const b = packed as ExtractBatch;
    const n = b.ints;
    const o = i * STRIDE;
    const r = this.current;
    const k = this.keys;
    r.row = rowNumber;
    r.packageId = b.ids.slice(i ? b.idEnds[i - 1]! : 0, b.idEnds[i]!);
    r.reason = b.texts[n[o + AT.reasonText]!]!;
    r.serviceType = b.texts[n[o + AT.typeText]!]!;
    k.packageA = n[o + AT.package]!;
    k.packageB = n[o + AT.package2]!;
    k.reasonA = n[o + AT.reason]!;
    k.reasonB = n[o + AT.reason2]!;
    k.typeA = n[o + AT.type]!;
    k.typeB = n[o + AT.type2]!;
    r.keys = k;
    r.start = n[o + AT.start]!;
    r.end = n[o + AT.end] === NO_DAY ? null : n[o + AT.end]!;
    r.dateOfBirth = n[o + AT.born] === NO_DAY ? null : n[o + AT.born]!;
    const weekly = b.money[i * 2]!;
    const contribution = b.money[i * 2 + 1]!;
    r.weeklyPence = Number.isNaN(weekly) ? null : weekly;
    r.contributionPence = Number.isNaN(contribution) ? null : contribution;
    r.fingerprint = n[o + AT.print]!;
    r.fingerprint2 = n[o + AT.print2]!;
    this.agg.add(r);
  }

  /** A row that cannot be read: each cell at fault is a problem naming it (a date of birth without its value). */
  private refuseRow(row: SheetRow, packageId: string, { start, end, born, weekly, contribution }: RecordFigures): void {
    const value = (k: ExtractColumn) => asFound(row.cells[this.at[k]]?.value ?? BLANK);
    if (!packageId) this.problem(row, 'packageId', null, 'has no Package ID');
    if (start === undefined) this.problem(row, 'start', value('start'), NOT_DATE);
    else if (start === null) this.problem(row, 'start', null, 'has no Element Start date');
    if (end === undefined) this.problem(row, 'end', value('end'), NOT_DATE);
    if (born === undefined) this.problem(row, 'dateOfBirth', null, NOT_BIRTH_DATE);
    if (weekly === undefined) this.problem(row, 'weeklyCost', value('weeklyCost'), NOT_MONEY);
    if (contribution === undefined) this.problem(row, 'contribution', value('contribution'), NOT_MONEY);
  }

  /** The rows as read so far, aggregated (null when the header row lacked a column). */
  get aggregator(): ExtractAggregator | null {
    return this.broken ? null : this.agg;
  }

  end(): ImportNote[] {
    if (this.broken) return [];
    const notes = stageExtract(this.ws, this.agg, { sheet: this.sheet, options: this.options, sink: this.sink });
    const findings = this.agg.findings.map((f) => ({ text: describeFinding(f) }));
    const unlisted = this.agg.findingCount - findings.length;
    if (unlisted > 0) findings.push({ text: `… and ${formatCount(unlisted)} more rows left out or counted once, for the same reasons.` });
    return [...notes, ...findings];
  }
}

export const EXTRACT_READER: RecordsReader = {
  noun: 'care-package extract',
  isHeader: isExtractHeader,
  begin: (ws, header, { sheet, options, sink }) => new ExtractReading(ws, header, sheet, options, sink),
};
