import type { RevenueCommentaries } from '../../../../shared/areas/revenue/api';
import { lineSubject } from '../../../../shared/areas/revenue/commentary';
import { formatValue } from '../../../../shared/units';
import { TextEditor } from './TextEditor';

interface Props {
  data: RevenueCommentaries;
  lock: string | null;
  subject: string | undefined;
  onSubject: (key: string) => void;
  onSave: (subjectKey: string, body: string) => Promise<void>;
}

const BOX = [
  ['grossBudget', 'Gross Budget £000'],
  ['incomeBudget', 'Income Budget £000'],
  ['netBudget', 'Net Budget £000'],
  ['actual', 'Actuals £000'],
  ['forecastVariance', 'Forecast Variance £000'],
] as const;

/** Appendix 2: every service area, those needing a commentary first flagged, and the editor beside the six-figure summary. */
export function CommentariesView({ data, lock, subject, onSubject, onSave }: Props) {
  const written = new Map(data.commentaries.filter((c) => c.body.trim()).map((c) => [c.subjectKey, c]));
  const covered = (key: string) => written.has(key) || data.areas.find((a) => a.key === key)?.lines.some((l) => written.has(lineSubject(l.key)));
  const chosen = subject ?? data.areas.find((a) => a.needsCommentary && !covered(a.key))?.key ?? data.commentaries[0]?.subjectKey ?? data.areas[0]?.key;
  const area = data.areas.find((a) => a.key === chosen || a.lines.some((l) => lineSubject(l.key) === chosen));
  const line = area?.lines.find((l) => lineSubject(l.key) === chosen);
  const figures = line?.figures ?? area?.figures;
  const current = chosen ? data.commentaries.find((c) => c.subjectKey === chosen) : undefined;
  const missing = data.areas.filter((a) => a.needsCommentary && !covered(a.key));

  return (
    <div className="revenue-commentaries">
      <p className="revenue-note" data-testid="revenue-missing">
        {missing.length ? `${missing.length} service ${missing.length === 1 ? 'area needs' : 'areas need'} a commentary: ${missing.map((a) => a.label).join(', ')}.` : 'Every service area over the threshold has a commentary.'} The rule: a
        variance greater than {formatValue(data.settings.commentaryPct, 'percent', { decimals: 1 })} of the {data.settings.commentaryBase === 'gross' ? 'gross' : 'net'} budget or{' '}
        £{formatValue(data.settings.commentaryMinimum, 'gbp_000')}k, whichever is greater.
      </p>
      <div className="revenue-commentaries__layout">
        <nav aria-label="Service areas">
          {data.directorates.map((d) => (
            <section key={d.id} aria-label={`Appendix ${d.appendix.replace('1', '2')} ${d.name}`}>
              <h2 className="revenue-commentaries__dir">
                Appendix {d.appendix.replace('1', '2')} {d.name}
              </h2>
              <ul className="revenue-areas">
                {data.areas
                  .filter((a) => a.directorateId === d.id)
                  .map((a) => (
                    <li key={a.key}>
                      <button type="button" aria-pressed={a.key === chosen} onClick={() => onSubject(a.key)} data-subject={a.key}>
                        {a.label}
                        {a.needsCommentary && !covered(a.key) ? <span className="revenue-flag"> needs a commentary</span> : covered(a.key) ? <span className="revenue-has"> ✓ commentary</span> : null}
                      </button>
                      {a.lines.length > 1 ? (
                        <ul>
                          {a.lines.map((l) => (
                            <li key={l.key}>
                              <button type="button" aria-pressed={lineSubject(l.key) === chosen} onClick={() => onSubject(lineSubject(l.key))} data-subject={lineSubject(l.key)}>
                                {l.label}
                                {written.has(lineSubject(l.key)) ? <span className="revenue-has"> ✓ commentary</span> : null}
                              </button>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </nav>
        {chosen && figures ? (
          <section className="revenue-commentary" aria-labelledby="revenue-commentary-title" data-testid="revenue-commentary">
            <h2 id="revenue-commentary-title">{current?.title ?? line?.label ?? area?.label}</h2>
            <table className="data-table revenue-box">
              <caption className="visually-hidden">Six-figure summary</caption>
              <thead>
                <tr>
                  {BOX.map(([, h]) => (
                    <th key={h} scope="col" className="num">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Forecast Variance %
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  {BOX.map(([c]) => (
                    <td key={c} className="num">
                      {formatValue(figures[c], 'gbp_000')}
                    </td>
                  ))}
                  <td className="num">{formatValue(figures.variancePct, 'percent')}</td>
                </tr>
              </tbody>
            </table>
            <TextEditor key={chosen} label="Commentary" value={current?.body ?? ''} carried={current?.carried ?? false} lock={lock} onSave={(body) => onSave(chosen, body)} testId="revenue-commentary-editor" />
          </section>
        ) : null}
      </div>
    </div>
  );
}
