import { describe, expect, it } from 'vitest';
import {
  CHART_COLOURS,
  kadTrendAltText,
  kadTrendChartOption,
  kadTrendFileName,
  kadTrendPoints,
  kadTrendTitle,
  SERIES_NAMES,
  shortMonthLabel,
} from '../../shared/areas/kad/chart';
import type { KadTrend } from '../../shared/areas/kad/trend';

type P = { packages: number | null; unitCost: number | null };
const pt = (period: string, label: string, accommodation: P, community: P) => ({ period, label, accommodation, community });

// Hundredths, as kad.trend returns them: 26100 = 261 packages, 227137 = £2,271.37 a week.
const trend: KadTrend = {
  serviceId: 'learning-disability-partnership',
  serviceName: 'Learning Disability Partnership',
  from: '2023-04',
  to: '2023-10',
  points: [
    pt('2023-08', 'August 2023', { packages: 26100, unitCost: 227137 }, { packages: 228900, unitCost: 64600 }),
    pt('2023-09', 'September 2023', { packages: 27000, unitCost: 230000 }, { packages: 229000, unitCost: 64600 }),
    pt('2023-10', 'October 2023', { packages: null, unitCost: null }, { packages: 230050, unitCost: 65049 }),
    pt('2023-11', 'November 2023', { packages: 26500, unitCost: 225000 }, { packages: 231000, unitCost: 66000 }),
  ],
};

/** The option is a plain object; pick its parts without the full ECharts typings. */
function parts(option: ReturnType<typeof kadTrendChartOption>) {
  const o = option as unknown as {
    animation: boolean;
    title: { text: string };
    legend: { data: string[] };
    xAxis: { data: string[] };
    yAxis: { name: string; axisLabel: { formatter: (v: number) => string } }[];
    series: { type: string; name: string; yAxisIndex: number; data: (number | null)[]; connectNulls?: boolean; itemStyle: { color: string } }[];
    tooltip?: { renderMode: string };
  };
  const bar = o.series.find((s) => s.type === 'bar')!;
  const line = o.series.find((s) => s.type === 'line')!;
  return { o, bar, line };
}

describe('KAD trend chart option', () => {
  it('labels months as the FMR does', () => {
    expect(shortMonthLabel('2023-08')).toBe('Aug 23');
    expect(shortMonthLabel('2024-01')).toBe('Jan 24');
    expect(shortMonthLabel('2100-12')).toBe('Dec 00');
  });

  it('has one bar and one line point per month, labelled on the x axis', () => {
    const { o, bar, line } = parts(kadTrendChartOption(trend, 'accommodation'));
    expect(o.xAxis.data).toEqual(['Aug 23', 'Sep 23', 'Oct 23', 'Nov 23']);
    expect(bar.data).toHaveLength(4);
    expect(line.data).toHaveLength(4);
    expect(o.series).toHaveLength(2);
  });

  it('converts hundredths to units: packages on the left axis, weekly cost on the right', () => {
    const { bar, line } = parts(kadTrendChartOption(trend, 'accommodation'));
    expect(bar.yAxisIndex).toBe(0);
    expect(line.yAxisIndex).toBe(1);
    expect(bar.data).toEqual([261, 270, null, 265]);
    expect(line.data).toEqual([2271.37, 2300, null, 2250]);
    const community = parts(kadTrendChartOption(trend, 'community'));
    expect(community.bar.data).toEqual([2289, 2290, 2300.5, 2310]);
    expect(community.line.data).toEqual([646, 646, 650.49, 660]);
  });

  it('leaves a blank month as a gap, neither zero nor joined across', () => {
    const { bar, line } = parts(kadTrendChartOption(trend, 'accommodation'));
    expect(bar.data[2]).toBeNull();
    expect(line.data[2]).toBeNull();
    expect(line.connectNulls).toBe(false);
  });

  it('formats the axes as the tables do: whole packages, whole pounds', () => {
    const { o } = parts(kadTrendChartOption(trend, 'accommodation'));
    expect(o.yAxis[0]!.name).toBe('People');
    expect(o.yAxis[0]!.axisLabel.formatter(1500)).toBe('1,500');
    expect(o.yAxis[1]!.name).toBe('Average weekly cost');
    expect(o.yAxis[1]!.axisLabel.formatter(2500)).toBe('£2,500');
    expect(o.yAxis[1]!.axisLabel.formatter(0)).toBe('£0');
  });

  it('titles the chart like the FMR, over the months plotted', () => {
    expect(kadTrendTitle(trend, 'accommodation')).toBe('Learning Disability Partnership Bed-Based Weekly Costs & People (Aug 23 - Nov 23)');
    expect(kadTrendTitle(trend, 'community', 'LD')).toBe('LD Community Weekly Costs & People (Aug 23 - Nov 23)');
    expect(parts(kadTrendChartOption(trend, 'accommodation', { serviceLabel: 'LD' })).o.title.text).toBe('LD Bed-Based Weekly Costs & People (Aug 23 - Nov 23)');
    // With nothing held the title names the range asked for.
    expect(kadTrendTitle({ ...trend, points: [] }, 'community')).toBe('Learning Disability Partnership Community Weekly Costs & People (Apr 23 - Oct 23)');
  });

  it('is deterministic for export: no animation, a legend naming both series, distinct colours, a tooltip only when interactive', () => {
    const { o, bar, line } = parts(kadTrendChartOption(trend, 'accommodation'));
    expect(o.animation).toBe(false);
    expect(o.legend.data).toEqual([SERIES_NAMES.packages, SERIES_NAMES.unitCost]);
    expect(bar.itemStyle.color).toBe(CHART_COLOURS.bar);
    expect(line.itemStyle.color).toBe(CHART_COLOURS.line);
    expect(o.tooltip).toBeUndefined();
    expect(parts(kadTrendChartOption(trend, 'accommodation', { interactive: true })).o.tooltip?.renderMode).toBe('richText');
  });

  it('meets WCAG non-text contrast: bars against white, the line against white and against the bars', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    expect(contrast(CHART_COLOURS.bar, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(CHART_COLOURS.line, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(CHART_COLOURS.line, CHART_COLOURS.bar)).toBeGreaterThanOrEqual(3);
    expect(contrast(CHART_COLOURS.ink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(CHART_COLOURS.inkMuted, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the plotted points in units for the app and tests', () => {
    expect(kadTrendPoints(trend, 'accommodation')[1]).toEqual({ period: '2023-09', label: 'Sep 23', packages: 270, unitCost: 2300 });
  });

  it('suggests a file name per service, group and range', () => {
    expect(kadTrendFileName(trend, 'accommodation')).toBe('learning-disability-partnership-accommodation-2023-04-to-2023-10.png');
    expect(kadTrendFileName({ serviceId: '../x y', from: '2023-04', to: '2023-09' }, 'community')).toBe('-x-y-community-2023-04-to-2023-09.png');
  });
});

describe('KAD trend alt text', () => {
  it('summarises the first and last month of packages and cost in plain English', () => {
    const alt = kadTrendAltText(trend, 'accommodation');
    expect(alt).toBe(
      'Learning Disability Partnership Bed-Based Weekly Costs & People (Aug 23 - Nov 23). ' +
        'Bar and line chart of Learning Disability Partnership bed-based (accommodation-based) care over 4 months from August 2023 to November 2023: ' +
        'bars show the number of people (care packages), the line the average weekly cost. ' +
        'Packages rose from 261 to 265 between August 2023 and November 2023. ' +
        'The average weekly cost fell from £2,271 to £2,250 between August 2023 and November 2023. ' +
        'No figures for October 2023.',
    );
  });

  it('says when a figure stayed the same at the displayed precision', () => {
    const flat: KadTrend = { ...trend, points: trend.points.slice(0, 2).map((p) => ({ ...p, community: { packages: 228900, unitCost: 64600 } })) };
    expect(kadTrendAltText(flat, 'community')).toMatch(/Packages stayed at 2,289 between August 2023 and September 2023\. The average weekly cost stayed at £646/);
  });

  it('describes a single month and an empty range', () => {
    const one: KadTrend = { ...trend, from: '2023-08', to: '2023-08', points: trend.points.slice(0, 1) };
    expect(kadTrendAltText(one, 'community')).toMatch(/care in August 2023: .* In August 2023 there were 2,289 packages at an average weekly cost of £646\.$/);
    expect(kadTrendAltText({ ...trend, points: [] }, 'accommodation')).toMatch(/No Key Activity Data is held for Learning Disability Partnership bed-based \(accommodation-based\) care between April 2023 and October 2023\.$/);
  });
});
