import { useCallback, useEffect, useState } from 'react';
import type { RevenueCommentaries, RevenueNarratives, RevenueSummary, RevenueTable } from '../../../../shared/areas/revenue/api';
import type { Directorate } from '../../../../shared/areas/revenue/model';
import { REVENUE_AREA_ID, REVENUE_AREA_NAME } from '../../../../shared/areas/revenue/ids';
import { messageOf, send, trackWrite } from '../../api/client';
import type { AreaPageProps } from '../types';
import { AppendixView } from './AppendixView';
import { CommentariesView } from './CommentariesView';
import { NarrativeView } from './NarrativeView';
import { SummaryView } from './SummaryView';

/** The views of the page besides each directorate's Appendix 1 (whose ids are the directorates'). */
const VIEWS = [
  { id: 'summary', label: 'Summary (1.2)' },
  { id: 'commentaries', label: 'Commentaries (Appendix 2)' },
  { id: 'narrative', label: 'Narrative (1.1, 1.3, 2)' },
] as const;

type Loaded = { kind: 'table'; data: RevenueTable } | { kind: 'summary'; data: RevenueSummary } | { kind: 'commentaries'; data: RevenueCommentaries } | { kind: 'narrative'; data: RevenueNarratives };

/** Revenue monitoring: the summary dashboard, each directorate's budget lines, the commentaries and the narrative of the toolbar's month. */
export function RevenuePage({ period, params, onParamsChange, reloadKey, workspaceLock, invalid, styleNonce, onSaved, onRefused }: AreaPageProps) {
  const view = params.table ?? 'summary';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fetchKey, setFetchKey] = useState(0);
  const held = period.areas.includes(REVENUE_AREA_ID);
  // The directorates (one Appendix 1 table each), from whatever the page last loaded.
  const [directorates, setDirectorates] = useState<readonly Directorate[]>([]);
  const reload = useCallback(() => setFetchKey((k) => k + 1), []);

  useEffect(() => {
    if (!held) return;
    let cancelled = false;
    const load = async (): Promise<Loaded> => {
      if (view === 'summary') return { kind: 'summary', data: await send('revenue.summary', { period: period.id }) };
      if (view === 'commentaries') return { kind: 'commentaries', data: await send('revenue.commentaries', { period: period.id }) };
      if (view === 'narrative') return { kind: 'narrative', data: await send('revenue.narratives', { period: period.id }) };
      return { kind: 'table', data: await send('revenue.table', { period: period.id, directorateId: view }) };
    };
    load().then(
      (l) => {
        if (cancelled) return;
        setLoaded(l);
        if (l.kind !== 'narrative') setDirectorates(l.kind === 'summary' ? l.data.directorates.map((d) => d.directorate) : l.data.directorates);
        setError(null);
      },
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [period.id, view, held, reloadKey, fetchKey]);

  const onTable = useCallback((update: (t: RevenueTable | null) => RevenueTable | null) => {
    setLoaded((l) => {
      if (l?.kind !== 'table') return l;
      const next = update(l.data);
      return next ? { kind: 'table', data: next } : l;
    });
  }, []);

  /** Saves a text (a commentary, a narrative section) and shows what the server now holds. */
  const saveText = useCallback(
    async (write: () => Promise<Loaded>) => {
      try {
        setLoaded(await trackWrite(write()));
        onSaved();
      } catch (err) {
        setError(messageOf(err));
      }
    },
    [onSaved],
  );
  const saveCommentary = (subjectKey: string, body: string) => saveText(async () => ({ kind: 'commentaries', data: await send('revenue.setCommentary', { period: period.id, subjectKey, body }) }));
  const saveNarrative = (key: string, body: string) => saveText(async () => ({ kind: 'narrative', data: await send('revenue.setNarrative', { period: period.id, key, body }) }));

  const current = loaded && loaded.data.period === period.id && (loaded.kind === 'table' ? loaded.data.directorate.id === view : loaded.kind === view) ? loaded : null;
  const lock = (current && 'lockedReason' in current.data ? current.data.lockedReason : null) ?? workspaceLock;

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{REVENUE_AREA_NAME}</h1>
      <div className="service-picker" role="group" aria-labelledby="revenue-views-label" data-testid="revenue-views">
        <span id="revenue-views-label" className="service-picker__label">
          Show
        </span>
        {[VIEWS[0], ...directorates.map((d) => ({ id: d.id, label: `Appendix ${d.appendix} ${d.name}` })), ...VIEWS.slice(1)].map((v) => (
          <button key={v.id} type="button" className="service-picker__item" aria-pressed={v.id === view} data-view={v.id} onClick={() => onParamsChange({ table: v.id })}>
            {v.label}
          </button>
        ))}
      </div>
      {!held ? (
        <p className="empty" data-testid="revenue-empty">
          No revenue figures for {period.label} yet.
        </p>
      ) : error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : !current ? (
        <p className="loading">Loading…</p>
      ) : (
        <>
          {lock ? (
            <p className="banner banner--readonly" data-testid="revenue-locked">
              <strong>Not editable.</strong> {lock}
            </p>
          ) : null}
          {current.kind === 'summary' ? <SummaryView summary={current.data} /> : null}
          {current.kind === 'table' ? (
            <AppendixView table={current.data} lock={lock} invalid={invalid} styleNonce={styleNonce} onTable={onTable} onSaved={onSaved} onRefused={onRefused} onReload={reload} />
          ) : null}
          {current.kind === 'commentaries' ? <CommentariesView data={current.data} lock={lock} subject={params.subject} onSubject={(subject) => onParamsChange({ subject })} onSave={saveCommentary} /> : null}
          {current.kind === 'narrative' ? <NarrativeView data={current.data} lock={lock} onSave={saveNarrative} /> : null}
        </>
      )}
    </section>
  );
}
