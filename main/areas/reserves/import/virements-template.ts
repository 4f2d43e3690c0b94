import { BUSINESS_PLAN_ROW, virementRowKey } from '../../../../shared/areas/reserves/virements';
import { monthLabel } from '../../../../shared/periods';
import { fromHundredths, type Hundredths } from '../../../../shared/units';
import { finishTemplateSheet, templateSheetName, type TemplateSheets } from '../../../import/template';
import { numberFormat } from '../../../pack/theme';
import type { Workspace } from '../../../store/workspace';
import { listDirectorates, monthRows } from '../repository';
import { virementLines } from '../virements';
import { VIREMENTS_IMPORT_ID, VIREMENTS_SUBJECT } from './virements-spec';

/**
 * The virements' sheets of "Download template": one per directorate, the Business Plan budget first
 * (key business-plan), then each virement (v1, v2…) with its budget line, the month it took effect, its
 * amount in £'000 and notes. A row added without a key is a new virement. No total: Outturn works it out.
 */
const HEADERS = ['Key', 'Budget Line', 'Eff. Period', "Amount £'000", 'Notes'];
const money = (v: Hundredths | null) => (v === null ? null : fromHundredths(v));

export function virementsTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const months = new Map(monthRows(ws, period).map((m) => [m.directorateId, m]));
  return (wb, taken, register) => {
    for (const d of listDirectorates(ws)) {
      const name = templateSheetName(`Virements ${d.name}`, taken);
      register({ sheet: name, spec: VIREMENTS_IMPORT_ID, subjectId: `${VIREMENTS_SUBJECT}${d.id}`, subjectName: d.name });
      const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
      sheet.columns = HEADERS.map((header, i) => ({ header, width: [16, 48, 16, 14, 60][i] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
      sheet.getColumn(4).numFmt = numberFormat('gbp_000q');
      if (filled && months.has(d.id)) {
        sheet.addRow([BUSINESS_PLAN_ROW, 'Budget as per Business Plan', null, money(months.get(d.id)!.businessPlan), null]);
        // Words are written as text: a note such as "=1+1" never becomes a formula.
        for (const v of virementLines(ws, period, d.id)) sheet.addRow([virementRowKey(v.seq), v.budgetLine, monthLabel(v.effectivePeriod), money(v.amount), v.notes]);
      }
      finishTemplateSheet(sheet, period, `Virements and Budget Reconciliation (${d.name})`, HEADERS.length);
    }
  };
}
