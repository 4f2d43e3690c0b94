import { useCallback, useState } from 'react';
import type { ReservesSchedules } from '../../../../shared/areas/reserves/api';
import { RESERVES_AREA_ID, RESERVES_AREA_NAME } from '../../../../shared/areas/reserves/ids';
import { send } from '../../api/client';
import type { AreaPageProps } from '../types';
import { SchedulesView } from './SchedulesView';
import { useLoad } from './useLoad';

/** Appendix 5 for the toolbar's month: the earmarked reserve schedules and their ledger. */
export function ReservesPage(props: AreaPageProps) {
  const { period, params, onParamsChange, reloadKey, workspaceLock, onSaved } = props;
  const held = period.areas.includes(RESERVES_AREA_ID);
  const [saves, setSaves] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const schedules = useLoad(() => (held ? send('reserves.schedules', { period: period.id }) : Promise.resolve(null)), [period.id, held, reloadKey]);
  const changed = useCallback(
    (next: ReservesSchedules, message: string) => {
      schedules.set(next);
      setSaves((n) => n + 1);
      setAnnouncement(message);
      onSaved();
    },
    [schedules, onSaved],
  );
  const data = schedules.value;
  const lock = data?.lockedReason ?? workspaceLock;
  return (
    <section className="page reserves" aria-labelledby="page-title">
      <h1 id="page-title">{RESERVES_AREA_NAME}</h1>
      {!held ? (
        <p className="empty" data-testid="reserves-empty">
          No {RESERVES_AREA_NAME.toLowerCase()} for {period.label} yet.
        </p>
      ) : schedules.error ? (
        <p className="banner banner--error">{schedules.error}</p>
      ) : !data ? (
        <p className="loading">Loading the earmarked reserves…</p>
      ) : (
        <>
          {lock ? (
            <p className="banner banner--readonly" data-testid="reserves-locked">
              <strong>Not editable.</strong> {lock}
            </p>
          ) : null}
          <SchedulesView
            data={data}
            lock={lock}
            reserveId={params.reserve ?? ''}
            onReserve={(id) => onParamsChange({ reserve: id })}
            onChange={changed}
            styleNonce={props.styleNonce}
            onSaved={onSaved}
            onRefused={props.onRefused}
            reloadKey={reloadKey + saves}
          />
          <p className="visually-hidden" role="status" data-testid="reserves-announce">
            {announcement}
          </p>
        </>
      )}
    </section>
  );
}
