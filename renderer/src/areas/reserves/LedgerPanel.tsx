import type { ReservesSchedules } from '../../../../shared/areas/reserves/api';
import { ENTRY_KIND_LABELS } from '../../../../shared/areas/reserves/ledger';
import { monthLabel } from '../../../../shared/periods';
import { formatValue } from '../../../../shared/units';
import { send } from '../../api/client';
import { Field } from './Field';
import { HistoryChart } from './HistoryChart';
import { ReserveSelect } from './ReserveSelect';
import { useLoad } from './useLoad';

interface Props {
  data: ReservesSchedules;
  reserveId: string;
  onChoose: (reserveId: string) => void;
  reloadKey: number;
}

/** One reserve's ledger as at the month: every entry, as recorded, and what it adds up to. */
export function LedgerPanel({ data, reserveId, onChoose, reloadKey }: Props) {
  const id = data.reserves.some((r) => r.id === reserveId) ? reserveId : (data.reserves[0]?.id ?? '');
  const { value: ledger, error } = useLoad(() => send('reserves.ledger', { period: data.period, reserveId: id }), [data, id, reloadKey]);
  return (
    <section className="reserves-panel" aria-labelledby="ledger-title" data-testid="ledger-panel">
      <h2 id="ledger-title">Ledger of a reserve</h2>
      <Field id="ledger-reserve" label="Reserve">
        <ReserveSelect id="ledger-reserve" data={data} value={id} onChange={onChoose} testId="ledger-reserve" />
      </Field>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {ledger ? <HistoryChart history={ledger.history} /> : null}
      {ledger ? (
        <table className="reserves-ledger" data-testid="ledger-entries">
          <caption className="visually-hidden">Entries of {ledger.reserve.name} to {data.periodLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Recorded in</th>
              <th scope="col">Entry</th>
              <th scope="col">£&rsquo;000</th>
              <th scope="col">Reference</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {ledger.entries.map((e) => (
              <tr key={e.id}>
                <td>{monthLabel(e.period)}</td>
                <td>
                  {e.planned ? `Planned ${ENTRY_KIND_LABELS[e.kind].toLowerCase()}, expected ${monthLabel(e.expectedPeriod!)}` : ENTRY_KIND_LABELS[e.kind]}
                  {e.deficitReason ? <span className="reserves-ledger__deficit"> — deficit confirmed: {e.deficitReason}</span> : null}
                </td>
                <td className="reserves-ledger__amount">{formatValue(e.amount, 'gbp_000q')}</td>
                <td>{e.reference ?? ''}</td>
                <td>{e.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
