import { z } from 'zod';
import { financialYearOf, monthLabel, monthsOfFinancialYear, type MonthId } from '../../periods';
import { formatValue } from '../../units';
import type { PackChart } from '../../pack/table-section';
import { positionAt, type Movement } from './ledger';

/**
 * A reserve's history for the chart: its balance at the end of each month of the year up to the month
 * shown, as known then (the year's opening balance plus the movements to each month), and the forecast
 * year-end balance as at that month. Figures are hundredths of £'000.
 */
export const ReserveHistorySchema = z.object({
  name: z.string(),
  asAt: z.string(),
  asAtLabel: z.string(),
  months: z.array(z.object({ period: z.string(), label: z.string(), balance: z.number().int() })),
  yearEnd: z.object({ period: z.string(), label: z.string(), forecast: z.number().int() }),
});
export type ReserveHistory = z.infer<typeof ReserveHistorySchema>;

const SHORT = (m: MonthId) => `${monthLabel(m).slice(0, 3)} ${m.slice(2, 4)}`;

export function reserveHistory(name: string, entries: readonly Movement[], asAt: MonthId): ReserveHistory {
  const known = entries.filter((e) => e.period <= asAt);
  const now = positionAt(known, asAt);
  const months = monthsOfFinancialYear(financialYearOf(asAt));
  const actual = known.filter((e) => e.kind !== 'opening' && !e.planned);
  return {
    name,
    asAt,
    asAtLabel: monthLabel(asAt),
    months: months
      .filter((m) => m <= asAt)
      .map((m) => ({ period: m, label: SHORT(m), balance: (now.opening ?? 0) + actual.filter((e) => e.period <= m).reduce((n, e) => n + e.amount, 0) })),
    yearEnd: { period: months.at(-1)!, label: `Forecast ${SHORT(months.at(-1)!)}`, forecast: now.forecast },
  };
}

/** The chart's words for a screen reader and the print view: every month's balance and the forecast. */
export function reserveHistoryAltText(h: ReserveHistory): string {
  const f = (v: number) => formatValue(v, 'gbp_000q');
  const months = h.months.map((m) => `${m.label} ${f(m.balance)}`).join(', ');
  return `${h.name}: balance at the end of each month (£'000), ${months}; forecast year-end balance ${f(h.yearEnd.forecast)}, as at ${h.asAtLabel}.`;
}

/**
 * The chart as ECharts options (plain data, no I/O): the balance month by month as bars, and the
 * forecast year-end balance as a last, lighter bar, in £'000.
 */
export function reserveHistoryChart(h: ReserveHistory): Record<string, unknown> {
  const whole = (v: number) => v / 100;
  return {
    animation: false,
    title: { text: `${h.name}: balance (£'000)`, left: 'center', textStyle: { fontSize: 12 } },
    grid: { left: 50, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: [...h.months.map((m) => m.label), h.yearEnd.label] },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        data: [...h.months.map((m) => ({ value: whole(m.balance), itemStyle: { color: '#1f3864' } })), { value: whole(h.yearEnd.forecast), itemStyle: { color: '#8ea9db' } }],
        label: { show: true, position: 'top', fontSize: 10 },
      },
    ],
  };
}

/** Small charts per row of a schedule's history panel, and each one's size in pixels. */
const PANEL = { columns: 4, cellWidth: 240, cellHeight: 150, top: 28 } as const;

/**
 * Every reserve of a schedule in one figure, a small chart each (the balance month by month, then the
 * forecast year end, in £'000), for the pack: a schedule of thirty reserves stays one picture.
 */
export function reserveHistoryPanel(title: string, histories: readonly ReserveHistory[]): PackChart {
  const { columns, cellWidth, cellHeight, top } = PANEL;
  const rows = Math.max(1, Math.ceil(histories.length / columns));
  const at = (i: number) => ({ left: (i % columns) * cellWidth, top: top + Math.floor(i / columns) * cellHeight });
  const whole = (v: number) => v / 100;
  const short = (name: string) => (name.length > 34 ? `${name.slice(0, 33)}…` : name);
  return {
    title,
    altText: `${title}. ${histories.map(reserveHistoryAltText).join(' ')}`,
    width: columns * cellWidth,
    height: top + rows * cellHeight,
    option: {
      animation: false,
      title: [
        { text: title, left: 'center', textStyle: { fontSize: 13 } },
        ...histories.map((h, i) => ({ text: short(h.name), left: at(i).left + 8, top: at(i).top + 4, textStyle: { fontSize: 10, fontWeight: 'normal' } })),
      ],
      grid: histories.map((_, i) => ({ left: at(i).left + 44, top: at(i).top + 26, width: cellWidth - 56, height: cellHeight - 52 })),
      xAxis: histories.map((h, i) => ({ type: 'category', gridIndex: i, data: [...h.months.map((m) => m.label.slice(0, 3)), 'Fcst'], axisLabel: { fontSize: 8, interval: 0 } })),
      yAxis: histories.map((_, i) => ({ type: 'value', gridIndex: i, axisLabel: { fontSize: 8 }, splitNumber: 3 })),
      series: histories.map((h, i) => ({
        type: 'bar',
        xAxisIndex: i,
        yAxisIndex: i,
        data: [...h.months.map((m) => ({ value: whole(m.balance), itemStyle: { color: '#1f3864' } })), { value: whole(h.yearEnd.forecast), itemStyle: { color: '#8ea9db' } }],
      })),
    },
  };
}
