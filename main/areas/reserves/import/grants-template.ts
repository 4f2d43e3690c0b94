import { fromHundredths } from '../../../../shared/units';
import { finishTemplateSheet, templateSheetName, type TemplateSheets } from '../../../import/template';
import { numberFormat } from '../../../pack/theme';
import type { Workspace } from '../../../store/workspace';
import { grantLines, heldDirectorates } from '../grants';
import { listDirectorates } from '../repository';
import { GRANTS_COLUMNS, GRANTS_IMPORT_ID, GRANTS_SUBJECT } from './grants-spec';

/**
 * The grants' sheets of "Download template": one per directorate, a Key column naming each grant the
 * directorate lists in the month (or the latest month before it), its name, awarding body and amount in
 * £'000. No total: Outturn works it out.
 */
const HEADERS = GRANTS_COLUMNS.map((c) => c.header);

/** The month whose grants the template lists: the month itself when held, else the latest held before it. */
function sourceMonth(ws: Workspace, period: string): string | null {
  return (ws.db.prepare('SELECT MAX(period) FROM reserves_grants WHERE period <= ?').pluck().get(period) as string | null) ?? null;
}

export function grantsTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const source = sourceMonth(ws, period);
  const held = source ? new Set(heldDirectorates(ws, source).map((d) => d.id)) : new Set<string>();
  return (wb, taken, register) => {
    for (const d of listDirectorates(ws)) {
      const name = templateSheetName(`Grants ${d.name}`, taken);
      register({ sheet: name, spec: GRANTS_IMPORT_ID, subjectId: `${GRANTS_SUBJECT}${d.id}`, subjectName: d.name });
      const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
      sheet.columns = HEADERS.map((header, i) => ({ header, width: [30, 48, 48, 14][i] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
      sheet.getColumn(4).numFmt = numberFormat('gbp_000q');
      for (const g of source && held.has(d.id) ? grantLines(ws, source, d.id) : []) {
        // Words are written as text: a name such as "=1+1" never becomes a formula.
        sheet.addRow([g.key, g.name, filled ? g.awardingBody : null, filled && g.amount !== null ? fromHundredths(g.amount) : null]);
      }
      finishTemplateSheet(sheet, period, `${d.name} grants not built into base budgets`, HEADERS.length);
    }
  };
}
