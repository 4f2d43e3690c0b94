import type { RevenueSummary } from './api';

/** Forecast variance month by month, £000: one bar series per directorate before mitigations, one line after. */
export function varianceChartOption(summary: RevenueSummary, names: Record<string, string>) {
  const months = summary.trend.map((t) => t.label.replace(/ \d{4}$/, ''));
  const ids = summary.directorates.map((d) => d.directorate.id);
  const k = (v: number | null) => (v === null ? null : v / 100);
  return {
    animation: false,
    title: { text: `Forecast outturn variance, ${summary.trend[0]?.label ?? ''} to ${summary.periodLabel} (£000)`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { bottom: 0 },
    grid: { left: 60, right: 20, top: 50, bottom: 50 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: '£000' },
    series: ids.flatMap((id) => [
      { name: `${names[id] ?? id} before mitigations`, type: 'bar', data: summary.trend.map((t) => k(t.values.find((v) => v.directorateId === id)?.before ?? null)) },
      { name: `${names[id] ?? id} after`, type: 'line', data: summary.trend.map((t) => k(t.values.find((v) => v.directorateId === id)?.after ?? null)) },
    ]),
  };
}
