import { useState } from 'react';
import type { PeriodInfo, YearEndSummary } from '../../../shared/api/contract';
import { financialYearOf } from '../../../shared/periods';
import { messageOf, send } from '../api/client';
import { useLoaded } from '../api/useLoaded';
import { ConfirmDialog } from '../app/ConfirmDialog';

interface Props {
  period: PeriodInfo;
  lock: string | null;
  reloadKey: number;
  onDone: (message: string) => void;
}

const words = (fy: string) => fy.replace('-', '/');

/**
 * The year-end rollover of the toolbar month's financial year, for every area through the registry:
 * what each area would do, and what it offers to carry into the new year, each with a tick box (all
 * ticked to begin with). Rolling over opens the new year's months with the offers ticked, in one step.
 */
export function YearEnd({ period, lock, reloadKey, onDone }: Props) {
  const fy = financialYearOf(period.id);
  const [preview, setPreview] = useState<YearEndSummary | null>(null);
  const [unavailable, setUnavailable] = useState('');
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<YearEndSummary | null>(null);

  useLoaded(
    () => send('year.preview', { fromYear: fy }),
    (p) => {
      setPreview(p);
      setUnavailable('');
    },
    (m) => {
      setPreview(null);
      setUnavailable(m);
    },
    `${fy}|${reloadKey}|${result ? 'done' : ''}`,
  );

  const offers = preview?.areas.flatMap((a) => a.offers) ?? [];
  const accepted = offers.filter((o) => !declined.has(o.id)).map((o) => o.id);
  const toggle = (id: string) =>
    setDeclined((d) => {
      const next = new Set(d);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const roll = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const r = await send('year.rollOver', { fromYear: fy, accept: accepted });
      setResult(r);
      setError('');
      onDone(`${r.label}: done.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings__section" aria-labelledby="yearend-title" data-testid="yearend">
      <h2 id="yearend-title">Year-end rollover of {words(fy)}</h2>
      {result ? (
        <div data-testid="yearend-result">
          <p role="status">{result.label}: done.</p>
          <ul>
            {result.areas.flatMap((a) =>
              a.lines.map((l) => (
                <li key={`${a.area}:${l}`}>
                  {a.name}: {l}
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
      {!result && unavailable ? <p data-testid="yearend-unavailable">{unavailable}</p> : null}
      {!result && preview ? (
        <>
          <p>
            Opens the months of {words(preview.toYear)} and brings each area&rsquo;s balances forward. Tick what to carry into {words(preview.toYear)}; an offer left unticked is not carried.
          </p>
          {preview.areas.map((a) => (
            <fieldset key={a.area} className="yearend__area" data-testid="yearend-area" data-area={a.area}>
              <legend>{a.name}</legend>
              {a.lines.length ? (
                <ul>
                  {a.lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              ) : null}
              {a.offers.map((o) => (
                <label key={o.id} className="yearend__offer">
                  <input type="checkbox" data-testid="yearend-offer" data-offer={o.id} checked={!declined.has(o.id)} disabled={busy} onChange={() => toggle(o.id)} /> {o.label}
                </label>
              ))}
            </fieldset>
          ))}
          <p className="form-alert" role="alert" data-testid="yearend-error">
            {error}
          </p>
          <button type="button" className="button button--primary" data-testid="yearend-roll" disabled={busy || lock !== null} title={lock ?? undefined} onClick={() => setConfirming(true)}>
            Roll over into {words(preview.toYear)}…
          </button>
          <ConfirmDialog
            open={confirming}
            title={`Roll ${words(fy)} over into ${words(preview.toYear)}?`}
            confirmLabel="Roll over"
            cancelLabel="Not now"
            testId="yearend-dialog"
            confirmTestId="yearend-confirm"
            onConfirm={() => void roll()}
            onClose={() => setConfirming(false)}
          >
            <p>
              {accepted.length} of {offers.length} offers will be carried forward. The rollover is one step and cannot be undone.
            </p>
          </ConfirmDialog>
        </>
      ) : null}
    </section>
  );
}
