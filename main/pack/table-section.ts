import { uniqueSheetName } from '../../shared/pack/sheet-names';
import type ExcelJS from 'exceljs';
import { cellNumber, type PackChart, type PackTableSection } from '../../shared/pack/table-section';
import { renderOptionPng } from './chart-png';
import { ALIGN, applyPageSetup, BORDERS, FILLS, FONTS, numberFormat, ROW_HEIGHTS, wrappedHeight } from './theme';
import type { PackContext, SectionOutline } from './sections/types';

/**
 * Writes a section of plain published tables (shared/pack/table-section.ts) on one sheet: the heading as
 * the print title, then each table with its title, header row, lines, totals and notes. Figures are
 * numbers in their displayed unit with the unit's number format, so an Excel SUM agrees with the page.
 */
export function writeTableSection(ctx: PackContext, section: PackTableSection): SectionOutline {
  const name = uniqueSheetName(`${section.number} ${section.title}`, ctx.sheetNames);
  ctx.sheetNames.push(name);
  const sheet = ctx.wb.addWorksheet(name, { views: [{ state: 'normal', showGridLines: false }] });
  const widths = section.tables.reduce<number[]>((w, t) => t.widths.map((x, i) => Math.max(x, w[i] ?? 0)), []);
  sheet.columns = widths.map((width) => ({ width }));
  const lastCol = Math.max(1, widths.length);
  const total = widths.reduce((a, b) => a + b, 0);
  applyPageSetup(sheet, { printTitlesRow: '1:1', footer: ctx.footer });

  const prose = (rowNo: number, text: string, font = FONTS.body) => {
    if (lastCol > 1) sheet.mergeCells(rowNo, 1, rowNo, lastCol);
    const cell = sheet.getCell(rowNo, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = ALIGN.prose;
    sheet.getRow(rowNo).height = wrappedHeight(text, total, font.size);
    return rowNo + 1;
  };
  const heading = sheet.getCell(1, 1);
  heading.value = `${section.number}. ${section.title}`;
  heading.font = FONTS.heading;
  sheet.getRow(1).height = ROW_HEIGHTS.heading;
  let r = 2;
  for (const text of section.intro) r = prose(r, text);
  const entries: SectionOutline['entries'] = [];
  let figures = 0;
  for (const table of section.tables) {
    r += 1;
    entries.push({ number: table.number, text: table.title, cell: `A${r}` });
    r = prose(r, `${table.number} ${table.title}`, FONTS.caption);
    const head = sheet.getRow(r);
    table.headers.forEach((h, i) => {
      const cell = head.getCell(i + 1);
      cell.value = h;
      cell.font = FONTS.tableHeader;
      cell.fill = FILLS.tableHeader;
      cell.border = BORDERS.cell;
      cell.alignment = ALIGN.header;
    });
    head.height = ROW_HEIGHTS.tableHeader;
    r += 1;
    for (const row of table.rows) {
      const line = sheet.getRow(r);
      row.cells.forEach((c, i) => {
        const cell = line.getCell(i + 1);
        const n = cellNumber(c);
        if (c !== null && typeof c === 'object') {
          cell.value = n;
          cell.numFmt = numberFormat(c.unit, c.zero ? { zero: c.zero } : undefined);
          if (n !== null) figures += 1;
        } else {
          cell.value = c;
          cell.alignment = ALIGN.prose;
        }
        cell.font = row.kind === 'line' ? FONTS.body : FONTS.bold;
        cell.border = row.kind === 'total' ? BORDERS.totalTop : BORDERS.cell;
        if (row.kind === 'total') cell.fill = FILLS.total;
        if (row.kind === 'heading') cell.fill = FILLS.group;
      });
      const longest = row.cells.reduce<number>((h, c, i) => (typeof c === 'string' ? Math.max(h, wrappedHeight(c, table.widths[i] ?? 10)) : h), ROW_HEIGHTS.body);
      line.height = longest;
      r += 1;
    }
    for (const note of table.notes) r = prose(r, note, FONTS.note);
    for (const chart of table.charts ?? []) r = writeChart(ctx, sheet, r, lastCol, total, chart);
  }
  return { id: section.id, number: section.number, title: section.title, sheet: name, entries, figures };
}

/** Row heights are in points; pictures are placed in pixels at 96 per inch. */
const PX_TO_PT = 72 / 96;

/**
 * A chart under its table: a caption row (exceljs gives a picture no alt text, so the caption carries the
 * chart's title in bold and its figures in words), then the picture in a row of its height.
 */
function writeChart(ctx: PackContext, sheet: ExcelJS.Worksheet, row: number, lastCol: number, width: number, chart: PackChart): number {
  if (lastCol > 1) sheet.mergeCells(row, 1, row, lastCol);
  const caption = sheet.getCell(row, 1);
  const rest = chart.altText.startsWith(chart.title) ? chart.altText.slice(chart.title.length) : ` ${chart.altText}`;
  caption.value = { richText: [{ text: chart.title, font: FONTS.chartTitle }, { text: rest, font: FONTS.chartCaption }] };
  caption.alignment = ALIGN.prose;
  // Excel stops a row at 409 points.
  sheet.getRow(row).height = Math.min(409, wrappedHeight(chart.altText, width, FONTS.chartCaption.size));
  const picture = row + 1;
  sheet.getRow(picture).height = Math.ceil(chart.height * PX_TO_PT) + 6;
  const id = ctx.wb.addImage({ buffer: renderOptionPng(chart.option, chart) as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(id, { tl: { col: 0, row: picture - 1 }, ext: { width: chart.width, height: chart.height }, editAs: 'oneCell' });
  return picture + 1;
}
