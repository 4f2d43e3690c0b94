import { monthLabel } from '../../../../shared/periods';
import { fromHundredths, type Hundredths } from '../../../../shared/units';
import { finishTemplateSheet, templateSheetName, type TemplateSheets } from '../../../import/template';
import { numberFormat } from '../../../pack/theme';
import type { Workspace } from '../../../store/workspace';
import { fyLabelOf, reservesSchedules } from '../ledger';
import { hasReserves, listDirectorates, listReserves } from '../repository';
import { grantsTemplate } from './grants-template';
import { SCHEDULE_IMPORT_ID, SCHEDULE_SUBJECT } from './spec';
import { virementsTemplate } from './virements-template';

/**
 * The earmarked reserves' sheets of "Download template": one per directorate, a Key column naming each
 * reserve, its name, the schedule's three figures in £'000 and its description (not imported). No
 * headings or totals: Outturn works them out. Importing the sheet adds the ledger entries that bring each
 * reserve to its row, by difference.
 */
const money = (v: Hundredths | null) => (v === null ? null : fromHundredths(v));

function scheduleTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const held = hasReserves(ws, period);
  const schedules = filled && held ? reservesSchedules(ws, period).schedules : [];
  const month = monthLabel(period).split(' ')[0]!;
  const fy = fyLabelOf(period);
  const headers = ['Key', 'Budget Heading', `Opening Balance ${fy} £'000`, `Net Movements to ${month} ${fy} £'000`, "Forecast Year End Balance £'000", 'Reserve Description'];
  return (wb, taken, register) => {
    for (const d of listDirectorates(ws)) {
      const title = `Reserves ${d.name}`;
      const name = templateSheetName(title, taken);
      register({ sheet: name, spec: SCHEDULE_IMPORT_ID, subjectId: `${SCHEDULE_SUBJECT}${d.id}`, subjectName: d.name });
      const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
      sheet.columns = headers.map((header, i) => ({ header, width: [24, 48, 14, 14, 14, 60][i] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
      for (const col of [3, 4, 5]) sheet.getColumn(col).numFmt = numberFormat('gbp_000q');
      const rows = new Map((schedules.find((s) => s.directorate.id === d.id)?.rows ?? []).map((r) => [r.reserveId, r]));
      for (const r of listReserves(ws).filter((x) => x.directorateId === d.id)) {
        const row = rows.get(r.id);
        // Words are written as text: a name such as "=1+1" never becomes a formula.
        sheet.addRow([r.id, r.name, money(row?.opening ?? null), money(row ? (row.movements ?? 0) : null), money(row?.forecast ?? null), r.description]);
      }
      finishTemplateSheet(sheet, period, `${d.name} Earmarked Reserve Schedule`, headers.length);
    }
  };
}

/** Appendix 5's sheets of the template: the earmarked reserve schedules, the grants, the virements. */
export function reservesTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const parts = [scheduleTemplate(ws, period, filled), grantsTemplate(ws, period, filled), virementsTemplate(ws, period, filled)];
  return (wb, taken, register) => {
    for (const part of parts) part(wb, taken, register);
  };
}
