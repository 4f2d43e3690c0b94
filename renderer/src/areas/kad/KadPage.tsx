import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KadServiceInfo, KadTable } from '../../../../shared/areas/kad/api';
import { KAD_AREA_ID, KAD_AREA_NAME } from '../../../../shared/areas/kad/ids';
import { messageOf, send } from '../../api/client';
import type { SheetActions } from '../../grid/useSheetEditing';
import { SaveQueue } from '../../grid/saveQueue';
import type { AreaPageProps } from '../types';
import { KadTrendCharts } from './charts/KadTrendCharts';
import { RUN_RATE_DESCRIPTION } from './columns';
import { CompareSelect } from './CompareSelect';
import { CompareTable } from './CompareTable';
import { KadGrid } from './KadGrid';
import { KadLegend } from './KadLegend';
import { ServicePicker } from './ServicePicker';
import { carriedFigureCount, kadCells, withCellValues, type CellValue } from './rows';

/** The published caption names August; a rolled-forward month must not claim to be August. */
function captionFor(table: KadTable): string {
  return table.service.caption.replace(/at the end of [A-Z][a-z]+ \d{4}/, `at the end of ${table.periodLabel}`);
}

const sameTable = (a: KadTable | null, b: KadTable): a is KadTable => !!a && a.period === b.period && a.service.id === b.service.id;

/** The services, fetched again whenever the shell reloads (a service added in Settings, a restore). */
function useServices(reloadKey: number): { services: KadServiceInfo[] | null; error: string | null } {
  const [services, setServices] = useState<KadServiceInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    send('kad.services', {}).then(
      (list) => {
        if (cancelled) return;
        setServices(list);
        setError(null);
      },
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [reloadKey]);
  return { services, error };
}

/** The Key Activity Data page: one service's table for the toolbar's month; the service is kept in the address. */
export function KadPage({ period, months, params, onParamsChange, reloadKey, workspaceLock, invalid, styleNonce, onSaved, onRefused }: AreaPageProps) {
  const [table, setTable] = useState<KadTable | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fetchKey, setFetchKey] = useState(0);
  const [compareWith, setCompareWith] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [saves, setSaves] = useState(0);
  // Edits go to the server one at a time, so the last table to come back is the newest.
  const [saveQueue] = useState(() => new SaveQueue<CellValue[]>());
  const { services, error: servicesError } = useServices(reloadKey);
  const held = period.areas.includes(KAD_AREA_ID);

  // The address may name no service, or one that no longer exists (after a restore): show the first.
  const known = services?.some((s) => s.id === params.service) ?? false;
  const serviceId = known ? params.service! : '';
  const fallback = services?.[0]?.id;
  useEffect(() => {
    if (services && !known && fallback) onParamsChange({ service: fallback });
  }, [services, known, fallback, onParamsChange]);

  const compareTo = compareWith && compareWith !== period.id && months.some((m) => m.id === compareWith && m.areas.includes(KAD_AREA_ID)) ? compareWith : undefined;

  useEffect(() => {
    if (!held || !serviceId) {
      setTable(null);
      return;
    }
    let cancelled = false;
    send('kad.table', { period: period.id, serviceId, ...(compareTo ? { compareTo } : {}) }).then(
      (t) => {
        if (cancelled) return;
        setTable(t);
        setLoadError(null);
      },
      (err: unknown) => {
        if (!cancelled) setLoadError(messageOf(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [period.id, held, serviceId, reloadKey, fetchKey, compareTo]);

  /** Saves cells as one step; a save answers without the comparison, which an edit of this month leaves as it was. */
  const save = useCallback(
    (cells: CellValue[], source: 'grid' | 'paste', done: string | null) => {
      if (!table) return;
      const ref = { period: table.period, serviceId: table.service.id };
      setTable((t) => (t && t.period === ref.period && t.service.id === ref.serviceId ? withCellValues(t, cells) : t));
      saveQueue.save(
        `${ref.period}/${ref.serviceId}`,
        cells,
        () => send('kad.setCells', { ...ref, cells, source }),
        (next, later) => {
          // Later edits still waiting for their answers stay on screen (SaveQueue).
          const shown = later.reduce(withCellValues, next);
          setTable((t) => (sameTable(t, next) ? { ...shown, comparison: t.comparison } : t));
          onSaved();
          setSaves((n) => n + 1);
          if (done) setAnnouncement(done);
        },
        (err) => {
          onRefused(messageOf(err), { rowKey: cells[0]!.lineKey, colId: cells[0]!.field });
          setFetchKey((k) => k + 1); // drop the optimistic values
        },
      );
    },
    [table, saveQueue, onSaved, onRefused],
  );

  const actions = useMemo<SheetActions>(
    () => ({
      onCells: (changes, source, done) => {
        const cells = kadCells(changes);
        if (cells.length) save(cells, source, done);
      },
      onRefused,
      onAnnounce: setAnnouncement,
    }),
    [save, onRefused],
  );

  const service = services?.find((s) => s.id === serviceId);
  const lock = table?.lockedReason ?? workspaceLock;
  const regionLabel = `${KAD_AREA_NAME} for ${service?.name ?? 'the selected service'}`;
  const carried = table ? carriedFigureCount(table) : 0;

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{KAD_AREA_NAME}</h1>
      {services ? <ServicePicker services={services} value={serviceId} onChange={(id) => onParamsChange({ service: id })} /> : null}
      {!held ? (
        <p className="empty" data-testid="kad-empty">
          No {KAD_AREA_NAME} for {period.label} yet.
        </p>
      ) : (loadError ?? servicesError) ? (
        <p className="banner banner--error">{loadError ?? servicesError}</p>
      ) : !table ? (
        <p className="loading">Loading {service?.name ?? KAD_AREA_NAME}…</p>
      ) : (
        <>
          <div className="kad-heading">
            <h2 className="kad-caption" data-testid="kad-caption">
              {captionFor(table)}
            </h2>
            <CompareSelect months={months} period={table.period} value={compareTo ?? ''} onChange={setCompareWith} />
          </div>
          {lock ? (
            <p className="banner banner--readonly" data-testid="kad-locked">
              <strong>Not editable.</strong> {lock}
            </p>
          ) : null}
          {carried > 0 ? (
            <p className="kad-carried-note" data-testid="kad-carried-note">
              <span className="kad-carried-note__mark" aria-hidden="true">
                c/f
              </span>{' '}
              {carried} actual {carried === 1 ? 'figure is' : 'figures are'} still {table.previous ? `${table.previous.periodLabel}'s` : "last month's"}, shown in italics and marked
              c/f until each is updated (type it again, unchanged, to confirm it).
            </p>
          ) : null}
          <section className="grid-region" aria-label={regionLabel} data-testid="kad-grid">
            <KadGrid
              // A different table is a fresh grid: rows of one service must not inherit another's state.
              key={`${table.period}/${table.service.id}`}
              table={table}
              lockedReason={lock}
              invalid={invalid}
              styleNonce={styleNonce}
              actions={actions}
            />
          </section>
          <p className="visually-hidden" role="status" data-testid="kad-announce">
            {announcement}
          </p>
          <KadLegend table={table} runRateDescription={RUN_RATE_DESCRIPTION} />
          <CompareTable table={table} />
          <KadTrendCharts serviceId={table.service.id} period={table.period} reloadKey={reloadKey + saves} />
        </>
      )}
    </section>
  );
}
