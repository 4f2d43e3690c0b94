import { uniqueSheetName } from '../../shared/pack/sheet-names';
import { cellNumber, type PackTableSection } from '../../shared/pack/table-section';
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
  }
  return { id: section.id, number: section.number, title: section.title, sheet: name, entries, figures };
}
