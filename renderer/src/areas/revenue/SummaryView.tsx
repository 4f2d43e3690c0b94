import { useEffect, useRef } from 'react';
import type { RevenueSummary } from '../../../../shared/areas/revenue/api';
import { varianceChartOption } from '../../../../shared/areas/revenue/chart';
import { COLUMN_HEADERS, MONEY_COLUMNS } from '../../../../shared/areas/revenue/model';
import { formatValue } from '../../../../shared/units';
import { init } from '../../charts/echarts';

/** Section 1.2 as the committee reads it first: each directorate's summary, the headline, and the variance month by month. */
export function SummaryView({ summary }: { summary: RevenueSummary }) {
  return (
    <div className="revenue-summary" data-testid="revenue-summary">
      <ul className="revenue-headlines" aria-label="Headline">
        {summary.directorates.map((d) => (
          <li key={d.directorate.id} data-testid="revenue-headline">
            {d.headline}
          </li>
        ))}
      </ul>
      {summary.directorates.map((d) => (
        <section key={d.directorate.id} aria-labelledby={`summary-${d.directorate.id}`}>
          <h2 id={`summary-${d.directorate.id}`}>
            {d.number} {d.directorate.name}
          </h2>
          <div className="table-scroll">
            <table className="data-table revenue-summary-table" data-testid={`revenue-summary-${d.directorate.id}`}>
              <thead>
                <tr>
                  <th scope="col">Directorate</th>
                  {MONEY_COLUMNS.map((c) => (
                    <th key={c} scope="col" className="num">
                      {COLUMN_HEADERS[c]} £000
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {COLUMN_HEADERS.variancePct}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.key} className={r.kind === 'row' || r.kind === 'mitigation' ? undefined : 'revenue-total-row'}>
                    <th scope="row">{r.label}</th>
                    {MONEY_COLUMNS.map((c) => (
                      <td key={c} className="num">
                        {formatValue(r.figures[c], 'gbp_000')}
                      </td>
                    ))}
                    <td className="num">{formatValue(r.figures.variancePct, 'percent', { decimals: 1 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <VarianceChart summary={summary} />
    </div>
  );
}

function VarianceChart({ summary }: { summary: RevenueSummary }) {
  const host = useRef<HTMLDivElement>(null);
  const names = Object.fromEntries(summary.directorates.map((d) => [d.directorate.id, d.directorate.name]));
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas' });
    c.setOption(varianceChartOption(summary, names));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, [summary]);
  const alt = `Forecast outturn variance by month: ${summary.trend
    .map((t) => `${t.label}: ${t.values.map((v) => `${names[v.directorateId]} ${formatValue(v.before, 'gbp_000')} before mitigations, ${formatValue(v.after, 'gbp_000')} after`).join('; ')}`)
    .join('. ')}.`;
  return (
    <figure className="revenue-chart">
      <div ref={host} className="revenue-chart__canvas" role="img" aria-label={alt} data-testid="revenue-variance-chart" />
      <figcaption>Forecast outturn variance month by month, before and after mitigations (£000). Months are those held in this workspace.</figcaption>
    </figure>
  );
}
