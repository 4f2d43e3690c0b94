import type ExcelJS from 'exceljs';
import { SAVINGS_AREA_ID } from '../../../../shared/areas/savings/ids';
import { financialYearOf } from '../../../../shared/periods';
import { fromHundredths } from '../../../../shared/units';
import { finishTemplateSheet, templateSheetName, type TemplateSheets } from '../../../import/template';
import type { Workspace } from '../../../store/workspace';
import { listDirectorates, yearLines } from '../repository';

/**
 * The Savings Tracker's part of "Download template": one sheet per directorate, a Key column naming each
 * saving, then the columns an officer may change (no RAG, variances or totals: Outturn works those out).
 * A row added with no key is a new saving.
 */
const HEADERS = ['Key', 'BP Ref', 'Title', 'Original Saving £000', 'Forecast Saving £000', 'Commentary for publication'];
const WIDTHS = [20, 22, 50, 14, 14, 70];
const MONEY = '#,##0;-#,##0';

export function savingsTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const lines = filled ? yearLines(ws, financialYearOf(period)) : [];
  return (wb: ExcelJS.Workbook, taken, register) => {
    for (const d of listDirectorates(ws)) {
      const name = templateSheetName(`Savings ${d.name}`, taken);
      register({ sheet: name, spec: SAVINGS_AREA_ID, subjectId: d.id, subjectName: d.name });
      const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
      sheet.columns = HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
      for (const col of [4, 5]) sheet.getColumn(col).numFmt = MONEY;
      for (const l of lines.filter((x) => x.directorateId === d.id)) {
        // Words stay words: a title such as "=1+1" is written as text, never a formula.
        sheet.addRow([l.id, l.bpRef, l.title, l.originalSaving === null ? null : fromHundredths(l.originalSaving), l.forecastSaving === null ? null : fromHundredths(l.forecastSaving), l.commentary]);
      }
      finishTemplateSheet(sheet, period, `${d.name} Savings Tracker`, HEADERS.length);
    }
  };
}
