import { useCallback, useEffect, useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { MonthEndState } from '../../../shared/monthend';
import { messageOf, send } from '../api/client';
import { MonthEndRecords } from './MonthEndRecords';
import { MonthEndSettingsForm } from './MonthEndSettingsForm';
import { MonthEndSteps } from './MonthEndSteps';
import { YearEnd } from './YearEnd';
import { STATUS_LABEL, statusSentence } from './words';
import './monthend.css';

interface Props {
  /** The toolbar's month. */
  period: PeriodInfo;
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  reloadKey: number;
  /** A step or a setting was saved: the shell reloads everything and shows the message. */
  onChanged: (message: string) => void;
  onOpenChecks: () => void;
}

/**
 * The month-end of the toolbar's month, for every area: its status (open, ready for review, closed),
 * what stands in the way of marking it ready, the steps (mark ready, sign off, close without sign-off,
 * reopen), who did what when, the archived committee packs and the audit report, the year-end rollover
 * of its financial year with what each area offers to carry forward, and the settings.
 */
export function MonthEndPage({ period, lock, reloadKey, onChanged, onOpenChecks }: Props) {
  const [state, setState] = useState<MonthEndState | null>(null);
  const [error, setError] = useState('');
  const [fetchKey, setFetchKey] = useState(0);

  useEffect(() => {
    let cancelled = false;
    send('periods.monthEnd', { period: period.id }).then(
      (s) => {
        if (cancelled) return;
        setState(s);
        setError('');
      },
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [period.id, reloadKey, fetchKey]);

  const done = useCallback(
    (message: string) => {
      setFetchKey((k) => k + 1);
      onChanged(message);
    },
    [onChanged],
  );

  const open = state?.openFindings ?? [];
  const openCount = open.reduce((n, a) => n + a.count, 0);

  return (
    <section className="page monthend" aria-labelledby="page-title">
      <h1 id="page-title">Month-end for {period.label}</h1>
      <p className="hint monthend__lead">
        The preparer marks the month ready for review once every finding under Checks is resolved or acknowledged with a note; a reviewer, another officer, signs it off,
        which closes it for every area. Any change to a month marked ready returns it to open.
      </p>
      {lock ? (
        <p className="banner banner--readonly">
          <strong>Month-end steps not available.</strong> {lock}
        </p>
      ) : null}
      {error ? <p className="banner banner--error">{error}</p> : null}
      {!state ? (
        !error ? <p className="loading">Loading the month-end of {period.label}…</p> : null
      ) : (
        <>
          <section className="settings__section" aria-labelledby="monthend-status-title">
            <h2 id="monthend-status-title">
              Status: <span data-testid="monthend-status" data-status={state.status}>{STATUS_LABEL[state.status]}</span>
            </h2>
            <p data-testid="monthend-status-text">{statusSentence(state)}</p>
            {state.status !== 'closed' ? (
              openCount ? (
                <div className="banner banner--warning" data-testid="monthend-blockers">
                  <p>
                    <strong>
                      {openCount} {openCount === 1 ? 'finding is' : 'findings are'} neither resolved nor acknowledged,
                    </strong>{' '}
                    so {period.label} cannot be marked ready for review:
                  </p>
                  <ul>
                    {open.map((a) => (
                      <li key={a.area}>
                        {a.name}: {a.count}
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="link-button" data-testid="monthend-open-checks" onClick={onOpenChecks}>
                    Open Checks to correct or acknowledge them
                  </button>
                </div>
              ) : (
                <p className="hint" data-testid="monthend-no-blockers">
                  Every finding of {period.label} is resolved or acknowledged.
                </p>
              )
            ) : null}
          </section>
          <MonthEndSteps state={state} lock={lock} onDone={done} />
          <MonthEndRecords state={state} />
          <YearEnd period={period} lock={lock} reloadKey={reloadKey} onDone={done} />
          <MonthEndSettingsForm settings={state.settings} lock={lock} onSaved={done} />
        </>
      )}
    </section>
  );
}
