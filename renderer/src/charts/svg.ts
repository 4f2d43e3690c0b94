import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Charts for print, drawn by ECharts' server-side SVG renderer (no DOM) and shown as an <img> of an SVG
 * data URL: vector in the PDF, given alt text by the <img>, and no style attributes in the page for the
 * strict CSP to refuse (img-src allows data:). Import it dynamically, so ECharts loads with the print
 * view only, as its own chunk. Bars and lines, with a title, legend and axes, are what the charts draw.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export interface ChartSize {
  width: number;
  height: number;
}

/** Applies the options in order (later ones merged over earlier ones) and returns the chart as a data URL. */
export function svgDataUrl(options: readonly EChartsCoreOption[], size: ChartSize): string {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    for (const option of options) chart.setOption(option);
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.renderToSVGString())}`;
  } finally {
    chart.dispose();
  }
}
