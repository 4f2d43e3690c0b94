import * as echarts from 'echarts';
import { svgToPng } from '../../pack/chart-png';
import { kadTrendChartOption, type KadChartOptions } from '../../../shared/areas/kad/chart';
import type { KadTrend, KadTrendGroup } from '../../../shared/areas/kad/trend';

/**
 * The trend charts outside the app, for the committee pack: ECharts draws the same option as the app with
 * its server-side SVG renderer (no DOM, no browser), and resvg (a Rust SVG rasteriser shipped as prebuilt
 * binaries inside its npm package) turns the SVG into a PNG, the format exceljs and Word embed.
 */

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 900, height: 450 };

/** Sizes a chart can be drawn at; larger would be a typo, and would take a lot of memory to rasterise. */
export const CHART_SIZE_LIMITS = { min: 200, max: 4000 } as const;

export function renderKadTrendSvg(trend: KadTrend, group: KadTrendGroup, size: ChartSize = DEFAULT_CHART_SIZE, opts: Omit<KadChartOptions, 'width' | 'interactive'> = {}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(kadTrendChartOption(trend, group, { ...opts, width: size.width, interactive: false }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderKadTrendPng(trend: KadTrend, group: KadTrendGroup, size: ChartSize = DEFAULT_CHART_SIZE, opts: Omit<KadChartOptions, 'width' | 'interactive'> = {}): Buffer {
  return svgToPng(renderKadTrendSvg(trend, group, size, opts));
}
