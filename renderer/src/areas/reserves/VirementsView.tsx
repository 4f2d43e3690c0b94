import { useCallback, useState, type FormEvent } from 'react';
import type { ReservesVirements } from '../../../../shared/areas/reserves/api';
import { financialYearOf, monthLabel, monthsOfFinancialYear } from '../../../../shared/periods';
import { formatValue, parseAmount } from '../../../../shared/units';
import { messageOf, send, trackWrite } from '../../api/client';
import type { CellChange, CellRef } from '../../grid/types';
import { EditableTable } from './EditableTable';
import { Field } from './Field';
import { ReportedNote } from './GrantsView';
import { VIREMENT_COLUMNS, virementBands, virementBody, virementFoot } from './virements-grid';

interface Props {
  data: ReservesVirements;
  lock: string | null;
  styleNonce: string | undefined;
  invalid: CellRef | null;
  onChange: (next: ReservesVirements, message: string) => void;
  onRefused: (message: string, cell: CellRef) => void;
}

/** 5.2: each directorate's Business Plan budget, its virements and the budget now, reconciled with the revenue lines. */
export function VirementsView({ data, lock, styleNonce, invalid, onChange, onRefused }: Props) {
  const save = useCallback(
    async (directorateId: string, cells: CellChange[]) => {
      try {
        const next = await trackWrite(send('reserves.setVirementAmounts', { period: data.period, directorateId, cells: cells.map((c) => ({ rowKey: c.rowKey, value: c.value })) }));
        onChange(next, 'Saved.');
      } catch (err) {
        onRefused(messageOf(err), cells[0]!);
      }
    },
    [data.period, onChange, onRefused],
  );
  return (
    <>
      {data.tables.map((t) => (
        <section key={t.directorate.id} className="reserves-table" aria-labelledby={`virements-${t.directorate.id}`} data-testid="virements-table" data-directorate={t.directorate.id}>
          <h2 id={`virements-${t.directorate.id}`}>{t.title}</h2>
          <EditableTable
            label={t.title}
            columns={VIREMENT_COLUMNS}
            bands={virementBands(t)}
            body={virementBody(t)}
            foot={virementFoot(t)}
            lock={lock}
            invalid={invalid}
            styleNonce={styleNonce}
            onCells={(cells) => void save(t.directorate.id, cells)}
            onRefused={onRefused}
          />
          <ReportedNote label={t.budgetLabel} reported={t.reportedBudget} computed={t.computed} />
          <p className={`reserves-status reserves-status--${t.status}`} role="status" data-testid="virements-reconciliation" data-status={t.status}>
            {t.message}
          </p>
        </section>
      ))}
      <VirementForms data={data} lock={lock} onChange={onChange} />
    </>
  );
}

function VirementForms({ data, lock, onChange }: Pick<Props, 'data' | 'lock' | 'onChange'>) {
  const months = monthsOfFinancialYear(financialYearOf(data.period)).filter((m) => m <= data.period);
  const [directorate, setDirectorate] = useState('');
  const [line, setLine] = useState('');
  const [month, setMonth] = useState('');
  const [amount, setAmount] = useState('');
  const [notes, setNotes] = useState('');
  const [remove, setRemove] = useState('');
  const [error, setError] = useState('');
  const dir = data.tables.some((t) => t.directorate.id === directorate) ? directorate : (data.tables[0]?.directorate.id ?? '');
  const effective = months.includes(month) ? month : data.period;
  const lines = data.tables.find((t) => t.directorate.id === dir)?.lines ?? [];
  const removing = lines.some((v) => String(v.seq) === remove) ? Number(remove) : lines[0]?.seq;
  const run = async (e: FormEvent, what: () => Promise<ReservesVirements>, message: string) => {
    e.preventDefault();
    try {
      onChange(await trackWrite(what()), message);
      setError('');
      setLine('');
      setAmount('');
      setNotes('');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const add = (e: FormEvent) => {
    const parsed = parseAmount(amount, { unit: 'gbp_000q' });
    if (!parsed.ok || parsed.value === null) {
      e.preventDefault();
      return setError(`Nothing was added. ${parsed.ok ? 'Give the amount' : `The amount "${amount}" ${parsed.reason}`}: type it in £'000, a movement out of the directorate with a minus sign.`);
    }
    void run(e, () => send('reserves.addVirement', { period: data.period, directorateId: dir, budgetLine: line.trim(), effectivePeriod: effective, amount: parsed.value!, notes: notes.trim() || null }), 'Added the virement.');
  };
  const disabled = !!lock;
  return (
    <section className="reserves-panel" aria-labelledby="virement-forms-title">
      <h2 id="virement-forms-title">Record or remove a virement</h2>
      <p className="hint">A virement is recorded here and reconciled with the revenue lines; it never changes a revenue budget line by itself.</p>
      <p className="form-alert" role="alert">
        {error}
      </p>
      <Field id="virement-directorate" label="Directorate">
        <select id="virement-directorate" className="input" value={dir} disabled={disabled} onChange={(e) => setDirectorate(e.target.value)}>
          {data.tables.map((t) => (
            <option key={t.directorate.id} value={t.directorate.id}>
              {t.directorate.name}
            </option>
          ))}
        </select>
      </Field>
      <form className="reserves-form" onSubmit={add}>
        <Field id="virement-line" label={<>Budget line (or &ldquo;Various policy lines&rdquo;)</>}>
          <input id="virement-line" className="input" list="virement-lines" value={line} maxLength={200} disabled={disabled} onChange={(e) => setLine(e.target.value)} />
          <datalist id="virement-lines">
            {[...new Set(['Various policy lines', ...lines.map((v) => v.budgetLine)])].map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </Field>
        <Field id="virement-month" label="Effective period">
          <select id="virement-month" className="input" value={effective} disabled={disabled} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="virement-amount" label={<>Amount (£&rsquo;000)</>}>
          <input id="virement-amount" className="input input--short" inputMode="decimal" value={amount} disabled={disabled} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field id="virement-notes" label="Notes">
          <input id="virement-notes" className="input" value={notes} maxLength={1000} disabled={disabled} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={disabled}>
          Add the virement
        </button>
      </form>
      {lines.length && removing !== undefined ? (
        <form className="reserves-form reserves-form--remove" onSubmit={(e) => void run(e, () => send('reserves.removeVirement', { period: data.period, directorateId: dir, seq: removing }), 'Removed the virement.')}>
          <Field id="virement-remove" label="Virement to remove">
            <select id="virement-remove" className="input" value={String(removing)} disabled={disabled} onChange={(e) => setRemove(e.target.value)} data-testid="virement-remove">
              {lines.map((v) => (
                <option key={v.seq} value={String(v.seq)}>
                  {`${v.budgetLine}, ${monthLabel(v.effectivePeriod)}, ${formatValue(v.amount, "gbp_000q")}`}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button button--danger" disabled={disabled} data-testid="virement-remove-submit">
            Remove the virement
          </button>
        </form>
      ) : null}
    </section>
  );
}
