import type ExcelJS from 'exceljs';
import { KAD_SECTION_NUMBER, KAD_SECTION_TITLE, kadPackCaption } from '../../../../shared/areas/kad/pack-layout';
import { uniqueSheetName } from '../../../../shared/pack/sheet-names';
import { monthLabel, previousMonth } from '../../../../shared/periods';
import { kadChartStart } from '../../../../shared/areas/kad/chart';
import { getLines, listServices } from '../repository';
import { kadTable } from '../service';
import { kadTrend } from '../trend';
import { ALIGN, applyPageSetup, FONTS, printableRowHeight, ROW_HEIGHTS, wrappedHeight } from '../../../pack/theme';
import { KAD_COLUMN_WIDTHS } from './widths';
import { writeKadCharts } from './charts';
import { writeKadTable, KAD_TABLE_WIDTH } from './table';
import { KAD_INTRO, reportedDotNote } from '../../../../shared/areas/kad/pack-text';
import { KAD_AREA_ID } from '../../../../shared/areas/kad/ids';
import type { PackContext, PackSectionModule, SectionOutline } from '../../../pack/sections/types';

/**
 * Section 5, Key Activity Data: the published explanatory paragraphs, then for each service (5.1…5.6 in
 * the workspace's order) its table on one printed page and its two trend charts on the next.
 *
 * Printing: the tables are stacked on one sheet, so no single set of rows could serve as every table's
 * repeated header. Instead a manual page break starts each table on a fresh page and each table fits on
 * that page, so its own band and header rows are always printed above its figures; the section heading
 * (row 1) is the print title repeated on every page. Nothing is frozen: freezing the first table's
 * header would sit over the other five tables while scrolling.
 */
export const SHEET_TITLE = `${KAD_SECTION_NUMBER} ${KAD_SECTION_TITLE}`;
const LAST_COL = KAD_COLUMN_WIDTHS.length;
/** Share of a page's height the rows may fill: renderers differ slightly in where they break. */
const PAGE_BUDGET = 0.95;

function heightOf(sheet: ExcelJS.Worksheet, from: number, to: number): number {
  let h = 0;
  for (let r = from; r <= to; r++) h += sheet.getRow(r).height ?? ROW_HEIGHTS.body;
  return h;
}

function paragraph(sheet: ExcelJS.Worksheet, rowNo: number, text: string, font: Partial<ExcelJS.Font> = FONTS.body, indent = 0): number {
  sheet.mergeCells(rowNo, 1, rowNo, LAST_COL);
  const cell = sheet.getCell(rowNo, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = indent ? { ...ALIGN.prose, indent } : ALIGN.prose;
  sheet.getRow(rowNo).height = wrappedHeight(text, KAD_TABLE_WIDTH, font.size);
  return rowNo + 1;
}

function writeIntro(sheet: ExcelJS.Worksheet, ctx: PackContext, previousHeld: boolean): number {
  const heading = sheet.getCell(1, 1);
  // Row 1 is the print title: the section's heading, without a month (the footer names the period).
  heading.value = `${KAD_SECTION_NUMBER}. ${KAD_SECTION_TITLE}`;
  heading.font = FONTS.heading;
  heading.alignment = ALIGN.text;
  sheet.getRow(1).height = ROW_HEIGHTS.heading;
  let r = paragraph(sheet, 2, KAD_INTRO.lead);
  for (const text of KAD_INTRO.columns) r = paragraph(sheet, r, `•  ${text}`, FONTS.body, 1);
  r = paragraph(sheet, r, KAD_INTRO.greyed);
  r = paragraph(sheet, r, KAD_INTRO.dot);
  if (!previousHeld) r = paragraph(sheet, r, reportedDotNote(monthLabel(previousMonth(ctx.period))), FONTS.note);
  r = paragraph(sheet, r, KAD_INTRO.tieBack);
  return r;
}

export const kadSection: PackSectionModule = {
  id: KAD_AREA_ID,
  async build(ctx: PackContext): Promise<SectionOutline> {
    const name = uniqueSheetName(SHEET_TITLE, ctx.sheetNames);
    ctx.sheetNames.push(name);
    const sheet = ctx.wb.addWorksheet(name, { properties: { tabColor: { argb: 'FF1F3864' } }, views: [{ state: 'normal', showGridLines: false }] });
    sheet.columns = KAD_COLUMN_WIDTHS.map((width) => ({ width }));
    applyPageSetup(sheet, { printTitlesRow: '1:1', footer: ctx.footer });

    const services = listServices(ctx.ws);
    const tables = services.map((s) => kadTable(ctx.ws, ctx.period, s.id));
    let r = writeIntro(sheet, ctx, tables.some((t) => t.previous !== null));
    const entries: SectionOutline['entries'] = [];
    let figures = 0;
    const chartsFrom = kadChartStart(ctx.period);
    for (const [i, table] of tables.entries()) {
      const caption = kadPackCaption(table.service.caption, i, ctx.period);
      if (i > 0) sheet.getRow(r - 1).addPageBreak();
      if (!getLines(ctx.ws, ctx.period, table.service.id).length) {
        entries.push({ number: `${KAD_SECTION_NUMBER}.${i + 1}`, text: table.service.name, cell: `A${r}` });
        r = paragraph(sheet, r, caption, FONTS.caption);
        r = paragraph(sheet, r, `No Key Activity Data is held for ${table.service.name} in ${ctx.periodLabel}.`, FONTS.note) + 1;
        continue;
      }
      const written = writeKadTable(sheet, r, table, caption);
      // The first table shares the page with the explanatory paragraphs when both fit, else it starts the next.
      if (i === 0 && heightOf(sheet, 1, written.lastRow) > PAGE_BUDGET * printableRowHeight(KAD_COLUMN_WIDTHS)) sheet.getRow(written.captionRow - 1).addPageBreak();
      entries.push({ number: `${KAD_SECTION_NUMBER}.${i + 1}`, text: table.service.name, cell: `A${written.captionRow}` });
      figures += written.figures;
      // The charts take the next page: at a legible size they do not fit under the table.
      sheet.getRow(written.lastRow + 1).addPageBreak();
      const trend = kadTrend(ctx.ws, table.service.id, chartsFrom, ctx.period);
      r = writeKadCharts(ctx.wb, sheet, written.lastRow + 2, trend) + 2;
    }
    return { id: KAD_AREA_ID, number: KAD_SECTION_NUMBER, title: KAD_SECTION_TITLE, sheet: name, entries, figures };
  },
};
