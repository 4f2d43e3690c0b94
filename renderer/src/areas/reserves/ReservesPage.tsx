import { useCallback, useState } from 'react';
import type { ReservesGrants, ReservesSchedules, ReservesVirements } from '../../../../shared/areas/reserves/api';
import { RESERVES_AREA_ID, RESERVES_AREA_NAME, RESERVES_TABLES, type ReservesTable } from '../../../../shared/areas/reserves/ids';
import { send } from '../../api/client';
import type { AreaPageProps } from '../types';
import { GrantsView } from './GrantsView';
import { SchedulesView } from './SchedulesView';
import { TablePicker } from './TablePicker';
import { useLoad } from './useLoad';
import { VirementsView } from './VirementsView';

type Data = { table: 'reserves'; value: ReservesSchedules } | { table: 'grants'; value: ReservesGrants } | { table: 'virements'; value: ReservesVirements };

function load(table: ReservesTable, period: string): Promise<Data> {
  if (table === 'grants') return send('reserves.grants', { period }).then((value) => ({ table, value }));
  if (table === 'virements') return send('reserves.virements', { period }).then((value) => ({ table, value }));
  return send('reserves.schedules', { period }).then((value) => ({ table, value }));
}

/** Appendix 5 for the toolbar's month: one of its three tables (kept in the address), each per directorate. */
export function ReservesPage(props: AreaPageProps) {
  const { period, params, onParamsChange, reloadKey, workspaceLock, onSaved, onRefused, invalid, styleNonce } = props;
  const held = period.areas.includes(RESERVES_AREA_ID);
  const table: ReservesTable = (RESERVES_TABLES as readonly string[]).includes(params.table ?? '') ? (params.table as ReservesTable) : 'reserves';
  const [saves, setSaves] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const shown = useLoad<Data | null>(() => (held ? load(table, period.id) : Promise.resolve(null)), [period.id, held, table, reloadKey]);
  const changed = useCallback(
    (next: Data, message: string) => {
      shown.set(next);
      setSaves((n) => n + 1);
      setAnnouncement(message);
      onSaved();
    },
    [shown, onSaved],
  );
  const data = shown.value?.table === table ? shown.value : null;
  const lock = data?.value.lockedReason ?? workspaceLock;
  return (
    <section className="page reserves" aria-labelledby="page-title">
      <h1 id="page-title">{RESERVES_AREA_NAME}</h1>
      <TablePicker value={table} onChange={(t) => onParamsChange({ table: t })} />
      {!held ? (
        <p className="empty" data-testid="reserves-empty">
          No {RESERVES_AREA_NAME.toLowerCase()} for {period.label} yet.
        </p>
      ) : shown.error ? (
        <p className="banner banner--error">{shown.error}</p>
      ) : !data ? (
        <p className="loading">Loading…</p>
      ) : (
        <>
          {lock ? (
            <p className="banner banner--readonly" data-testid="reserves-locked">
              <strong>Not editable.</strong> {lock}
            </p>
          ) : null}
          {data.table === 'reserves' ? (
            <SchedulesView
              data={data.value}
              lock={lock}
              reserveId={params.reserve ?? ''}
              onReserve={(id) => onParamsChange({ reserve: id })}
              onChange={(value, message) => changed({ table: 'reserves', value }, message)}
              styleNonce={styleNonce}
              onSaved={onSaved}
              onRefused={onRefused}
              reloadKey={reloadKey + saves}
            />
          ) : data.table === 'grants' ? (
            <GrantsView data={data.value} lock={lock} styleNonce={styleNonce} invalid={invalid} onChange={(value, message) => changed({ table: 'grants', value }, message)} onRefused={onRefused} />
          ) : (
            <VirementsView data={data.value} lock={lock} styleNonce={styleNonce} invalid={invalid} onChange={(value, message) => changed({ table: 'virements', value }, message)} onRefused={onRefused} />
          )}
          <p className="visually-hidden" role="status" data-testid="reserves-announce">
            {announcement}
          </p>
        </>
      )}
    </section>
  );
}
