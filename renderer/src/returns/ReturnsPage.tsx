import { useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { ReturnInfo, ReturnsArea, ReturnStatus } from '../../../shared/returns';
import { messageOf, send } from '../api/client';
import { useFileSave } from '../app/useFileSave';
import { useLoaded } from '../api/useLoaded';
import { formatWhen } from '../import/format';
import './returns.css';

interface Props {
  /** The toolbar's month. */
  period: PeriodInfo;
  reloadKey: number;
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
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
export function ReturnsPage({ period, reloadKey, lock }: Props) {
  const [data, setData] = useState<{ returns: ReturnInfo[]; areas: ReturnsArea[] } | null>(null);
  const [error, setError] = useState('');
  const [fetchKey, setFetchKey] = useState(0);
  const [due, setDue] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [message, setMessage] = useState('');
  const file = useFileSave();
  useLoaded(() => send('returns.list', { period: period.id }), (d) => (setData(d), setError('')), setError, `${period.id}|${reloadKey}|${fetchKey}`);

  const issue = async (area: ReturnsArea) => {
    setIssuing(true);
    setMessage('');
    setError('');
    try {
      const r = await send('returns.issue', { area: area.id, period: period.id, ...(due ? { dueDate: due } : {}) });
      setMessage(`${r.label}.${r.unowned.length ? ` Not in any return (no owner): ${r.unowned.join('; ')}.` : ''} Download each workbook below and send it to its owner.`);
      setFetchKey((k) => k + 1);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setIssuing(false);
    }
  };

  const counts = (data?.returns ?? []).reduce<Partial<Record<ReturnStatus, number>>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
  return (
    <div className="returns-page">
      <h1>Returns: {period.label}</h1>
      <p className="returns__intro">
        Workbooks sent to budget holders and commissioners to update offline. Each holds only its owner&rsquo;s rows, with only their cells open to change. Issue them here and download each
        one to send. Take them back (several at once) with the <code>outturn import</code> command: Outturn shows each change since the return was issued, asks you to choose where a figure was
        also changed here meanwhile, and refuses a return that was altered outside its owner&rsquo;s cells.
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
                  <th scope="col">Workbook</th>
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
                    <td>
                      {r.status === 'superseded' ? (
                        '—'
                      ) : (
                        <button type="button" className="button" data-testid="return-download" disabled={file.busy} onClick={() => void file.save(() => send('returns.workbook', { id: r.id }))}>
                          Download<span className="visually-hidden"> the return of {r.owner}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {file.saved ? <p role="status">{file.saved}</p> : null}
          {file.error ? (
            <p role="alert" className="error">
              {file.error}
            </p>
          ) : null}
          <h2>Issue returns</h2>
          <p>
            <label htmlFor="returns-due">Due back on </label>
            <input id="returns-due" type="date" data-testid="returns-due" value={due} onChange={(e) => setDue(e.target.value)} /> (two weeks from today if left empty). Issuing again
            replaces an owner&rsquo;s earlier return, which Outturn will then refuse.
          </p>
          <ul className="returns__areas">
            {data.areas.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong>: {a.owners.length ? `a ${a.noun} each for ${a.owners.join(', ')}` : 'no rows have an owner yet'}.
                {a.unowned.length ? ` Not in any return (no owner): ${a.unowned.join('; ')}.` : ''}{' '}
                <button type="button" className="button" data-testid={`returns-issue-${a.id}`} disabled={!!lock || issuing || !a.owners.length} title={lock ?? undefined} onClick={() => void issue(a)}>
                  Issue {a.noun}s
                </button>
              </li>
            ))}
          </ul>
          {message ? <p role="status" data-testid="returns-message">{message}</p> : null}
        </>
      ) : null}
    </div>
  );
}
