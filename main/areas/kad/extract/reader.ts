import { ExtractAggregator, describeFinding } from '../../../../shared/areas/kad/extract/aggregate';
import { formatCount } from '../../../import/read/messages';
import { address } from '../../../import/read/a1';
import { asFound } from '../../../import/read/cells';
import type { SheetRow } from '../../../import/read/context';
import type { ImportNote, ImportOptions, RecordsConsumer, RecordsReader } from '../../../import/spec';
import type { ImportSink } from '../../../import/types';
import type { Workspace } from '../../../store/workspace';
import { LabelIndex } from '../../../import/read/names';
import { listServiceTypes } from '../repository';
import { EXTRACT_COLUMNS, extractColumnNamed, isExtractHeader, type ExtractColumn } from './columns';
import { dayOfCell, fingerprintOf, penceOfCell, textOfCell } from './cells';
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
  private readonly agg: ExtractAggregator;
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
    const types = new LabelIndex(listServiceTypes(ws));
    this.agg = new ExtractAggregator(extractMapping(ws), (text) => types.byLabel(text)?.id ?? null, LISTED_FINDINGS);
  }

  private problem(row: SheetRow, column: ExtractColumn, value: string | null, reason: string): void {
    this.sink.problem({ sheet: this.sheet, cell: address(this.col[column]!, row.number), value, reason });
  }

  row(row: SheetRow): void {
    if (this.broken) return;
    const c = row.cells;
    const col = this.col;
    const cell = (k: ExtractColumn) => c[col[k]!]?.value;
    const packageId = textOfCell(cell('packageId'));
    const start = dayOfCell(cell('start'));
    const end = dayOfCell(cell('end'));
    const born = dayOfCell(cell('dateOfBirth'));
    const weekly = penceOfCell(cell('weeklyCost'));
    const contribution = penceOfCell(cell('contribution'));
    let ok = true;
    const bad = (column: ExtractColumn, value: string | null, reason: string) => {
      this.problem(row, column, value, reason);
      ok = false;
    };
    if (!packageId) bad('packageId', null, 'has no Package ID');
    if (start === undefined) bad('start', asFound(cell('start')!), NOT_DATE);
    else if (start === null) bad('start', null, 'has no Element Start date');
    if (end === undefined) bad('end', asFound(cell('end')!), NOT_DATE);
    if (born === undefined) bad('dateOfBirth', null, NOT_BIRTH_DATE);
    if (weekly === undefined) bad('weeklyCost', asFound(cell('weeklyCost')!), NOT_MONEY);
    if (contribution === undefined) bad('contribution', asFound(cell('contribution')!), NOT_MONEY);
    if (!ok) return;
    this.agg.add({
      row: row.number,
      packageId,
      reason: textOfCell(cell('reason')),
      serviceType: textOfCell(cell('serviceType')),
      start: start!,
      end: end ?? null,
      weeklyPence: weekly ?? null,
      contributionPence: contribution ?? null,
      dateOfBirth: born ?? null,
      fingerprint: fingerprintOf(c),
    });
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
