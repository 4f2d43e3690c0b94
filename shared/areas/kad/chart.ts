import type { EChartsOption } from 'echarts';
import { formatValue, fromHundredths, toHundredths } from '../../units';
import { monthLabel } from '../../periods';
import type { KadTrend, KadTrendGroup } from './trend';

/**
 * The FMR's "Weekly Costs & People" charts (e.g. "LD Bed-Based Weekly Costs & People (Apr 22 - Aug 23)"):
 * care packages (people) as bars on the left axis, average weekly unit cost as a line on the right axis,
 * one point per month. One pure function builds the chart for both the app (ECharts canvas renderer) and
 * the command line (ECharts server-side SVG, rasterised to PNG), so the two always show the same chart.
 */

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-08" -> "Aug 23", as the FMR labels its chart axes. */
export function shortMonthLabel(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${MONTHS_SHORT[m - 1]} ${String(y % 100).padStart(2, '0')}`;
}

/** Colours on a white background, picked for WCAG 1.4.11 non-text contrast: bars 3.3:1 against white, the line 3.4:1 against the bars and 11:1 against white. */
export const CHART_COLOURS = {
  ink: '#1b1f24',
  inkMuted: '#4a5360',
  grid: '#d5dbe3',
  bar: '#5b8fd0',
  line: '#6b1a47',
  background: '#ffffff',
} as const;

/** Calibri where installed (council PCs), its metric twin Carlito, then Liberation Sans (Arial's). */
export const CHART_FONT_FAMILY = "Calibri, Carlito, 'Liberation Sans', Arial, sans-serif";

export const GROUP_TITLES: Record<KadTrendGroup, string> = { accommodation: 'Bed-Based', community: 'Community' };
const GROUP_PROSE: Record<KadTrendGroup, string> = { accommodation: 'bed-based (accommodation-based) care', community: 'community-based care' };

export const SERIES_NAMES = { packages: 'People (care packages)', unitCost: 'Average weekly cost' } as const;

/** One plotted month, in display units (245 packages, £2,271.37 a week); null is a gap. */
export interface KadChartPoint {
  period: string;
  label: string;
  packages: number | null;
  unitCost: number | null;
}

export function kadTrendPoints(trend: KadTrend, group: KadTrendGroup): KadChartPoint[] {
  return trend.points.map((p) => {
    const g = p[group];
    return {
      period: p.period,
      label: shortMonthLabel(p.period),
      packages: g.packages === null ? null : fromHundredths(g.packages),
      unitCost: g.unitCost === null ? null : fromHundredths(g.unitCost),
    };
  });
}

/** The months the chart spans: its first and last plotted month, or the requested range when none is held. */
function span(trend: KadTrend): [string, string] {
  const first = trend.points[0]?.period ?? trend.from;
  const last = trend.points[trend.points.length - 1]?.period ?? trend.to;
  return [first, last];
}

/** Where the FMR's trend charts start: the April a year before the month's financial year began (Apr 22 – Aug 23). */
export function kadChartStart(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${(m >= 4 ? y : y - 1) - 1}-04`;
}

export function kadTrendTitle(trend: KadTrend, group: KadTrendGroup, serviceLabel = trend.serviceName): string {
  const [first, last] = span(trend);
  return `${serviceLabel} ${GROUP_TITLES[group]} Weekly Costs & People (${shortMonthLabel(first)} - ${shortMonthLabel(last)})`;
}

/** Whole units as the published tables show them: "1,547" and "£2,271". */
export function formatPackages(value: number | null): string {
  return value === null ? 'no figure' : formatValue(toHundredths(value), 'count');
}
export function formatWeeklyCost(value: number | null): string {
  return value === null ? 'no figure' : formatValue(toHundredths(value), 'gbp_week');
}

export interface KadChartOptions {
  /** The service's name in the title; the FMR uses short names such as "LD". Defaults to the service's name. */
  serviceLabel?: string;
  /** Pixel width the chart is drawn at, so a long title wraps rather than runs off the edge. */
  width?: number;
  /** Hover tooltips (the app); left out of exported images. */
  interactive?: boolean;
}

export function kadTrendChartOption(trend: KadTrend, group: KadTrendGroup, opts: KadChartOptions = {}): EChartsOption {
  const points = kadTrendPoints(trend, group);
  const width = opts.width ?? 900;
  const axisText = { color: CHART_COLOURS.inkMuted, fontSize: 12, fontFamily: CHART_FONT_FAMILY };
  const axisName = { color: CHART_COLOURS.ink, fontSize: 12, fontWeight: 'bold' as const, fontFamily: CHART_FONT_FAMILY };
  return {
    animation: false,
    backgroundColor: CHART_COLOURS.background,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: CHART_COLOURS.ink },
    title: {
      text: kadTrendTitle(trend, group, opts.serviceLabel),
      left: 'center',
      top: 10,
      textStyle: { fontSize: 16, fontWeight: 'bold', color: CHART_COLOURS.ink, fontFamily: CHART_FONT_FAMILY, width: Math.max(200, width - 40), overflow: 'break' },
    },
    legend: {
      bottom: 8,
      itemGap: 24,
      textStyle: { color: CHART_COLOURS.ink, fontSize: 13, fontFamily: CHART_FONT_FAMILY },
      data: [SERIES_NAMES.packages, SERIES_NAMES.unitCost],
    },
    grid: { left: 72, right: 84, top: 78, bottom: 72 },
    ...(opts.interactive
      ? {
          tooltip: {
            trigger: 'axis',
            // Drawn on the canvas: the HTML tooltip writes style attributes, which the app's CSP refuses.
            renderMode: 'richText',
            axisPointer: { type: 'shadow' },
            textStyle: { fontFamily: CHART_FONT_FAMILY, color: CHART_COLOURS.ink, fontSize: 13 },
          },
        }
      : {}),
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: CHART_COLOURS.inkMuted } },
      axisLabel: { ...axisText, color: CHART_COLOURS.ink, interval: 0, hideOverlap: true },
    },
    yAxis: [
      {
        type: 'value',
        name: 'People',
        nameTextStyle: { ...axisName, align: 'left' },
        min: 0,
        minInterval: 1,
        axisLabel: { ...axisText, formatter: (v: number) => formatPackages(v) },
        splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
      },
      {
        type: 'value',
        name: 'Average weekly cost',
        nameTextStyle: { ...axisName, align: 'right' },
        min: 0,
        axisLabel: { ...axisText, formatter: (v: number) => formatWeeklyCost(v) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar',
        name: SERIES_NAMES.packages,
        yAxisIndex: 0,
        data: points.map((p) => p.packages),
        barMaxWidth: 48,
        itemStyle: { color: CHART_COLOURS.bar },
        tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPackages(v) : 'no figure') },
      },
      {
        type: 'line',
        name: SERIES_NAMES.unitCost,
        yAxisIndex: 1,
        data: points.map((p) => p.unitCost),
        connectNulls: false,
        showAllSymbol: true,
        symbol: 'circle',
        symbolSize: 9,
        z: 3,
        lineStyle: { color: CHART_COLOURS.line, width: 3 },
        itemStyle: { color: CHART_COLOURS.line, borderColor: CHART_COLOURS.background, borderWidth: 1.5 },
        tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? formatWeeklyCost(v) : 'no figure') },
      },
    ],
  };
}

function describeChange(first: number, last: number, format: (v: number) => string, noun: string): string {
  const a = format(first);
  const b = format(last);
  if (a === b) return `${noun} stayed at ${a}`;
  return `${noun} ${last > first ? 'rose' : 'fell'} from ${a} to ${b}`;
}

function firstAndLast(points: readonly KadChartPoint[], key: 'packages' | 'unitCost'): { first: KadChartPoint; last: KadChartPoint } | null {
  const held = points.filter((p) => p[key] !== null);
  const first = held[0];
  const last = held[held.length - 1];
  return first && last ? { first, last } : null;
}

/** A plain-English summary of the chart, for screen readers and the committee pack. */
export function kadTrendAltText(trend: KadTrend, group: KadTrendGroup, serviceLabel = trend.serviceName): string {
  const points = kadTrendPoints(trend, group);
  const title = kadTrendTitle(trend, group, serviceLabel);
  const what = `${serviceLabel} ${GROUP_PROSE[group]}`;
  if (points.length === 0) {
    return `${title}. No Key Activity Data is held for ${what} between ${monthLabel(trend.from)} and ${monthLabel(trend.to)}.`;
  }
  const months = points.length === 1 ? `in ${monthLabel(points[0]!.period)}` : `over ${points.length} months from ${monthLabel(points[0]!.period)} to ${monthLabel(points[points.length - 1]!.period)}`;
  const lead = `${title}. Bar and line chart of ${what} ${months}: bars show the number of people (care packages), the line the average weekly cost.`;
  const parts: string[] = [];
  const pk = firstAndLast(points, 'packages');
  const uc = firstAndLast(points, 'unitCost');
  if (pk && uc && pk.first === pk.last && uc.first === uc.last && pk.first === uc.first) {
    parts.push(`In ${monthLabel(pk.first.period)} there were ${formatPackages(pk.first.packages)} packages at an average weekly cost of ${formatWeeklyCost(uc.first.unitCost)}.`);
  } else {
    if (pk) {
      parts.push(
        pk.first === pk.last
          ? `Packages: ${formatPackages(pk.first.packages)} in ${monthLabel(pk.first.period)}.`
          : `${describeChange(pk.first.packages!, pk.last.packages!, formatPackages, 'Packages')} between ${monthLabel(pk.first.period)} and ${monthLabel(pk.last.period)}.`,
      );
    } else parts.push('No package figures are held.');
    if (uc) {
      parts.push(
        uc.first === uc.last
          ? `Average weekly cost: ${formatWeeklyCost(uc.first.unitCost)} in ${monthLabel(uc.first.period)}.`
          : `${describeChange(uc.first.unitCost!, uc.last.unitCost!, formatWeeklyCost, 'The average weekly cost')} between ${monthLabel(uc.first.period)} and ${monthLabel(uc.last.period)}.`,
      );
    } else parts.push('No average weekly cost figures are held.');
  }
  const gaps = points.filter((p) => p.packages === null && p.unitCost === null).map((p) => monthLabel(p.period));
  if (gaps.length > 0) parts.push(`No figures for ${gaps.join(', ')}.`);
  return `${lead} ${parts.join(' ')}`;
}

/** The PNG file name the app and the command line suggest: learning-disability-partnership-accommodation-2023-04-to-2023-09.png. */
export function kadTrendFileName(trend: Pick<KadTrend, 'serviceId' | 'from' | 'to'>, group: KadTrendGroup): string {
  const safe = trend.serviceId.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  return `${safe}-${group}-${trend.from}-to-${trend.to}.png`;
}
