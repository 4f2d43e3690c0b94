import type ExcelJS from 'exceljs';
import { formatMeetingDate } from '../../../shared/pack/settings';
import { sheetLink, uniqueSheetName } from '../../../shared/pack/sheet-names';
import { financialYearOf } from '../../../shared/periods';
import { ALIGN, applyPageSetup, BORDERS, CONTENTS_COLUMN_WIDTHS, FILLS, FONTS, ROW_HEIGHTS } from '../theme';
import type { PackContext, SectionOutline } from './types';

/**
 * The cover and contents sheet: who publishes the pack, for which committee and meeting, the period, and
 * a link to each section and to each table inside it. Created first (so it is the first tab) and filled
 * once the other sections know where their tables landed. No section title here names a month, so the
 * import engine never mistakes a contents line for a table's title.
 */
export const CONTENTS_SHEET = 'Contents';

export function createContentsSheet(ctx: PackContext): ExcelJS.Worksheet {
  const name = uniqueSheetName(CONTENTS_SHEET, ctx.sheetNames);
  ctx.sheetNames.push(name);
  const sheet = ctx.wb.addWorksheet(name, { views: [{ state: 'normal', showGridLines: false }] });
  sheet.columns = CONTENTS_COLUMN_WIDTHS.map((width) => ({ width }));
  applyPageSetup(sheet, { footer: ctx.footer });
  return sheet;
}

function line(sheet: ExcelJS.Worksheet, rowNo: number, text: string, font: Partial<ExcelJS.Font>, height: number = ROW_HEIGHTS.body + 3): void {
  sheet.mergeCells(rowNo, 1, rowNo, CONTENTS_COLUMN_WIDTHS.length);
  const cell = sheet.getCell(rowNo, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = ALIGN.text;
  sheet.getRow(rowNo).height = height;
}

function detail(sheet: ExcelJS.Worksheet, rowNo: number, label: string, value: string): void {
  line(sheet, rowNo, `${label}: ${value}`, FONTS.body, ROW_HEIGHTS.body + 2);
}

export function fillContents(sheet: ExcelJS.Worksheet, ctx: PackContext, outlines: SectionOutline[]): void {
  const { settings } = ctx;
  line(sheet, 1, settings.councilName, FONTS.title, ROW_HEIGHTS.title);
  let r = 2;
  if (settings.committee) line(sheet, r++, settings.committee, FONTS.subtitle);
  line(sheet, r++, ctx.reportTitle, FONTS.subtitle);
  r++;
  if (settings.meetingDate) detail(sheet, r++, 'Meeting date', formatMeetingDate(settings.meetingDate));
  detail(sheet, r++, 'Period', `${ctx.periodLabel} (financial year ${financialYearOf(ctx.period).replace('-', '/')})`);
  if (settings.author) detail(sheet, r++, 'Author', settings.author);
  if (ctx.approval) line(sheet, r++, `${ctx.approval}.`, FONTS.bold, ROW_HEIGHTS.body + 2);
  r++;
  line(sheet, r++, 'Contents', FONTS.heading, ROW_HEIGHTS.heading);

  const header = sheet.getRow(r++);
  ['Section', 'Sheet'].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = FONTS.tableHeader;
    cell.fill = FILLS.tableHeader;
    cell.border = BORDERS.cell;
    cell.alignment = ALIGN.text;
  });
  header.height = ROW_HEIGHTS.body + 3;
  // "5.1 Learning Disability Partnership" as one text: a number alone in a cell would read as a figure stored as text.
  const entry = (text: string, sheetName: string, cellRef: string, level: 0 | 1) => {
    const row = sheet.getRow(r++);
    row.height = ROW_HEIGHTS.body + 2;
    row.getCell(1).value = { text, hyperlink: sheetLink(sheetName, cellRef), tooltip: `Go to ${text}` };
    row.getCell(1).font = { ...FONTS.link, bold: level === 0 };
    row.getCell(1).alignment = { ...ALIGN.text, indent: level * 2 };
    row.getCell(2).value = sheetName;
    row.getCell(2).font = FONTS.body;
    row.getCell(2).alignment = ALIGN.text;
    for (let c = 1; c <= 2; c++) row.getCell(c).border = BORDERS.cell;
  };
  for (const o of outlines) {
    entry(`${o.number} ${o.title}`, o.sheet, 'A1', 0);
    for (const e of o.entries) entry(`${e.number} ${e.text}`, o.sheet, e.cell, 1);
  }
}
