import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { kadTrendChartOption } from '../../../shared/areas/kad/chart';
import type { KadTrend, KadTrendGroup } from '../../../shared/areas/kad/trend';

/**
 * The trend charts for print, drawn by ECharts' server-side SVG renderer (no DOM) from the same option as
 * the app and the workbook, and shown as an <img> of an SVG data URL: vector in the PDF, given alt text by
 * the <img>, and no style attributes in the page for the strict CSP to refuse (img-src allows data:).
 * Loaded with the print view only, as its own chunk.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export interface ChartSize {
  width: number;
  height: number;
}

export function trendChartDataUrl(trend: KadTrend, group: KadTrendGroup, size: ChartSize): string {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(kadTrendChartOption(trend, group, { width: size.width }));
    // At print width a long title wraps onto two lines, which the shared option spaces at the font size
    // (they touch) and leaves too little room above the plot for. The app and workbook draw wider.
    chart.setOption({ title: { textStyle: { lineHeight: 21 } }, grid: { top: 90, bottom: 56 } });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.renderToSVGString())}`;
  } finally {
    chart.dispose();
  }
}
