import { downloadUrl } from '../../../app/download';
import { useEffect, useId, useMemo, useRef } from 'react';
import {
  formatPackages,
  formatWeeklyCost,
  GROUP_TITLES,
  kadTrendAltText,
  kadTrendChartOption,
  kadTrendFileName,
  kadTrendPoints,
  kadTrendTitle,
  SERIES_NAMES,
} from '../../../../../shared/areas/kad/chart';
import type { KadTrend, KadTrendGroup } from '../../../../../shared/areas/kad/trend';
import { monthLabel } from '../../../../../shared/periods';
import { init, type EChartsType } from '../../../charts/echarts';

interface Props {
  trend: KadTrend;
  group: KadTrendGroup;
}

/**
 * Saves the chart as a PNG at twice its on-screen resolution, on white. It is drawn afresh off screen from
 * the same option as the command line uses, so a tooltip or hover highlight on screen never ends up in
 * the picture.
 */
function downloadPng(trend: KadTrend, group: KadTrendGroup, size: { width: number; height: number }, fileName: string): void {
  const offscreen = init(document.createElement('div'), undefined, { renderer: 'canvas', width: size.width, height: size.height });
  let url: string;
  try {
    offscreen.setOption(kadTrendChartOption(trend, group, { width: size.width }));
    url = offscreen.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    offscreen.dispose();
  }
  downloadUrl(fileName, url);
}

/**
 * One "Weekly Costs & People" chart. The canvas is an image to assistive technology (role="img", named
 * by a plain-English summary); the plotted values are in a table under "Show data" (WCAG 1.1.1), and on
 * the wrapper as `data-points` for tests.
 */
export function TrendChart({ trend, group }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ trend, group });
  latest.current = { trend, group };
  const headingId = useId();

  const points = useMemo(() => kadTrendPoints(trend, group), [trend, group]);
  const title = kadTrendTitle(trend, group);
  const alt = kadTrendAltText(trend, group);
  const fileName = kadTrendFileName(trend, group);
  const dataPoints = useMemo(() => JSON.stringify(points.map(({ period, label, packages, unitCost }) => ({ period, label, packages, unitCost }))), [points]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    let width = el.clientWidth;
    const draw = () => c.setOption(kadTrendChartOption(latest.current.trend, latest.current.group, { interactive: true, width: el.clientWidth || undefined }), { notMerge: true });
    draw();
    const observer = new ResizeObserver(() => {
      c.resize();
      // The title wraps to the chart's width.
      if (el.clientWidth !== width) {
        width = el.clientWidth;
        draw();
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    const el = host.current;
    if (c && el) c.setOption(kadTrendChartOption(trend, group, { interactive: true, width: el.clientWidth || undefined }), { notMerge: true });
  }, [trend, group]);

  return (
    <figure className="trend-chart" aria-labelledby={headingId}>
      <h3 id={headingId} className="visually-hidden">
        {title}
      </h3>
      <div role="img" aria-label={alt} data-testid={`trend-chart-${group}`} data-points={dataPoints}>
        <div ref={host} className="trend-chart__canvas" />
      </div>
      <div className="trend-chart__actions">
        <button type="button" className="button" data-testid={`trend-download-${group}`} onClick={() => chart.current && downloadPng(trend, group, { width: chart.current.getWidth(), height: chart.current.getHeight() }, fileName)}>
          Download PNG<span className="visually-hidden"> of the {GROUP_TITLES[group].toLowerCase()} chart</span>
        </button>
        <details className="trend-chart__data" data-testid={`trend-data-${group}`}>
          <summary>
            Show data<span className="visually-hidden"> for the {GROUP_TITLES[group].toLowerCase()} chart</span>
          </summary>
          <table className="trend-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">{SERIES_NAMES.packages}</th>
                <th scope="col">{SERIES_NAMES.unitCost}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{monthLabel(p.period)}</th>
                  <td>{formatPackages(p.packages)}</td>
                  <td>{formatWeeklyCost(p.unitCost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
    </figure>
  );
}
