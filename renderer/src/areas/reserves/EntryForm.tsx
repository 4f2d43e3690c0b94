import { useState, type FormEvent } from 'react';
import type { ReservesSchedules } from '../../../../shared/areas/reserves/api';
import { ENTRY_KIND_LABELS, ENTRY_SIGN, type EntryKind } from '../../../../shared/areas/reserves/ledger';
import { financialYearOf, monthLabel, monthsOfFinancialYear } from '../../../../shared/periods';
import { parseAmount } from '../../../../shared/units';
import { ApiError, messageOf, send, trackWrite } from '../../api/client';
import { Field } from './Field';
import { ReserveSelect } from './ReserveSelect';

interface Props {
  data: ReservesSchedules;
  /** The reserve chosen elsewhere on the page (its ledger is open), to start from. */
  reserveId: string;
  lock: string | null;
  onRecorded: (next: ReservesSchedules, message: string) => void;
}

const KINDS: readonly EntryKind[] = ['drawdown', 'contribution', 'transfer_out', 'transfer_in', 'net', 'opening'];
const KIND_WORDS: Record<EntryKind, string> = { ...ENTRY_KIND_LABELS, transfer_out: 'Transfer out to another reserve', net: 'Net movement (either way)', opening: 'Opening balance (a correction)' };

/**
 * Records a movement as a new ledger entry. The amount is typed as it reads (35 for a drawdown of £35k;
 * the kind gives the sign). A movement that takes a reserve below zero is refused with the reason, and
 * can then be confirmed as a deficit with a reason of its own, which the audit trail keeps.
 */
export function EntryForm({ data, reserveId, lock, onRecorded }: Props) {
  const [chosen, setChosen] = useState('');
  const [kind, setKind] = useState<EntryKind>('drawdown');
  const [amount, setAmount] = useState('');
  const [planned, setPlanned] = useState(false);
  const [expected, setExpected] = useState('');
  const [toReserve, setToReserve] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [deficitNeeded, setDeficitNeeded] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reserve = data.reserves.some((r) => r.id === chosen) ? chosen : data.reserves.some((r) => r.id === reserveId) ? reserveId : (data.reserves[0]?.id ?? '');
  const later = monthsOfFinancialYear(financialYearOf(data.period)).filter((m) => m > data.period);
  const expectedMonth = later.includes(expected) ? expected : (later.at(-1) ?? '');
  const canPlan = later.length > 0 && kind !== 'opening';

  const reset = () => {
    setAmount('');
    setReference('');
    setNote('');
    setReason('');
    setDeficitNeeded(false);
    setError('');
  };

  const submit = async (e: FormEvent, deficit: boolean) => {
    e.preventDefault();
    const parsed = parseAmount(amount, { unit: 'gbp_000q' });
    if (!parsed.ok || parsed.value === null) {
      setError(`Nothing was recorded. The amount ${parsed.ok ? 'is blank' : `"${amount}" ${parsed.reason}`}: type it in £'000, for example 35.`);
      return;
    }
    if (deficit && !reason.trim()) {
      setError('Nothing was recorded. Give the reason the reserve goes into deficit.');
      return;
    }
    const sign = ENTRY_SIGN[kind];
    const value = sign === 0 ? parsed.value : sign * Math.abs(parsed.value);
    setBusy(true);
    try {
      const next = await trackWrite(
        send('reserves.addEntry', {
          period: data.period,
          reserveId: reserve,
          kind,
          amount: value,
          planned: planned && canPlan,
          expectedPeriod: planned && canPlan ? expectedMonth : null,
          reference: reference.trim() || null,
          note: note.trim() || null,
          toReserveId: kind === 'transfer_out' ? toReserve || null : null,
          deficit: deficit ? { reason: reason.trim() } : null,
        }),
      );
      const name = data.reserves.find((r) => r.id === reserve)?.name ?? 'the reserve';
      reset();
      onRecorded(next, `Recorded for ${name}${deficit ? ', confirmed as a deficit' : ''}.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'reason_required') {
        setDeficitNeeded(true);
        setError(`Nothing was recorded. ${err.message}`);
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const disabled = !!lock || busy;
  return (
    <section className="reserves-panel" aria-labelledby="entry-title" data-testid="entry-form">
      <h2 id="entry-title">Record a movement in {data.periodLabel}</h2>
      <p className="hint">Each movement is a new line in the reserve&rsquo;s ledger; balances are always worked out from the ledger, never typed.</p>
      <p className="form-alert" role="alert" data-testid="entry-alert">
        {error}
      </p>
      <form className="reserves-form" onSubmit={(e) => void submit(e, false)}>
        <Field id="entry-reserve" label="Reserve">
          <ReserveSelect id="entry-reserve" data={data} value={reserve} disabled={disabled} onChange={setChosen} testId="entry-reserve" />
        </Field>
        <Field id="entry-kind" label="Movement">
          <select id="entry-kind" className="input" value={kind} disabled={disabled} onChange={(e) => setKind(e.target.value as EntryKind)} data-testid="entry-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'transfer_out' ? (
          <Field id="entry-to" label="To reserve">
            <select id="entry-to" className="input" value={toReserve} disabled={disabled} onChange={(e) => setToReserve(e.target.value)}>
              <option value="">Outside the earmarked reserves</option>
              {data.reserves
                .filter((r) => r.id !== reserve)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
            </select>
          </Field>
        ) : null}
        <Field
          id="entry-amount"
          label={<>Amount (£&rsquo;000)</>}
          hint={ENTRY_SIGN[kind] === 0 ? 'Type a drawdown with a minus sign.' : `Type 35 for £35k; a ${KIND_WORDS[kind].toLowerCase()} ${ENTRY_SIGN[kind] < 0 ? 'reduces' : 'adds to'} the reserve.`}
        >
          <input id="entry-amount" className="input input--short" inputMode="decimal" value={amount} disabled={disabled} aria-describedby="entry-amount-hint" onChange={(e) => setAmount(e.target.value)} data-testid="entry-amount" />
        </Field>
        {canPlan ? (
          <div className="field reserves-form__planned">
            <label>
              <input type="checkbox" checked={planned} disabled={disabled} onChange={(e) => setPlanned(e.target.checked)} data-testid="entry-planned" /> Planned, expected in
            </label>
            <label htmlFor="entry-expected" className="visually-hidden">
              Expected month
            </label>
            <select id="entry-expected" className="input" value={expectedMonth} disabled={disabled || !planned} onChange={(e) => setExpected(e.target.value)}>
              {later.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(m)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <Field id="entry-reference" label="Reference">
          <input id="entry-reference" className="input" value={reference} maxLength={200} disabled={disabled} onChange={(e) => setReference(e.target.value)} />
        </Field>
        <Field id="entry-note" label="Note">
          <input id="entry-note" className="input" value={note} maxLength={1000} disabled={disabled} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <button type="submit" className="button button--primary" disabled={disabled} data-testid="entry-submit">
          Record
        </button>
      </form>
      {deficitNeeded ? (
        <form className="reserves-deficit" onSubmit={(e) => void submit(e, true)} data-testid="deficit-form">
          <h3>Confirm as a deficit</h3>
          <Field id="deficit-reason" label="Why the reserve goes into deficit (kept in the audit trail)">
            <textarea id="deficit-reason" className="input" rows={2} maxLength={500} value={reason} disabled={disabled} onChange={(e) => setReason(e.target.value)} data-testid="deficit-reason" />
          </Field>
          <div className="dialog__actions">
            <button type="submit" className="button button--danger" disabled={disabled} data-testid="deficit-confirm">
              Record as a deficit
            </button>
            <button type="button" className="button" disabled={busy} onClick={reset}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
