import type ExcelJS from 'exceljs';
import { blocksOf } from '../../../../shared/areas/revenue/commentary';
import type { Figures } from '../../../../shared/areas/revenue/model';
import { uniqueSheetName } from '../../../../shared/pack/sheet-names';
import { ALIGN, applyPageSetup, BORDERS, FILLS, FONTS, numberFormat, ROW_HEIGHTS, wrappedHeight } from '../../../pack/theme';
import type { PackContext } from '../../../pack/sections/types';

/**
 * Writing revenue's sheets with the pack theme (the formatting standards of Section 5): named fonts,
 * navy header rows, totals ruled above, figures in the published unit (£000, whole percent), prose one
 * row per paragraph or bullet, wrapped, so no merged cell clips a text.
 */
export const WIDTHS = [16, 11, 48, 13, 13, 13, 13, 14, 12] as const;
export const PROSE_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);

export class SheetWriter {
  row = 1;
  figures = 0;
  constructor(readonly sheet: ExcelJS.Worksheet) {}

  static open(ctx: PackContext, title: string): SheetWriter {
    const name = uniqueSheetName(title, ctx.sheetNames);
    ctx.sheetNames.push(name);
    const sheet = ctx.wb.addWorksheet(name, { properties: { tabColor: { argb: 'FF1F3864' } }, views: [{ state: 'normal', showGridLines: false }] });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    applyPageSetup(sheet, { printTitlesRow: '1:1', footer: ctx.footer });
    return new SheetWriter(sheet);
  }

  get name(): string {
    return this.sheet.name;
  }

  heading(text: string, font: Partial<ExcelJS.Font> = FONTS.heading): string {
    const cell = this.sheet.getCell(this.row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = ALIGN.text;
    this.sheet.getRow(this.row).height = font === FONTS.heading ? ROW_HEIGHTS.heading : ROW_HEIGHTS.body + 4;
    return `A${this.row++}`;
  }

  /** One paragraph or bullet a row, merged across the table's width and wrapped to its length. */
  prose(body: string, font: Partial<ExcelJS.Font> = FONTS.body): void {
    for (const b of blocksOf(body)) {
      const text = b.kind === 'bullet' ? `•  ${b.text}` : b.text;
      this.sheet.mergeCells(this.row, 1, this.row, WIDTHS.length);
      const cell = this.sheet.getCell(this.row, 1);
      cell.value = text;
      cell.font = font;
      cell.alignment = b.kind === 'bullet' ? { ...ALIGN.prose, indent: 1 } : ALIGN.prose;
      this.sheet.getRow(this.row).height = wrappedHeight(text, PROSE_WIDTH, font.size);
      this.row++;
    }
  }

  header(cells: readonly (string | null)[]): void {
    const row = this.sheet.getRow(this.row++);
    row.height = ROW_HEIGHTS.tableHeader;
    cells.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      cell.value = text;
      cell.font = FONTS.tableHeader;
      cell.fill = FILLS.tableHeader;
      cell.alignment = ALIGN.header;
      cell.border = BORDERS.cell;
    });
  }

  /** A row of text and figures: money in £000, a percentage as Excel's fraction with the published decimals. */
  figuresRow(cells: readonly (string | { money: number | null } | { pct: number | null; decimals?: 0 | 1 } | null)[], style: 'line' | 'heading' | 'total' | 'grand'): void {
    const row = this.sheet.getRow(this.row++);
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c !== null && typeof c === 'object' && 'money' in c) {
        cell.value = c.money === null ? null : c.money / 100;
        cell.numFmt = numberFormat('gbp_000');
        cell.alignment = ALIGN.number;
        if (c.money !== null) this.figures++;
      } else if (c !== null && typeof c === 'object' && 'pct' in c) {
        cell.value = c.pct === null ? null : c.pct / 10000;
        cell.numFmt = numberFormat('percent', { decimals: c.decimals ?? 0 });
        cell.alignment = ALIGN.number;
        if (c.pct !== null) this.figures++;
      } else {
        cell.value = c;
        cell.alignment = ALIGN.label;
      }
      cell.font = style === 'line' ? FONTS.body : FONTS.bold;
      cell.border = style === 'total' ? BORDERS.totalTop : style === 'grand' ? BORDERS.grandTotal : BORDERS.cell;
      if (style === 'heading') cell.fill = FILLS.group;
      if (style === 'total' || style === 'grand') cell.fill = FILLS.total;
    });
  }

  gap(n = 1): void {
    this.row += n;
  }
}

export const money = (f: Figures, c: keyof Figures) => ({ money: f[c] });
