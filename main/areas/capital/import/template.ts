import { financialYearOf } from '../../../../shared/periods';
import { fromHundredths } from '../../../../shared/units';
import { finishTemplateSheet, templateSheetName, type TemplateSheets } from '../../../import/template';
import { numberFormat } from '../../../pack/theme';
import type { Workspace } from '../../../store/workspace';
import { listFunding, listSchemes } from '../repository';
import { FUNDING, SCHEMES, type CapitalLayout } from './spec';

/**
 * Appendix 3's sheets of "Download template": 4.1's schemes and 4.2's sources of funding, a Key column
 * naming each, its name and the figures in £000. No totals or variances: Outturn works them out.
 */
export function capitalTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const fy = financialYearOf(period).replace('-', '/');
  const source = (ws.db.prepare('SELECT MAX(period) FROM capital_schemes WHERE period <= ?').pluck().get(period) as string | null) ?? null;
  const lines: Record<string, { key: string; name: string; values: Record<string, unknown> }[]> = {
    [SCHEMES.id]: source ? listSchemes(ws, source).map((l) => ({ key: l.key, name: l.name, values: l })) : [],
    [FUNDING.id]: source ? listFunding(ws, source).map((l) => ({ key: l.key, name: l.name, values: l })) : [],
  };
  const sheetOf = (layout: CapitalLayout): TemplateSheets => (wb, taken, register) => {
    const name = templateSheetName(`Capital ${layout.subject.id} ${layout.subject.name}`, taken);
    register({ sheet: name, spec: layout.id, subjectId: layout.subject.id, subjectName: layout.subject.name });
    const headers = ['Key', layout.labelHeader, ...layout.fields.map((f) => f.header(fy))];
    const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    sheet.columns = headers.map((header, i) => ({ header, width: i === 0 ? 30 : i === 1 ? 48 : 16 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    layout.fields.forEach((_, i) => (sheet.getColumn(i + 3).numFmt = numberFormat('gbp_000')));
    for (const l of lines[layout.id]!) {
      // Words are written as text: a name such as "=1+1" never becomes a formula.
      sheet.addRow([l.key, l.name, ...layout.fields.map((f) => { const v = l.values[f.key]; return filled && typeof v === 'number' ? fromHundredths(v) : null; })]);
    }
    finishTemplateSheet(sheet, period, `${layout.subject.id} ${layout.subject.name}`, headers.length);
  };
  return (wb, taken, register) => {
    for (const layout of [SCHEMES, FUNDING]) sheetOf(layout)(wb, taken, register);
  };
}
