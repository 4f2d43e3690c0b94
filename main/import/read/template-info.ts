import { monthLabel } from '../../../shared/periods';
import { asFound, plainText, type Cell } from './cells';
import type { ReadContext, SheetRow, TemplateInfo } from './context';
import { MSG } from './messages';
import { isMonthId } from './names';

export const TEMPLATE_SHEET = '_outturn';
export const TEMPLATE_VERSION = '1';

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
 * `table | <sheet name> | kad | <service id> | <service name>` row per table sheet. Other areas' rows are left alone.
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
      if (plainText(at(3)!.value).toLowerCase() !== 'kad') return;
      const serviceId = plainText(at(4)!.value);
      const serviceName = at(5) ? plainText(at(5)!.value).trim() || null : null;
      // A service this workspace lacks is created from the name the template carries; without one it cannot be.
      if (!this.ctx.services.byId(serviceId) && !serviceName) {
        this.problem(at(4)!, MSG.unknownService);
        return;
      }
      this.info.sheets.set(plainText(b.value), { serviceId, serviceName, cell: at(4)!.address });
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
      if (listed && listed.serviceId !== placed.serviceId) {
        const service = ctx.services.byId(listed.serviceId)?.name ?? listed.serviceId;
        ctx.sink.problem({ sheet: placed.sheet, cell: null, value: null, reason: MSG.templateVsSheet(placed.sheet, service) });
      }
    }
    ctx.template = info;
  }

  private problem(cell: Cell, reason: string): void {
    this.ctx.sink.problem({ sheet: this.sheet, cell: cell.address, value: asFound(cell.value), reason });
  }
}
