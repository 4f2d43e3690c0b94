import type { ReactNode } from 'react';
import type { RevenueCommentaries, RevenueNarratives, RevenueSummary, RevenueTable } from '../../../../../shared/areas/revenue/api';
import { blocksOf, lineSubject } from '../../../../../shared/areas/revenue/commentary';
import { COLUMN_HEADERS, MONEY_COLUMNS, type Figures } from '../../../../../shared/areas/revenue/model';
import { appendixRows, planAppendix } from '../../../../../shared/areas/revenue/totals';
import { formatValue } from '../../../../../shared/units';
import { send } from '../../../api/client';
import type { PrintContext, PrintedSection } from '../../types';

/** Revenue's sections of the print view: the same content, order and layout as the workbook's sheets. */
const m = (v: number | null) => formatValue(v, 'gbp_000');
const p = (v: number | null, decimals: 0 | 1 = 0) => formatValue(v, 'percent', { decimals });

function Prose({ body }: { body: string }) {
  const blocks = blocksOf(body);
  const out: ReactNode[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) out.push(<ul key={`u${out.length}`}>{bullets.map((b, i) => <li key={i}>{b}</li>)}</ul>);
    bullets = [];
  };
  for (const b of blocks) {
    if (b.kind === 'bullet') bullets.push(b.text);
    else {
      flush();
      out.push(<p key={`p${out.length}`}>{b.text}</p>);
    }
  }
  flush();
  return blocks.length ? <>{out}</> : <p className="print-note">(Not yet written.)</p>;
}

const Figs = ({ f }: { f: Figures }) => (
  <>
    {(['grossBudget', 'incomeBudget', 'netBudget', 'actual', 'forecastVariance'] as const).map((c) => (
      <td key={c} className="num">
        {m(f[c])}
      </td>
    ))}
    <td className="num">{p(f.variancePct)}</td>
  </>
);

export async function printRevenueSummary(ctx: PrintContext): Promise<PrintedSection> {
  const [summary, narr] = await Promise.all([send('revenue.summary', { period: ctx.period }), send('revenue.narratives', { period: ctx.period })]);
  const text = (key: string) => narr.narratives.find((n) => n.key === key)?.body ?? '';
  const issues = narr.narratives.filter((n) => n.key.startsWith('1.3'));
  return {
    contents: { number: '1', title: 'Revenue Executive Summary', anchor: 'print-revenue-summary', entries: [{ number: '1.2', title: 'Summary of Revenue position by Directorate', anchor: 'print-revenue-1-2', entries: [] }] },
    render: (top) => <SummarySection summary={summary} narr={narr} issues={issues} text={text} top={top} />,
  };
}

function SummarySection({ summary, issues, text, top }: { summary: RevenueSummary; narr: RevenueNarratives; issues: RevenueNarratives['narratives']; text: (k: string) => string; top: boolean }) {
  const H = top ? 'h1' : 'h2';
  return (
    <section className="print-section" id="print-revenue-summary" aria-labelledby="print-revenue-summary-title">
      <H id="print-revenue-summary-title">1. Revenue Executive Summary</H>
      <h3>1.1 Overall Position</h3>
      <Prose body={text('1.1')} />
      <h3 id="print-revenue-1-2">1.2 Summary of Revenue position by Directorate</h3>
      {summary.directorates.map((d) => (
        <table key={d.directorate.id} className="print-table">
          <caption>
            {d.number} {d.directorate.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">{COLUMN_HEADERS.previousVariance} £000</th>
              <th scope="col">Directorate</th>
              {MONEY_COLUMNS.slice(1).map((c) => (
                <th key={c} scope="col">
                  {COLUMN_HEADERS[c]} £000
                </th>
              ))}
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.key} className={r.kind === 'row' || r.kind === 'mitigation' ? undefined : 'print-total'}>
                <td className="num">{m(r.figures.previousVariance)}</td>
                <th scope="row">{r.label}</th>
                {MONEY_COLUMNS.slice(1).map((c) => (
                  <td key={c} className="num">
                    {m(r.figures[c])}
                  </td>
                ))}
                <td className="num">{p(r.figures.variancePct, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <h3>1.3 Significant Issues</h3>
      {issues.map((n) => (
        <section key={n.key} aria-label={n.title}>
          <h4>{n.title}</h4>
          <Prose body={n.body} />
        </section>
      ))}
      <h3>2. Capital Executive Summary</h3>
      <Prose body={text('2')} />
    </section>
  );
}

export async function printRevenueAppendix1(ctx: PrintContext): Promise<PrintedSection> {
  const ids = (await send('revenue.summary', { period: ctx.period })).directorates.map((d) => d.directorate.id);
  const tables: RevenueTable[] = await Promise.all(ids.map((id) => send('revenue.table', { period: ctx.period, directorateId: id })));
  return {
    contents: { number: 'Appendix 1', title: 'Detailed Financial Information', anchor: 'print-revenue-app1', entries: tables.map((t) => ({ number: `Appendix ${t.directorate.appendix}`, title: t.directorate.name, anchor: `print-revenue-app1-${t.directorate.id}`, entries: [] })) },
    render: (top) => {
      const H = top ? 'h1' : 'h2';
      return (
        <section className="print-section" id="print-revenue-app1" aria-labelledby="print-revenue-app1-title">
          <H id="print-revenue-app1-title">Appendix 1 – Detailed Financial Information</H>
          {tables.map((t) => (
            <table key={t.directorate.id} className="print-table" id={`print-revenue-app1-${t.directorate.id}`}>
              <caption>
                Appendix {t.directorate.appendix} – Detailed Financial Information - {t.directorate.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{COLUMN_HEADERS.previousVariance}</th>
                  <th scope="col">Committee</th>
                  <th scope="col">Budget Line</th>
                  {(['grossBudget', 'incomeBudget', 'netBudget', 'actual', 'forecastVariance', 'variancePct'] as const).map((c) => (
                    <th key={c} scope="col">
                      {COLUMN_HEADERS[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {appendixRows(planAppendix(t.directorate, t.sections, t.lines), t.settings.pctBaseAppendix1).map((r) =>
                  r.kind === 'heading' || r.kind === 'subheading' ? (
                    <tr key={r.key} className="print-group">
                      <td />
                      <td />
                      <th scope="row" colSpan={7}>
                        {r.label}
                      </th>
                    </tr>
                  ) : (
                    <tr key={r.key} className={r.kind === 'line' ? undefined : 'print-total'}>
                      <td className="num">{m(r.figures.previousVariance)}</td>
                      <td>{r.committee}</td>
                      <th scope="row">{r.label}</th>
                      <Figs f={r.figures} />
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          ))}
        </section>
      );
    },
  };
}

export async function printRevenueAppendix2(ctx: PrintContext): Promise<PrintedSection> {
  const data: RevenueCommentaries = await send('revenue.commentaries', { period: ctx.period });
  return {
    contents: { number: 'Appendix 2', title: 'Service Commentaries on Forecast Outturn Position', anchor: 'print-revenue-app2', entries: [] },
    render: (top) => {
      const H = top ? 'h1' : 'h2';
      return (
        <section className="print-section" id="print-revenue-app2" aria-labelledby="print-revenue-app2-title">
          <H id="print-revenue-app2-title">Appendix 2 – Service Commentaries on Forecast Outturn Position</H>
          {data.directorates.map((d) => {
            const part = d.appendix.replace('1', '2');
            const subjects = data.areas.filter((a) => a.directorateId === d.id).flatMap((a) => [{ key: a.key, figures: a.figures }, ...a.lines.map((l) => ({ key: lineSubject(l.key), figures: l.figures }))]);
            const mine = data.commentaries.filter((c) => c.body.trim() && subjects.some((s) => s.key === c.subjectKey));
            return (
              <section key={d.id} aria-label={`Appendix ${part} ${d.name}`}>
                <h3>
                  Appendix {part} – {d.name}
                </h3>
                {mine.map((c, i) => (
                  <section key={c.subjectKey} aria-label={c.title}>
                    <h4>
                      {part}({i + 1}) {c.title}
                    </h4>
                    <table className="print-table">
                      <thead>
                        <tr>
                          {['Gross Budget £000', 'Income Budget £000', 'Net Budget £000', 'Actuals £000', 'Forecast Variance £000', 'Forecast Variance %'].map((h) => (
                            <th key={h} scope="col">
                              {h}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <Figs f={subjects.find((s) => s.key === c.subjectKey)!.figures} />
                        </tr>
                      </tbody>
                    </table>
                    <Prose body={c.body} />
                  </section>
                ))}
              </section>
            );
          })}
        </section>
      );
    },
  };
}
