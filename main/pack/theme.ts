import type ExcelJS from 'exceljs';
import { UNITS, type NumericUnitId, type UnitOptions } from '../../shared/units';

/**
 * The committee pack's look, in one place: every font, fill, border, number format, column width and
 * page setting a section uses comes from here, so a council restyling its pack changes one file.
 * Fonts are always named: a font without a name renders as a serif in LibreOffice (STACK.md).
 */

export const FONT_NAME = 'Calibri';
const INK = 'FF000000';
const WHITE = 'FFFFFFFF';
const NAVY = 'FF1F3864';
const GREY_TEXT = 'FF595959';
const RULE = 'FFBFBFBF';
const LINK = 'FF0563C1';

export const SIZES = { body: 10, heading: 14, title: 18, subtitle: 13, note: 9, chartCaption: 9, headerFooter: 9 } as const;

const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size: SIZES.body, color: { argb: INK }, ...extra });

export const FONTS = {
  body: font(),
  bold: font({ bold: true }),
  title: font({ size: SIZES.title, bold: true, color: { argb: NAVY } }),
  subtitle: font({ size: SIZES.subtitle, bold: true }),
  heading: font({ size: SIZES.heading, bold: true, color: { argb: NAVY } }),
  caption: font({ bold: true }),
  tableHeader: font({ bold: true, color: { argb: WHITE } }),
  group: font({ bold: true }),
  greyed: font({ color: { argb: GREY_TEXT } }),
  note: font({ size: SIZES.note, italic: true, color: { argb: GREY_TEXT } }),
  chartCaption: font({ size: SIZES.chartCaption }),
  chartTitle: font({ size: SIZES.chartCaption, bold: true }),
  link: font({ color: { argb: LINK }, underline: true }),
} as const;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

export const FILLS = {
  tableHeader: solid(NAVY),
  group: solid('FFDCE6F1'),
  /** Greyed-out (unused) care types, as the published tables grey them: #D9D9D9 behind #595959 text (5:1). */
  greyed: solid('FFD9D9D9'),
  total: solid('FFF2F2F2'),
} as const;

const thin = (argb = RULE): ExcelJS.Border => ({ style: 'thin', color: { argb } });

export const BORDERS = {
  cell: { top: thin(), left: thin(), bottom: thin(), right: thin() } as Partial<ExcelJS.Borders>,
  /** Subtotals and totals: a firm rule above. */
  totalTop: { top: thin(INK), left: thin(), bottom: thin(), right: thin() } as Partial<ExcelJS.Borders>,
  grandTotal: { top: thin(INK), left: thin(), bottom: { style: 'double', color: { argb: INK } }, right: thin() } as Partial<ExcelJS.Borders>,
} as const;

/**
 * The number format that displays a figure as the published table prints it, on a cell holding the
 * value in its displayed unit (CONVENTIONS.md): 245 / 1,547; £2,271; £28,942k, -£289k and "£k" for a zero.
 */
export function numberFormat(unit: NumericUnitId, opts?: UnitOptions): string {
  return UNITS[unit].excelFormat(opts);
}

export const ALIGN = {
  text: { vertical: 'middle', horizontal: 'left' } as Partial<ExcelJS.Alignment>,
  indented: { vertical: 'middle', horizontal: 'left', indent: 1 } as Partial<ExcelJS.Alignment>,
  label: { vertical: 'middle', horizontal: 'left', indent: 1, wrapText: true } as Partial<ExcelJS.Alignment>,
  number: { vertical: 'middle', horizontal: 'right' } as Partial<ExcelJS.Alignment>,
  centre: { vertical: 'middle', horizontal: 'center' } as Partial<ExcelJS.Alignment>,
  header: { vertical: 'middle', horizontal: 'center', wrapText: true } as Partial<ExcelJS.Alignment>,
  prose: { vertical: 'top', horizontal: 'left', wrapText: true } as Partial<ExcelJS.Alignment>,
} as const;

export const CONTENTS_COLUMN_WIDTHS = [80, 30] as const;

export const ROW_HEIGHTS = { body: 14, tableHeader: 46, heading: 24, title: 30 } as const;

/** Charts sit side by side on the page after their table: each half the table's width. */
export const CHART_SIZE = { width: 490, height: 440 } as const;

/**
 * Points a wrapped text needs in a merged area `widthChars` wide. A width unit is the width of "0" in
 * 11pt Calibri; running 10pt text averages about 1.2 characters per unit (measured on the FMR's prose).
 */
export function wrappedHeight(text: string, widthChars: number, size: number = SIZES.body): number {
  const perLine = Math.max(10, Math.floor((widthChars * 1.2 * SIZES.body) / size));
  const lines = text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
  return Math.ceil(lines * size * 1.3 + 3);
}

const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.55, bottom: 0.6, header: 0.25, footer: 0.3 } as const;
/** A4 landscape in points. */
const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

/** The printed height one page offers rows of a sheet whose columns are `widths` wide, after fit-to-width scaling. */
export function printableRowHeight(widths: readonly number[]): number {
  const tablePt = widths.reduce((n, w) => n + (w * 7 + 5), 0) * (72 / 96);
  const widthPt = A4_LANDSCAPE.width - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72;
  const scale = Math.min(1, widthPt / tablePt);
  return (A4_LANDSCAPE.height - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72) / scale;
}

/** Header and footer text is a tiny language of its own: `&` starts a code, so a literal `&` is `&&`. */
export function escapeHeaderFooter(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Excel refuses header or footer sections longer than 255 characters in all. */
const HEADER_FOOTER_MAX = 255;
// Size before name: a size code swallows the digits after it, so "&9" + "2024 Committee" would misread.
const HF_FONT = `&${SIZES.headerFooter}&"${FONT_NAME},Regular"`;

/** Escapes, then shortens to `max` characters without splitting an escaped "&&". */
function fitHeaderFooter(text: string, max: number): string {
  const escaped = escapeHeaderFooter(text);
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, Math.max(0, max - 1));
  if ((/&+$/.exec(cut)?.[0].length ?? 0) % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** A closed month's approval ("Approved by … on …") goes on the right, before the page number. */
export function footerText(parts: { left: string; centre: string; approval?: string }): string {
  const page = 'Page &P of &N';
  const approval = parts.approval ? `${fitHeaderFooter(parts.approval, 90)} · ` : '';
  const budget = HEADER_FOOTER_MAX - page.length - approval.length - 3 * (HF_FONT.length + 2);
  const left = fitHeaderFooter(parts.left, Math.floor(budget / 3));
  const centre = fitHeaderFooter(parts.centre, budget - left.length);
  return `&L${HF_FONT}${left}&C${HF_FONT}${centre}&R${HF_FONT}${approval}${page}`;
}

/** A4 landscape, one page wide, as many pages tall as needed; margins in inches. */
export function applyPageSetup(sheet: ExcelJS.Worksheet, opts: { printTitlesRow?: string; footer: string }): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...PAGE_MARGINS },
    ...(opts.printTitlesRow ? { printTitlesRow: opts.printTitlesRow } : {}),
  };
  sheet.headerFooter = { differentFirst: false, differentOddEven: false, oddFooter: opts.footer };
}
