import { kadTrendChartOption } from '../../../../../shared/areas/kad/chart';
import type { KadTrend, KadTrendGroup } from '../../../../../shared/areas/kad/trend';
import { svgDataUrl, type ChartSize } from '../../../charts/svg';

/**
 * A trend chart for print, from the same option as the app and the workbook. Loaded with the print
 * view only (a dynamic import), as its own chunk with ECharts' SVG renderer.
 */
export function trendChartDataUrl(trend: KadTrend, group: KadTrendGroup, size: ChartSize): string {
  return svgDataUrl(
    [
      kadTrendChartOption(trend, group, { width: size.width }),
      // At print width a long title wraps onto two lines, which the shared option spaces at the font size
      // (they touch) and leaves too little room above the plot for. The app and workbook draw wider.
      { title: { textStyle: { lineHeight: 21 } }, grid: { top: 90, bottom: 56 } },
    ],
    size,
  );
}
