import type ExcelJS from 'exceljs';
import { kadTrendAltText, kadTrendTitle } from '../../../../shared/areas/kad/chart';
import type { KadTrend, KadTrendGroup } from '../../../../shared/areas/kad/trend';
import { renderKadTrendPng } from '../chart-png';
import { ALIGN, CHART_SIZE, FONTS, wrappedHeight } from '../../../pack/theme';
import { KAD_COLUMN_WIDTHS } from './widths';

/**
 * A service's two "Weekly Costs & People" charts side by side under its table, each with a caption.
 * exceljs 4.4.0 cannot give a picture alt text (its drawing writer emits no `descr`), so the caption cell
 * carries the whole alt text: the chart's title in bold, then the plain-English description.
 */

const GROUPS: readonly { group: KadTrendGroup; from: number; to: number }[] = [
  { group: 'accommodation', from: 0, to: 3 },
  { group: 'community', from: 4, to: 10 },
];

const widthOf = (from: number, to: number) => KAD_COLUMN_WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0);
/** Row heights are in points; pictures are placed in pixels at 96 per inch. */
const PX_TO_PT = 72 / 96;

export interface ChartCaption {
  title: string;
  altText: string;
}

export function chartCaption(trend: KadTrend, group: KadTrendGroup): ChartCaption {
  return { title: kadTrendTitle(trend, group), altText: kadTrendAltText(trend, group) };
}

/** Writes the caption row and the picture row from `startRow`; returns the last row used. */
export function writeKadCharts(wb: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, startRow: number, trend: KadTrend): number {
  const captionRow = sheet.getRow(startRow);
  let height = 0;
  for (const g of GROUPS) {
    const { title, altText } = chartCaption(trend, g.group);
    const rest = altText.startsWith(title) ? altText.slice(title.length) : ` ${altText}`;
    sheet.mergeCells(startRow, g.from + 1, startRow, g.to + 1);
    const cell = sheet.getCell(startRow, g.from + 1);
    cell.value = { richText: [{ text: title, font: FONTS.chartTitle }, { text: rest, font: FONTS.chartCaption }] };
    cell.font = FONTS.chartCaption;
    cell.alignment = ALIGN.prose;
    height = Math.max(height, wrappedHeight(altText, widthOf(g.from, g.to), FONTS.chartCaption.size));
  }
  captionRow.height = height;

  const pictureRow = startRow + 1;
  sheet.getRow(pictureRow).height = Math.ceil(CHART_SIZE.height * PX_TO_PT) + 6;
  for (const g of GROUPS) {
    const png = renderKadTrendPng(trend, g.group, CHART_SIZE);
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    sheet.addImage(id, { tl: { col: g.from, row: pictureRow - 1 }, ext: { width: CHART_SIZE.width, height: CHART_SIZE.height }, editAs: 'oneCell' });
  }
  return pictureRow;
}
