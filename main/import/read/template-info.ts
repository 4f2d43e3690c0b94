import { monthLabel } from '../../../shared/periods';
import { asFound, plainText, type Cell } from './cells';
import { specOf, subjectsOf, type ReadContext, type SheetRow, type TemplateInfo } from './context';
import { MSG } from './messages';
import { isMonthId } from './names';

export const TEMPLATE_SHEET = '_outturn';
export const TEMPLATE_VERSION = '1';

/** The note right of a template sheet's headers ("Month: August 2023"), which the reader passes over. */
export const MONTH_NOTE = /^month\s*:/i;

export function isTemplateSheet(name: string): boolean {
  return name.trim().toLowerCase() === TEMPLATE_SHEET;
}

function monthOf(cell: Cell): string | null {
  const v = cell.value;
  if (v.kind === 'date' && !Number.isNaN(v.date.getTime())) {
    return `${v.date.getUTCFullYear()}-${String(v.date.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  const text = plainText(v);
  return isMonthId(text) ? text : null;
}

/**
 * The hidden `_outturn` sheet of Outturn's template: `layout version | 1`, `period | 2023-08` and one
 * `table | <sheet name> | <layout id> | <subject id> | <subject name>` row per table sheet. Rows for a
 * layout this workspace does not know are left alone.
 */
export class TemplateInfoReader {
  private readonly info: TemplateInfo = { version: null, period: null, sheets: new Map() };

  constructor(
    private readonly ctx: ReadContext,
    private readonly sheet: string,
  ) {}

  row(row: SheetRow): void {
    const at = (col: number) => row.cells[col];
    const name = at(1) ? plainText(at(1)!.value).toLowerCase() : '';
    const b = at(2);
    if (name === 'layout version' && b) this.info.version = { text: plainText(b.value), cell: b.address };
    else if (name === 'period' && b) {
      const month = monthOf(b);
      if (month) this.info.period = { value: month, cell: b.address };
      else this.problem(b, MSG.notMonth);
    } else if (name === 'table' && b && at(3) && at(4)) {
      const spec = specOf(this.ctx, plainText(at(3)!.value).toLowerCase());
      if (!spec) return;
      const subjectId = plainText(at(4)!.value);
      const subjectName = at(5) ? plainText(at(5)!.value).trim() || null : null;
      // A subject this workspace lacks is created from the name the template carries; without one it cannot be.
      if (!subjectsOf(this.ctx, spec).byId(subjectId) && !subjectName) {
        this.problem(at(4)!, MSG.unknownSubject(spec.subjects.noun));
        return;
      }
      this.info.sheets.set(plainText(b.value), { spec: spec.id, subjectId, subjectName, cell: at(4)!.address });
    }
  }

  end(): void {
    const { info, ctx } = this;
    if (info.version && info.version.text !== TEMPLATE_VERSION) {
      const newer = /^\d{1,6}$/.test(info.version.text) && Number(info.version.text) > Number(TEMPLATE_VERSION);
      ctx.sink.problem({
        sheet: this.sheet,
        cell: info.version.cell,
        value: newer ? null : info.version.text,
        reason: newer ? MSG.newerTemplate(info.version.text, TEMPLATE_VERSION) : MSG.unknownTemplateVersion,
      });
    }
    const wanted = ctx.opts.period;
    if (wanted && info.period && info.period.value !== wanted) {
      ctx.sink.problem({ sheet: this.sheet, cell: info.period.cell, value: null, reason: MSG.templateVsPeriod(monthLabel(info.period.value), wanted) });
    }
    // Sheets read before this one were placed by their names: the hidden sheet has the last word.
    for (const placed of ctx.placedByName) {
      const listed = info.sheets.get(placed.sheet);
      if (listed && (listed.subjectId !== placed.subjectId || listed.spec !== placed.spec)) {
        const spec = specOf(ctx, listed.spec);
        const subject = (spec && subjectsOf(ctx, spec).byId(listed.subjectId)?.name) ?? listed.subjectName ?? listed.subjectId;
        ctx.sink.problem({ sheet: placed.sheet, cell: null, value: null, reason: MSG.templateVsSheet(placed.sheet, subject) });
      }
    }
    ctx.template = info;
  }

  private problem(cell: Cell, reason: string): void {
    this.ctx.sink.problem({ sheet: this.sheet, cell: cell.address, value: asFound(cell.value), reason });
  }
}
