import { useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { ReturnInfo, ReturnsArea, ReturnStatus } from '../../../shared/returns';
import { send } from '../api/client';
import { useLoaded } from '../api/useLoaded';
import { formatWhen } from '../import/format';
import './returns.css';

interface Props {
  /** The toolbar's month. */
  period: PeriodInfo;
  reloadKey: number;
}

/** Each status in words (the colour beside it is never the only signal). */
export const STATUS_WORDS: Record<ReturnStatus, string> = {
  issued: 'Issued: with its owner',
  overdue: 'Overdue',
  returned: 'Returned: conflicts to resolve',
  applied: 'Applied',
  superseded: 'Replaced by a later return',
};

const day = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/**
 * The offline returns of the toolbar's month, for every area that issues them: who was sent a workbook,
 * when it is due, and whether it is out, overdue, back with conflicts to resolve, or applied.
 */
export function ReturnsPage({ period, reloadKey }: Props) {
  const [data, setData] = useState<{ returns: ReturnInfo[]; areas: ReturnsArea[] } | null>(null);
  const [error, setError] = useState('');
  useLoaded(() => send('returns.list', { period: period.id }), (d) => (setData(d), setError('')), setError, `${period.id}|${reloadKey}`);

  const counts = (data?.returns ?? []).reduce<Partial<Record<ReturnStatus, number>>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
  return (
    <div className="returns-page">
      <h1>Returns: {period.label}</h1>
      <p className="returns__intro">
        Workbooks sent to budget holders and commissioners to update offline. Each holds only its owner&rsquo;s rows, with only their cells open to change. Returns are issued and taken back
        (several at once) with the <code>outturn returns issue</code> and <code>outturn import</code> commands: Outturn shows each change since the return was issued, asks you to choose where a
        figure was also changed here meanwhile, and refuses a return that was altered outside its owner&rsquo;s cells.
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {data ? (
        <>
          <p data-testid="returns-summary">
            {data.returns.length === 0
              ? `No returns have been issued for ${period.label}.`
              : (['overdue', 'issued', 'returned', 'applied', 'superseded'] as const)
                  .filter((s) => counts[s])
                  .map((s) => `${counts[s]} ${STATUS_WORDS[s].split(':')[0]!.toLowerCase()}`)
                  .join(', ') + '.'}
          </p>
          {data.returns.length ? (
            <table className="findings returns__table" data-testid="returns-table">
              <caption className="visually-hidden">Returns of {period.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Due</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Back</th>
                  <th scope="col">Rows</th>
                </tr>
              </thead>
              <tbody>
                {data.returns.map((r) => (
                  <tr key={r.id} data-testid="return-row" data-status={r.status}>
                    <td>{r.areaName}</td>
                    <td>{r.owner}</td>
                    <td>
                      <span className={`returns__status returns__status--${r.status}`}>{STATUS_WORDS[r.status]}</span>
                    </td>
                    <td>{day(r.dueDate)}</td>
                    <td>
                      {formatWhen(r.issuedAt)} by {r.issuedBy}
                    </td>
                    <td>{r.appliedAt ? `Applied ${formatWhen(r.appliedAt)} by ${r.appliedBy ?? 'unknown'}` : r.returnedAt ? `Returned ${formatWhen(r.returnedAt)}` : '—'}</td>
                    <td>{r.rows}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <h2>Who would get one</h2>
          <ul className="returns__areas">
            {data.areas.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong>: {a.owners.length ? `a ${a.noun} each for ${a.owners.join(', ')}` : 'no rows have an owner yet'}.
                {a.unowned.length ? ` Not in any return (no owner): ${a.unowned.join('; ')}.` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
