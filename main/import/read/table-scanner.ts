import type { ImportLayout, ImportProblem } from '../types';
import type { Named, ReadableSpec } from '../spec';
import { monthLabel } from '../../../shared/periods';
import { address } from './a1';
import { plainText, type Cell } from './cells';
import { isBlankRow, specOf, subjectsOf, type ReadContext, type SheetRow } from './context';
import { columnNamed, headerScore, isHeaderRow, namesColumn, normaliseHeader, resolveHeader, type HeaderMap } from './headers';
import { MSG } from './messages';
import { findMonth, type FoundMonth, type Title } from './names';
import { readBodyRow, type BodyState } from './table-rows';

/** A title (or a band row) seen, waiting for its header row. */
interface Pending {
  spec: ReadableSpec;
  row: number;
  cell: string;
  title: Title | null;
  titleText: string;
  band: { row: number; cell: string; subject: string; month: string | null; monthCell: string; fill: Map<number, string> } | null;
}

interface Active extends BodyState {
  subject: Named | null;
}

function firstText(cells: readonly (Cell | undefined)[]): { text: string; cell: Cell } | null {
  for (const cell of cells) {
    if (!cell || cell.value.kind !== 'text') continue;
    const text = cell.value.text.trim();
    if (text) return { text, cell };
  }
  return null;
}

/**
 * Walks one sheet's rows and finds the tables in it, whatever their layout: a committee table starts at
 * its title (or at its band row), a template or untitled table at its header row. Rows outside tables
 * (prose, chart captions, notes) are ignored. Only a few values per table are kept, never the rows.
 */
export class TableScanner {
  private pending: Pending | null = null;
  private active: Active | null = null;

  constructor(
    private readonly ctx: ReadContext,
    private readonly sheet: string,
  ) {}

  private problem(p: Omit<ImportProblem, 'sheet'>): void {
    this.ctx.sink.problem({ sheet: this.sheet, ...p });
  }

  row(row: SheetRow): void {
    if (isBlankRow(row)) return;
    const first = firstText(row.cells);
    const titled = first ? this.title(first.text) : null;
    if (first && titled) {
      this.close();
      this.ctx.found++;
      this.pending = { spec: titled.spec, row: row.number, cell: first.cell.address, title: titled.title, titleText: first.text, band: null };
      return;
    }
    const open = this.active && !this.active.ended;
    const bandSpec = open ? this.active!.spec : (this.pending?.spec ?? null);
    const band = this.band(row, bandSpec);
    if (band) {
      if (open && !this.startsOtherSubject(band.band.subject)) return; // repeated after a page break
      if (open || !this.pending) {
        this.close();
        this.pending = { spec: band.spec, row: row.number, cell: band.band.cell, title: null, titleText: '', band: null };
      }
      this.pending!.band = band.band;
      return;
    }
    if (open) {
      if (this.repeatsHeader(row)) return; // repeated after a page break
      readBodyRow(this.ctx, this.active!, row);
      return;
    }
    if (first && !this.pending && this.notesDocumentMonth(first.text)) return;
    const headed = this.headerSpec(row);
    if (headed) this.open(row, headed);
  }

  end(): void {
    this.close();
  }

  private title(text: string): { spec: ReadableSpec; title: Title } | null {
    for (const spec of this.ctx.opts.specs) {
      if (!spec.isTitle(text)) continue;
      const title = spec.parseTitle(text);
      if (title) return { spec, title };
    }
    return null;
  }

  /** The layout whose column headers this row names best (three or more), preferring the title's. */
  private headerSpec(row: SheetRow): ReadableSpec | null {
    const pending = this.pending?.spec;
    if (pending) return isHeaderRow(row.cells, pending) ? pending : null;
    let best: ReadableSpec | null = null;
    let bestScore = 0;
    for (const spec of this.ctx.opts.specs) {
      if (spec.titledOnly && !this.namesKey(row, spec)) continue;
      const score = headerScore(row.cells, spec);
      if (score >= 3 && score > bestScore) [best, bestScore] = [spec, score];
    }
    return best;
  }

  private namesKey(row: SheetRow, spec: ReadableSpec): boolean {
    return row.cells.some((c) => c?.value.kind === 'text' && columnNamed(c.value.text, spec)?.role === 'key');
  }

  private close(): void {
    const pending = this.pending;
    if (pending?.title && pending.spec.titleAloneIsMention) this.ctx.found--;
    else if (pending?.title) this.problem({ cell: pending.cell, value: null, reason: MSG.noHeader(pending.spec.columns.filter((c) => c.role !== 'key').map((c) => c.header)) });
    this.pending = null;
    this.active = null;
  }

  private band(row: SheetRow, only: ReadableSpec | null): { spec: ReadableSpec; band: NonNullable<Pending['band']> } | null {
    for (const spec of only ? [only] : this.ctx.opts.specs) {
      let count = 0;
      for (const c of row.cells) if (c?.value.kind === 'text' && spec.isBandText(c.value.text)) count++;
      if (count < 2) continue;
      let subject = '';
      let cell = '';
      let month: string | null = null;
      let monthCell = '';
      const fill = new Map<number, string>();
      row.cells.forEach((c, col) => {
        const text = c ? plainText(c.value) : '';
        if (!c || !text) return;
        if (spec.isBandText(text)) {
          if (month === null && spec.bandMonth(text, null) !== null) {
            month = text;
            monthCell = c.address;
          }
        } else if (namesColumn(text, spec)) fill.set(col, text);
        else if (!subject) {
          subject = text;
          cell = c.address;
        }
      });
      return { spec, band: { row: row.number, cell: cell || address(1, row.number), subject, month, monthCell, fill } };
    }
    return null;
  }

  /** Inside a table only a row whose first column names the key or label column can be its header again. */
  private repeatsHeader(row: SheetRow): boolean {
    const { header, spec } = this.active!;
    const first = row.cells[header.keyCol ?? header.labelCol ?? 1];
    if (first?.value.kind !== 'text') return false;
    const role = columnNamed(first.value.text, spec)?.role;
    return (role === 'key' || role === 'label') && isHeaderRow(row.cells, spec);
  }

  private startsOtherSubject(text: string): boolean {
    if (!text || !this.active?.subject) return false;
    const named = subjectsOf(this.ctx, this.active.spec).inCaption(text);
    return named !== null && named.id !== this.active.subject.id;
  }

  private open(row: SheetRow, spec: ReadableSpec): void {
    const pending = this.pending;
    this.pending = null;
    this.ctx.found++;
    const { map, problems } = resolveHeader(this.sheet, row.number, row.cells, spec, pending?.band?.fill ?? new Map());
    for (const p of problems) this.ctx.sink.problem(p);
    const layout: ImportLayout = map.keyCol !== null ? 'template' : 'committee';
    const startRow = pending?.title ? pending.row : row.number;
    const startCell = pending?.title ? pending.cell : (row.cells.find(Boolean)?.address ?? address(1, row.number));
    const subject = this.subject(spec, pending);
    const period = this.period(spec, pending, map, layout);
    const id = `${this.sheet}!${startRow}`;
    let emit = false;
    if (subject && period) {
      const key = `${spec.id}|${subject.id}|${period}`;
      const earlier = this.ctx.tables.get(key);
      if (earlier) {
        this.problem({ cell: startCell, value: null, reason: MSG.duplicateTable(subject.name, monthLabel(period), earlier) });
      } else {
        this.ctx.tables.set(key, `${this.sheet}!${startCell}`);
        this.ctx.sink.table({ id, spec: spec.id, sheet: this.sheet, row: startRow, layout, period, subjectId: subject.id, subjectName: subject.name, ...(pending?.titleText ? { caption: pending.titleText } : {}) });
        this.ctx.layouts.add(layout);
        emit = true;
      }
    }
    this.active = { spec, tableId: id, sheet: this.sheet, layout, header: map, emit, ended: false, afterTotal: false, seen: new Map(), subject, subjectId: subject?.id ?? null };
  }

  private subject(spec: ReadableSpec, pending: Pending | null): Named | null {
    const subjects = subjectsOf(this.ctx, spec);
    if (pending?.title) {
      // The band names the subject when the title's words do not (an abbreviation, say).
      const words = pending.title.subject || pending.titleText;
      const found = subjects.inCaption(words) ?? (pending.band?.subject ? subjects.inCaption(pending.band.subject) : null);
      // A published table for a subject the workspace does not hold yet (an empty workspace importing a
      // pack, or a new service) becomes a new subject, named by its band, flagged in the preview.
      return found ?? this.newSubject(spec, pending.band?.subject || words, pending.cell, words);
    }
    if (pending?.band?.subject) {
      return subjects.inCaption(pending.band.subject) ?? this.newSubject(spec, pending.band.subject, pending.band.cell, pending.band.subject);
    }
    const listed = this.ctx.template?.sheets.get(this.sheet);
    if (listed && specOf(this.ctx, listed.spec) === spec) {
      // An unknown id was reported when the _outturn sheet was read.
      return subjects.byId(listed.subjectId) ?? (listed.subjectName ? { id: listed.subjectId, name: listed.subjectName } : null);
    }
    const byName = subjects.forSheet(this.sheet);
    if (byName) {
      if (!this.ctx.template) this.ctx.placedByName.push({ sheet: this.sheet, spec: spec.id, subjectId: byName.id });
      return byName;
    }
    this.problem({ cell: null, value: null, reason: MSG.subjectUnknownForSheet(spec.subjects.noun, spec.exampleTitle) });
    return null;
  }

  private newSubject(spec: ReadableSpec, name: string, cell: string, said: string): Named | null {
    const clean = name.replace(/\s+/g, ' ').trim();
    const id = spec.subjects.allowNew ? spec.subjects.idFor(clean) : '';
    if (!id || clean.length > 80) {
      this.problem({ cell, value: said, reason: MSG.unknownSubject(spec.subjects.noun) });
      return null;
    }
    return { id, name: clean };
  }

  private period(spec: ReadableSpec, pending: Pending | null, map: HeaderMap, layout: ImportLayout): string | null {
    const wanted = this.ctx.opts.period;
    const fy = map.fyStart;
    const titleMonth = pending?.title?.month ? this.reread(pending, fy) : null;
    const band = pending?.band;
    const { month: headed, cell: headedCell } = band?.month ? { month: spec.bandMonth(band.month, fy), cell: band.monthCell } : this.headerMonth(map, fy);
    const titleCell = pending?.cell ?? null;
    if (wanted) {
      if (titleMonth?.period && titleMonth.period !== wanted) {
        this.problem({ cell: titleCell, value: null, reason: MSG.titleVsPeriod(titleMonth.said, wanted) });
      } else if (!titleMonth?.period && headed?.period && headed.period !== wanted) {
        this.problem({ cell: headedCell, value: null, reason: MSG.bandVsPeriod(headed.said, wanted) });
      }
      return wanted;
    }
    if (titleMonth?.period) {
      if (headed?.period && headed.period !== titleMonth.period) {
        this.problem({ cell: headedCell, value: null, reason: MSG.bandVsTitle(headed.said, titleMonth.said) });
      }
      return titleMonth.period;
    }
    if (headed?.period) return headed.period;
    if (layout === 'template' || !pending) {
      const fromTemplate = this.ctx.template?.sheets.has(this.sheet) ? this.ctx.template.period?.value : undefined;
      if (fromTemplate) return fromTemplate;
    }
    const named = findMonth(this.sheet, fy);
    if (named?.period) return named.period;
    if (this.ctx.documentMonth) return this.ctx.documentMonth;
    this.problem({ cell: titleCell, value: null, reason: MSG.noPeriod });
    return null;
  }

  /**
   * "Period: August 2023" outside a table is the file saying which month it is of: the month of a table
   * that names none itself (a pack's grants table, whose title and headers name no month).
   */
  private notesDocumentMonth(text: string): boolean {
    const m = /^\s*(?:period|month)\s*:\s*(.+)$/i.exec(text);
    const month = m ? findMonth(m[1]!) : null;
    if (!month?.period) return false;
    this.ctx.documentMonth = month.period;
    return true;
  }

  /** The month a column header names, for a layout whose month is in a header ("Net Movements to August 2023/24"). */
  private headerMonth(map: HeaderMap, fy: number | null): { month: FoundMonth | null; cell: string } {
    const column = map.columns.find((c) => c.spec.namesMonth);
    // "March 2023/24" is March 2024: the header's financial year gives the year, not its first four digits.
    const said = column ? normaliseHeader(column.header) : null;
    const month = said ? findMonth(said.norm, said.fyStart ?? fy) : null;
    return { month: month?.period ? month : null, cell: column ? address(column.col, map.row) : '' };
  }

  /** The title's month again, now that the header may have given the financial year. */
  private reread(pending: Pending, fy: number | null): FoundMonth | null {
    const again = pending.spec.parseTitle(pending.titleText);
    if (again?.month?.period || fy === null) return again?.month ?? null;
    const text = pending.titleText;
    const forAt = text.search(/\bfor\b/i);
    return findMonth(forAt >= 0 ? text.slice(0, forAt) : text, fy);
  }
}
