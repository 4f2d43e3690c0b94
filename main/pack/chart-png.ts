import fs from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/**
 * Charts outside the app, for the committee workbook: ECharts draws an option with its server-side SVG
 * renderer (no DOM, no browser), and resvg (a Rust SVG rasteriser shipped as prebuilt binaries inside its
 * npm package) turns the SVG into a PNG, the format exceljs and Word embed.
 */

/**
 * Fonts for the text of a chart. resvg draws no text without a font, so it loads the system's fonts and,
 * first, the ones the chart asks for where this machine has them (Carlito and Liberation Sans on Linux,
 * from Debian's fonts-crosextra-carlito and fonts-liberation; Windows and macOS have Calibri or Arial).
 */
const FONT_FILES = [
  '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf',
  '/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
];

let fontOptions: ResvgRenderOptions['font'] | undefined;

export function chartFontOptions(): NonNullable<ResvgRenderOptions['font']> {
  if (!fontOptions) {
    const files = FONT_FILES.filter((f) => fs.existsSync(f));
    const fallback = files.some((f) => f.includes('Carlito')) ? 'Carlito' : files.length > 0 ? 'Liberation Sans' : process.platform === 'darwin' ? 'Helvetica' : 'Arial';
    fontOptions = { loadSystemFonts: true, fontFiles: files, defaultFontFamily: fallback, sansSerifFamily: fallback };
  }
  return fontOptions;
}

/** Rasterises an SVG string to PNG bytes at its own size, on white. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { background: '#ffffff', font: chartFontOptions(), fitTo: { mode: 'original' }, shapeRendering: 2, textRendering: 1 });
  return resvg.render().asPng();
}

/** A chart's ECharts option drawn at a size, as PNG bytes. */
export function renderOptionPng(option: Record<string, unknown>, size: { width: number; height: number }): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return svgToPng(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
