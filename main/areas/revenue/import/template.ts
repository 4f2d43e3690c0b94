import { ENTERED_FIELDS, type RevenueLine } from '../../../../shared/areas/revenue/model';
import { fromHundredths } from '../../../../shared/units';
import { finishTemplateSheet, templateSheetName, type TemplateSheets } from '../../../import/template';
import { numberFormat } from '../../../pack/theme';
import type { Workspace } from '../../../store/workspace';
import { getLines, listDirectorates, periodsWithRevenue } from '../repository';
import { REVENUE_COLUMNS, REVENUE_IMPORT_ID } from './spec';

const HEADERS = ['key', 'label', 'committee', ...ENTERED_FIELDS].map((k) => REVENUE_COLUMNS.find((c) => c.key === k)!.header);
const FIRST_FIGURE = 4;

/**
 * Revenue's sheets of "Download template": one per directorate (Appendix 1a, 1b…), a Key column, the
 * line, its committee and the four entered figures in £000; no headings or totals (they are computed).
 * An empty template lists the lines of the month, or of the latest month held when the month has none.
 */
export function revenueTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const held = periodsWithRevenue(ws);
  const source = held.includes(period) ? period : (held.filter((p) => p < period).at(-1) ?? held.at(-1) ?? null);
  return (wb, taken, register) => {
    for (const d of listDirectorates(ws)) {
      const name = templateSheetName(`Appendix ${d.appendix} ${d.name}`, taken);
      register({ sheet: name, spec: REVENUE_IMPORT_ID, subjectId: d.id, subjectName: d.name });
      const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
      sheet.columns = HEADERS.map((header, i) => ({ header, width: i === 1 ? 56 : i === 0 ? 30 : 16 }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
      const lines: readonly RevenueLine[] = source ? getLines(ws, source, d.id).lines : [];
      lines.forEach((l, i) => {
        const row = sheet.getRow(i + 2);
        // Strings are written as strings: a label such as "=1+1" stays text, never a formula.
        row.getCell(1).value = l.key;
        row.getCell(2).value = l.label;
        row.getCell(3).value = l.committee;
        ENTERED_FIELDS.forEach((f, j) => {
          const cell = row.getCell(FIRST_FIGURE + j);
          cell.numFmt = numberFormat('gbp_000');
          const value = filled ? l[f] : null;
          if (value !== null) cell.value = fromHundredths(value);
        });
      });
      finishTemplateSheet(sheet, period, `Appendix ${d.appendix} ${d.name}`, HEADERS.length);
    }
  };
}
