import { useCallback, useEffect, useRef, useState } from 'react';
import type { KadServiceInfo, KadTable, PeriodInfo } from '../../../shared/api/contract';
import { fieldDef } from '../../../shared/kad/model';
import { parseAmount } from '../../../shared/money';
import { messageOf, send } from '../api/client';
import type { InvalidCell } from './columns';
import { KadGrid, type CellEdit } from './KadGrid';
import { ServicePicker } from './ServicePicker';
import { withCellValue } from './rows';

interface Props {
  period: PeriodInfo;
  services: readonly KadServiceInfo[];
  serviceId: string;
  onServiceChange: (serviceId: string) => void;
  /** Bumped by the shell when the table must be fetched again (undo, redo, demo reset). */
  reloadKey: number;
  workspaceLock: string | null;
  invalid: InvalidCell | null;
  styleNonce: string | undefined;
  onSaved: () => void;
  onRefused: (message: string, cell: InvalidCell) => void;
}

/** The published caption names August; a rolled-forward month must not claim to be August. */
function captionFor(table: KadTable): string {
  return table.service.caption.replace(/at the end of [A-Z][a-z]+ \d{4}/, `at the end of ${table.periodLabel}`);
}

export function KadPage({ period, services, serviceId, onServiceChange, reloadKey, workspaceLock, invalid, styleNonce, onSaved, onRefused }: Props) {
  const [table, setTable] = useState<KadTable | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fetchKey, setFetchKey] = useState(0);
  // Edits go to the server one at a time, so the last table to come back is the newest.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (!period.hasKad || !serviceId) {
      setTable(null);
      return;
    }
    let cancelled = false;
    send('kad.table', { period: period.id, serviceId }).then(
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
  }, [period.id, period.hasKad, serviceId, reloadKey, fetchKey]);

  const onEdit = useCallback(
    ({ row, field, text }: CellEdit) => {
      if (!table) return;
      const def = fieldDef(field);
      const cell = { rowKey: row.key, colId: field };
      const parsed = parseAmount(text, { unit: def.unit });
      if (!parsed.ok) {
        onRefused(`${row.label} · ${def.header}: "${text.trim()}" ${parsed.reason}. Nothing was saved.`, cell);
        return;
      }
      const value = parsed.value;
      if (value === row[field]) return;
      const ref = { period: table.period, serviceId: table.service.id };
      setTable((t) => (t && t.period === ref.period && t.service.id === ref.serviceId ? withCellValue(t, row.key, field, value) : t));
      queue.current = queue.current.then(async () => {
        try {
          const next = await send('kad.setCell', { ...ref, lineKey: row.key, field, value });
          setTable((t) => (t && t.period === next.period && t.service.id === next.service.id ? next : t));
          onSaved();
        } catch (err) {
          onRefused(messageOf(err), cell);
          setFetchKey((k) => k + 1); // drop the optimistic value
        }
      });
    },
    [table, onSaved, onRefused],
  );

  const service = services.find((s) => s.id === serviceId);
  const lock = table?.lockedReason ?? workspaceLock;
  const regionLabel = `Key Activity Data for ${service?.name ?? 'the selected service'}`;

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Key Activity Data</h1>
      <ServicePicker services={services} value={serviceId} onChange={onServiceChange} />
      {!period.hasKad ? (
        <p className="empty" data-testid="kad-empty">
          No Key Activity Data for {period.label} yet.
        </p>
      ) : loadError ? (
        <p className="banner banner--error">{loadError}</p>
      ) : !table ? (
        <p className="loading">Loading {service?.name ?? 'Key Activity Data'}…</p>
      ) : (
        <>
          <h2 className="kad-caption" data-testid="kad-caption">
            {captionFor(table)}
          </h2>
          {lock ? (
            <p className="banner banner--readonly" data-testid="kad-locked">
              <strong>Not editable.</strong> {lock}
            </p>
          ) : null}
          <section className="grid-region" aria-label={regionLabel} data-testid="kad-grid">
            <KadGrid
              // A different table is a fresh grid: rows of one service must not inherit another's state.
              key={`${table.period}/${table.service.id}`}
              table={table}
              locked={lock !== null}
              invalid={invalid}
              styleNonce={styleNonce}
              onEdit={onEdit}
            />
          </section>
          <p className="legend">
            <span className="kad-dot kad-dot--reported" aria-hidden="true">
              ↑ ↓ ↔
            </span>{' '}
            Arrows in grey are as reported in the published FMR; Outturn computes arrows once the previous month is held. Lines in grey are care types this service does not use.
            Subtotals and totals are calculated by Outturn from the lines above them.
          </p>
        </>
      )}
    </section>
  );
}
