import path from 'node:path';
import ExcelJS from 'exceljs';
import { monthLabel } from '../../shared/periods';
import { FONTS } from '../pack/theme';
import { packTarget, writeWorkbookAtomically } from '../pack/write';
import type { Workspace } from '../store/workspace';
import { figuresSha256 } from './figures';
import { periodAudit } from './audit';
import { requireMonth } from './close';
import { monthEndState } from './monthend';

/**
 * The audit report of a month, for auditors: every audited change filed under the month, one row each,
 * in plain columns they can filter and sort in Excel, and a sheet saying what the report covers (the
 * month's status, its sign-off and the SHA-256 of its figures now, to compare with the sign-off's).
 */
export const AUDIT_SHEET = 'Audit trail';
export const ABOUT_SHEET = 'About this report';

const COLUMNS: { header: string; width: number; value: (r: ReturnType<typeof periodAudit>[number]) => ExcelJS.CellValue }[] = [
  { header: 'Change no.', width: 11, value: (r) => r.id },
  { header: 'Step no.', width: 9, value: (r) => r.operation },
  { header: 'When (UTC)', width: 20, value: (r) => new Date(r.at) },
  { header: 'Who (computer user)', width: 18, value: (r) => r.osUser },
  { header: 'Computer', width: 16, value: (r) => r.machine },
  { header: 'How', width: 26, value: (r) => r.how },
  { header: 'Step', width: 48, value: (r) => r.step ?? '' },
  { header: 'Area', width: 20, value: (r) => r.area },
  { header: 'Table', width: 20, value: (r) => r.table },
  { header: 'Row', width: 40, value: (r) => r.row },
  { header: 'Column', width: 20, value: (r) => r.column },
  { header: 'Change', width: 10, value: (r) => r.action },
  { header: 'From', width: 18, value: (r) => r.from },
  { header: 'To', width: 18, value: (r) => r.to },
  { header: 'File imported', width: 24, value: (r) => r.fileName ?? '' },
  { header: 'File SHA-256', width: 66, value: (r) => r.fileSha256 ?? '' },
];

export async function auditWorkbook(ws: Workspace, period: string): Promise<{ workbook: ExcelJS.Workbook; rows: number }> {
  requireMonth(ws, period);
  const rows = periodAudit(ws, period);
  const state = monthEndState(ws, period);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Outturn';
  wb.title = `Audit trail, ${monthLabel(period)}`;
  wb.created = new Date();

  const sheet = wb.addWorksheet(AUDIT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = FONTS.bold;
  for (const r of rows) {
    const row = sheet.addRow(COLUMNS.map((c) => c.value(r)));
    row.font = FONTS.body;
  }
  sheet.getColumn(3).numFmt = 'yyyy-mm-dd hh:mm:ss';
  // Auditors filter and sort it in Excel; printed, it is A4 landscape, one page wide, the headings on every page.
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: COLUMNS.length } };

  const about = wb.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 34 }, { width: 80 }];
  const statusText = state.status === 'closed' ? `Closed (${state.closedText})` : state.status === 'ready' ? `Ready for review (marked by ${state.readyBy})` : 'Open';
  const facts: [string, string][] = [
    ['Workspace', path.basename(ws.file)],
    ['Month', monthLabel(period)],
    ['Status', statusText],
    ['Changes listed', String(rows.length)],
    ['Figures SHA-256 now', figuresSha256(ws, period)],
    ['Figures SHA-256 signed off', state.signOff?.figuresSha256 ?? '(not signed off)'],
    ['Committee pack SHA-256 signed off', state.signOff?.packSha256 ?? '(not signed off)'],
    ['Report written', new Date().toISOString()],
    ['Report written by', `${ws.identity.osUser} on ${ws.identity.machine}`],
  ];
  facts.forEach(([k, v], i) => {
    about.getCell(i + 1, 1).value = k;
    about.getCell(i + 1, 1).font = FONTS.bold;
    about.getCell(i + 1, 2).value = v;
    about.getCell(i + 1, 2).font = FONTS.body;
  });
  const note = facts.length + 2;
  about.getCell(note, 1).value =
    'Every change Outturn recorded for this month, as its database triggers wrote it: one row per changed cell, oldest first. Figures are shown in the unit their table publishes; "blank" is an empty cell, not zero. Steps changing the workspace as a whole (closing, sign-off, reopening) are listed too.';
  about.mergeCells(note, 1, note, 2);
  about.getCell(note, 1).alignment = { wrapText: true, vertical: 'top' };
  about.getRow(note).height = 48;
  about.getCell(note, 1).font = FONTS.note;
  return { workbook: wb, rows: rows.length };
}

export async function auditReportFile(ws: Workspace, period: string): Promise<{ fileName: string; data: Buffer; rows: number }> {
  const { workbook, rows } = await auditWorkbook(ws, period);
  return { fileName: `Audit trail ${monthLabel(period)}.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}

export async function writeAuditReport(ws: Workspace, period: string, file: string): Promise<{ file: string; rows: number }> {
  packTarget(file, 'audit report'); // refused before any work when it could never be written
  const { workbook, rows } = await auditWorkbook(ws, period);
  return { file: await writeWorkbookAtomically(workbook, file, 'audit report'), rows };
}
