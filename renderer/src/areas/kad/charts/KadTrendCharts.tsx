import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import type { PeriodInfo } from '../../../../../shared/api/contract';
import type { KadTrend } from '../../../../../shared/areas/kad/trend';
import { monthLabel } from '../../../../../shared/periods';
import { messageOf, send } from '../../../api/client';
import { defaultRange, type MonthRange } from './range';
import './charts.css';

// ECharts is loaded with the charts, as its own chunk, so the grid above them does not wait for it.
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

interface Props {
  serviceId: string;
  /** The month selected in the app (YYYY-MM): the default range ends there. */
  period: string;
  /** Bump to fetch again after the figures changed (an edit, undo, roll forward). */
  reloadKey?: number;
}

/**
 * The FMR's "Weekly Costs & People" charts for one service, accommodation-based and community-based,
 * over a chosen range of months (from the financial year's April, or the first month held, to the
 * selected month by default).
 */
export function KadTrendCharts({ serviceId, period, reloadKey = 0 }: Props) {
  const ids = useId();
  const [months, setMonths] = useState<PeriodInfo[] | null>(null);
  const [chosen, setChosen] = useState<{ period: string; range: MonthRange } | null>(null);
  const [trend, setTrend] = useState<KadTrend | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    send('periods.list', {}).then(
      (list) => {
        if (!cancelled) setMonths(list.months);
      },
      (err: unknown) => {
        if (!cancelled) setError(messageOf(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [period, reloadKey]);

  // Any month can bound the range: those before the first held month may hold an extract's figures.
  const held = useMemo(() => [...(months ?? [])].sort((a, b) => a.id.localeCompare(b.id)), [months]);
  // A range the officer picked holds until another month is selected in the app.
  const range = chosen && chosen.period === period ? chosen.range : months ? defaultRange(months, period) : null;
  const badRange = range !== null && range.from > range.to;

  useEffect(() => {
    if (!serviceId || !range || badRange) {
      setTrend(null);
      return;
    }
    let cancelled = false;
    send('kad.trend', { serviceId, from: range.from, to: range.to }).then(
      (t) => {
        if (cancelled) return;
        setTrend(t);
        setError(null);
      },
      (err: unknown) => {
        if (!cancelled) setError(messageOf(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [serviceId, range?.from, range?.to, badRange, reloadKey]);

  const pick = (end: 'from' | 'to', value: string) => {
    if (range) setChosen({ period, range: { ...range, [end]: value } });
  };

  const fromId = `${ids}-from`;
  const toId = `${ids}-to`;
  const headingId = `${ids}-heading`;

  return (
    <section className="trends" aria-labelledby={headingId} data-testid="kad-trends">
      <h2 id={headingId}>Trends</h2>
      {months && !range ? (
        <p className="empty">No month up to {monthLabel(period)} holds Key Activity Data, so there is nothing to chart yet.</p>
      ) : null}
      {range ? (
        <fieldset className="trends__range">
          <legend>Months shown</legend>
          {(
            [
              { end: 'from', label: 'From', id: fromId },
              { end: 'to', label: 'To', id: toId },
            ] as const
          ).map((f) => (
            <div className="field" key={f.end}>
              <label htmlFor={f.id}>{f.label}</label>
              <select id={f.id} data-testid={`trend-${f.end}`} value={range[f.end]} onChange={(e) => pick(f.end, e.target.value)}>
                {held.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}
      {badRange ? (
        <p className="banner banner--error" role="alert">
          The range starts ({monthLabel(range.from)}) after it ends ({monthLabel(range.to)}). Choose a From month on or before the To month.
        </p>
      ) : error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : range && !trend ? (
        <p className="loading">Loading trends…</p>
      ) : trend && trend.points.length === 0 ? (
        <p className="empty">
          No Key Activity Data for {trend.serviceName} from {monthLabel(trend.from)} to {monthLabel(trend.to)}.
        </p>
      ) : trend ? (
        <Suspense fallback={<p className="loading">Loading charts…</p>}>
          <div className="trends__charts">
            <TrendChart trend={trend} group="accommodation" />
            <TrendChart trend={trend} group="community" />
          </div>
        </Suspense>
      ) : null}
    </section>
  );
}
