import { z } from 'zod';
import { financialYearOf, monthLabel, monthsOfFinancialYear, type MonthId } from '../../periods';
import { formatValue } from '../../units';
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
