import type { ImportLayout, ImportProblem } from '../types';
import { monthLabel } from '../../../shared/periods';
import { address } from './a1';
import { plainText, type Cell } from './cells';
import { isBlankRow, type ReadContext, type SheetRow } from './context';
import { columnNamed, isHeaderRow, namesColumn, resolveHeader, type HeaderMap } from './headers';
import { KAD_SPEC } from './kad-spec';
import { MSG } from './messages';
import { serviceIdFromName } from '../../../shared/kad/model';
import { bandMonth, findMonth, isBandText, parseTitle, type FoundMonth, type Title } from './names';
import { readBodyRow, type BodyState } from './table-rows';

/** A title (or a band row) seen, waiting for its header row. */
interface Pending {
  row: number;
  cell: string;
  title: Title | null;
  titleText: string;
  band: { row: number; cell: string; service: string; month: string | null; monthCell: string; fill: Map<number, string> } | null;
}

interface Active extends BodyState {
  service: { id: string; name: string } | null;
}

function firstText(cells: readonly (Cell | undefined)[]): { text: string; cell: Cell } | null {
  for (const cell of cells) {
    if (!cell || cell.value.kind !== 'text') continue;
    const text = cell.value.text.trim();
    if (text) return { text, cell };
  }
  return null;
}

const TITLE_WORDS = /key\s+activity\s+data/i;

/**
 * Walks one sheet's rows and finds the KAD tables in it: a committee table starts at its title (or at
 * its band row), a template or untitled table at its header row. Rows outside tables (prose, chart
 * captions, notes) are ignored. Only a few values per table are kept, never the rows.
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
    const title = first && TITLE_WORDS.test(first.text) ? parseTitle(first.text) : null;
    if (first && title) {
      this.close();
      this.ctx.found++;
      this.pending = { row: row.number, cell: first.cell.address, title, titleText: first.text, band: null };
      return;
    }
    const band = this.band(row);
    if (band) {
      const open = this.active && !this.active.ended;
      if (open && !this.startsOtherService(band.service)) return; // repeated after a page break
      if (open || !this.pending) {
        this.close();
        this.pending = { row: row.number, cell: band.cell, title: null, titleText: '', band: null };
      }
      this.pending!.band = band;
      return;
    }
    const open = this.active && !this.active.ended;
    if (open ? this.repeatsHeader(row) : isHeaderRow(row.cells, KAD_SPEC)) {
      if (!open) this.open(row);
      return; // else repeated after a page break
    }
    if (this.active && !this.active.ended) readBodyRow(this.ctx, this.active, row);
  }

  end(): void {
    this.close();
  }

  private close(): void {
    if (this.pending?.title) this.problem({ cell: this.pending.cell, value: null, reason: MSG.noHeader });
    this.pending = null;
    this.active = null;
  }

  private band(row: SheetRow): Pending['band'] | null {
    let count = 0;
    for (const c of row.cells) if (c?.value.kind === 'text' && isBandText(c.value.text)) count++;
    if (count < 2) return null;
    let service = '';
    let cell = '';
    let month: string | null = null;
    let monthCell = '';
    const fill = new Map<number, string>();
    row.cells.forEach((c, col) => {
      const text = c ? plainText(c.value) : '';
      if (!c || !text) return;
      if (isBandText(text)) {
        if (/^actual/i.test(text) && month === null) {
          month = text;
          monthCell = c.address;
        }
      } else if (namesColumn(text, KAD_SPEC)) fill.set(col, text);
      else if (!service) {
        service = text;
        cell = c.address;
      }
    });
    return { row: row.number, cell: cell || address(1, row.number), service, month, monthCell, fill };
  }

  /** Inside a table only a row whose first column says "Service Type" (or "Key") can be its header again. */
  private repeatsHeader(row: SheetRow): boolean {
    const header = this.active!.header;
    const first = row.cells[header.keyCol ?? header.labelCol ?? 1];
    if (first?.value.kind !== 'text') return false;
    const role = columnNamed(first.value.text, KAD_SPEC)?.role;
    return (role === 'key' || role === 'label') && isHeaderRow(row.cells, KAD_SPEC);
  }

  private startsOtherService(text: string): boolean {
    if (!text || !this.active?.service) return false;
    const named = this.ctx.services.inCaption(text);
    return named !== null && named.id !== this.active.service.id;
  }

  private open(row: SheetRow): void {
    const pending = this.pending;
    this.pending = null;
    this.ctx.found++;
    const { map, problems } = resolveHeader(this.sheet, row.number, row.cells, KAD_SPEC, pending?.band?.fill ?? new Map());
    for (const p of problems) this.ctx.sink.problem(p);
    const layout: ImportLayout = map.keyCol !== null ? 'template' : 'committee';
    const startRow = pending?.title ? pending.row : row.number;
    const startCell = pending?.title ? pending.cell : (row.cells.find(Boolean)?.address ?? address(1, row.number));
    const service = this.service(pending);
    const period = this.period(pending, map, layout);
    const id = `${this.sheet}!${startRow}`;
    let emit = false;
    if (service && period) {
      const key = `${service.id}|${period}`;
      const earlier = this.ctx.tables.get(key);
      if (earlier) {
        this.problem({ cell: startCell, value: null, reason: MSG.duplicateTable(service.name, monthLabel(period), earlier) });
      } else {
        this.ctx.tables.set(key, `${this.sheet}!${startCell}`);
        this.ctx.sink.table({ id, sheet: this.sheet, row: startRow, layout, period, serviceId: service.id, serviceName: service.name, ...(pending?.titleText ? { caption: pending.titleText } : {}) });
        this.ctx.layouts.add(layout);
        emit = true;
      }
    }
    this.active = { tableId: id, sheet: this.sheet, layout, header: map, emit, ended: false, afterTotal: false, seen: new Map(), service };
  }

  private service(pending: Pending | null): { id: string; name: string } | null {
    const services = this.ctx.services;
    if (pending?.title) {
      // The band names the service when the title's words do not (an abbreviation, say).
      const words = pending.title.service || pending.titleText;
      const found = services.inCaption(words) ?? (pending.band?.service ? services.inCaption(pending.band.service) : null);
      // A published table for a service the workspace does not hold yet (an empty workspace importing a
      // pack, or a new service) becomes a new service, named by its band, flagged in the preview.
      return found ?? this.newService(pending.band?.service || words, pending.cell, words);
    }
    if (pending?.band?.service) {
      return services.inCaption(pending.band.service) ?? this.newService(pending.band.service, pending.band.cell, pending.band.service);
    }
    const listed = this.ctx.template?.sheets.get(this.sheet);
    if (listed) {
      // An unknown id was reported when the _outturn sheet was read.
      return services.byId(listed.serviceId) ?? (listed.serviceName ? { id: listed.serviceId, name: listed.serviceName } : null);
    }
    const byName = services.forSheet(this.sheet);
    if (byName) {
      if (!this.ctx.template) this.ctx.placedByName.push({ sheet: this.sheet, serviceId: byName.id });
      return byName;
    }
    this.problem({ cell: null, value: null, reason: MSG.serviceUnknownForSheet });
    return null;
  }

  private newService(name: string, cell: string, said: string): { id: string; name: string } | null {
    const clean = name.replace(/\s+/g, ' ').trim();
    const id = serviceIdFromName(clean);
    if (!id || clean.length > 80) {
      this.problem({ cell, value: said, reason: MSG.unknownService });
      return null;
    }
    return { id, name: clean };
  }

  private period(pending: Pending | null, map: HeaderMap, layout: ImportLayout): string | null {
    const wanted = this.ctx.opts.period;
    const fy = map.fyStart;
    const titleMonth = pending?.title?.month ? this.reread(pending, fy) : null;
    const band = pending?.band;
    const headed: FoundMonth | null = band?.month ? bandMonth(band.month, fy) : null;
    const titleCell = pending?.cell ?? null;
    if (wanted) {
      if (titleMonth?.period && titleMonth.period !== wanted) {
        this.problem({ cell: titleCell, value: null, reason: MSG.titleVsPeriod(titleMonth.said, wanted) });
      } else if (!titleMonth?.period && headed?.period && headed.period !== wanted) {
        this.problem({ cell: band!.monthCell, value: null, reason: MSG.bandVsPeriod(headed.said, wanted) });
      }
      return wanted;
    }
    if (titleMonth?.period) {
      if (headed?.period && headed.period !== titleMonth.period) {
        this.problem({ cell: band!.monthCell, value: null, reason: MSG.bandVsTitle(headed.said, titleMonth.said) });
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
    this.problem({ cell: titleCell, value: null, reason: MSG.noPeriod });
    return null;
  }

  /** The title's month again, now that the header may have given the financial year. */
  private reread(pending: Pending, fy: number | null): FoundMonth | null {
    const again = parseTitle(pending.titleText);
    if (again?.month?.period || fy === null) return again?.month ?? null;
    const text = pending.titleText;
    const forAt = text.search(/\bfor\b/i);
    return findMonth(forAt >= 0 ? text.slice(0, forAt) : text, fy);
  }
}
