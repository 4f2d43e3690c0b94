import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SavingsTracker } from '../../../../shared/areas/savings/api';
import { SAVINGS_AREA_NAME } from '../../../../shared/areas/savings/ids';
import { messageOf, send, trackWrite } from '../../api/client';
import type { SheetActions } from '../../grid/useSheetEditing';
import type { AreaPageProps } from '../types';
import { RagKey } from './RagKey';
import { figureCells } from './rows';
import { SavingEditor } from './SavingEditor';
import { TrackerGrid } from './TrackerGrid';

function heading(t: SavingsTracker): string {
  if (t.source === 'snapshot') return `${t.quarterLabel}: the tracker as published when ${t.periodLabel} closed`;
  return t.quarterLabel ? `${t.quarterLabel} (published in ${t.periodLabel})` : `Savings ${t.financialYear.replace('-', '/')}: current forecasts`;
}

/** The Savings Tracker page: the quarter's trackers (or the year's register), one grid per directorate, the key, and a saving's words and RAG. */
export function SavingsPage({ period, reloadKey, workspaceLock, invalid, styleNonce, onSaved, onRefused }: AreaPageProps) {
  const [tracker, setTracker] = useState<SavingsTracker | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fetchKey, setFetchKey] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let cancelled = false;
    send('savings.tracker', { period: period.id }).then(
      (t) => {
        if (cancelled) return;
        setTracker(t);
        setError(null);
      },
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [period.id, reloadKey, fetchKey]);

  const save = useCallback(
    (cells: ReturnType<typeof figureCells>, source: 'grid' | 'paste', done: string | null) => {
      if (!tracker) return;
      const at = tracker.period;
      queue.current = trackWrite(
        queue.current.then(async () => {
          try {
            const next = await send('savings.setFigures', { period: at, cells, source });
            setTracker((t) => (t?.period === next.period ? next : t));
            onSaved();
            if (done) setAnnouncement(done);
          } catch (err) {
            onRefused(messageOf(err), { rowKey: cells[0]!.lineId, colId: cells[0]!.field });
            setFetchKey((k) => k + 1);
          }
        }),
      );
    },
    [tracker, onSaved, onRefused],
  );

  const actions = useMemo<SheetActions>(
    () => ({
      onCells: (changes, source, done) => {
        const cells = figureCells(changes);
        if (cells.length) save(cells, source, done);
      },
      onRefused,
      onAnnounce: setAnnouncement,
    }),
    [save, onRefused],
  );

  const lock = tracker?.lockedReason ?? workspaceLock;
  const overridden = tracker?.groups.flatMap((g) => g.rows).filter((r) => r.overridden) ?? [];

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{SAVINGS_AREA_NAME}</h1>
      {error ? (
        <p className="banner banner--error">{error}</p>
      ) : !tracker ? (
        <p className="loading">Loading the savings…</p>
      ) : (
        <>
          <h2 className="savings-caption" data-testid="savings-caption">
            {heading(tracker)}
          </h2>
          {lock ? (
            <p className="banner banner--readonly" data-testid="savings-locked">
              <strong>Not editable.</strong> {lock}
            </p>
          ) : null}
          {!tracker.groups.length ? (
            <p className="empty" data-testid="savings-empty">
              No savings for {tracker.financialYear.replace('-', '/')} yet. Import a tracker, or agree the year&rsquo;s proposals.
            </p>
          ) : (
            tracker.groups.map((g) => (
              <section key={g.directorate.id} className="grid-region" aria-label={`${g.number} ${g.title}`} data-testid={`savings-grid-${g.directorate.id}`}>
                <TrackerGrid
                  key={`${tracker.period}/${g.directorate.id}`}
                  group={g}
                  movementSince={tracker.previous?.quarterLabel ?? null}
                  lockedReason={lock}
                  invalid={invalid}
                  styleNonce={styleNonce}
                  actions={actions}
                />
              </section>
            ))
          )}
          <p className="visually-hidden" role="status" data-testid="savings-announce">
            {announcement}
          </p>
          {overridden.length ? (
            <div className="legend" data-testid="savings-overrides">
              <p>RAG marked (override) is an officer&rsquo;s in place of the key&rsquo;s:</p>
              <ul>
                {overridden.map((r) => (
                  <li key={r.id}>
                    {r.title}: {r.rag} (override; the key gives {r.ruleRag ?? 'no RAG'}), set by {r.ragOverride!.by} on {r.ragOverride!.at.slice(0, 10)}. Reason: {r.ragOverride!.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="legend">
            <p>
              Savings are negative (a reduction in budget), in £000. Variance from Plan = Forecast − Original, so a positive variance is a shortfall. % Variance = Variance ÷
              |Original|. Totals and the RAG by the key are worked out by Outturn; a RAG as published is kept beside it, and Checks lists any departure.
            </p>
          </div>
          <RagKey settings={tracker.ragSettings} />
          {tracker.groups.length ? <SavingEditor tracker={tracker} locked={lock !== null} onTracker={(t, message) => {
            setTracker(t);
            onSaved();
            setAnnouncement(message);
          }} /> : null}
        </>
      )}
    </section>
  );
}
