import { useCallback, useState, type FormEvent } from 'react';
import type { ReservesGrants } from '../../../../shared/areas/reserves/api';
import { formatValue, parseAmount } from '../../../../shared/units';
import { messageOf, send, trackWrite } from '../../api/client';
import type { CellChange, CellRef } from '../../grid/types';
import { EditableTable } from './EditableTable';
import { Field } from './Field';
import { GRANT_COLUMNS, grantBands, grantBody, grantFoot } from './grants-grid';

interface Props {
  data: ReservesGrants;
  lock: string | null;
  styleNonce: string | undefined;
  invalid: CellRef | null;
  onChange: (next: ReservesGrants, message: string) => void;
  onRefused: (message: string, cell: CellRef) => void;
}

/** The published total beside Outturn's own, where they differ. */
export function ReportedNote({ label, reported, computed }: { label: string; reported: number | null; computed: number | null }) {
  if (reported === null || reported === computed) return null;
  return (
    <p className="hint" data-testid="reported-note">
      {label} as published: {formatValue(reported, 'gbp_000q')}. Outturn adds the lines to {formatValue(computed, 'gbp_000q') || 'nothing'}; Checks lists a difference larger than rounding.
    </p>
  );
}

/** 5.1: each directorate's grants not built into base budgets, amounts typed in the grid, grants added or removed below. */
export function GrantsView({ data, lock, styleNonce, invalid, onChange, onRefused }: Props) {
  const save = useCallback(
    async (directorateId: string, cells: CellChange[]) => {
      try {
        const next = await trackWrite(send('reserves.setGrantAmounts', { period: data.period, directorateId, cells: cells.map((c) => ({ key: c.rowKey, value: c.value })) }));
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
        <section key={t.directorate.id} className="reserves-table" aria-labelledby={`grants-${t.directorate.id}`} data-testid="grants-table" data-directorate={t.directorate.id}>
          <h2 id={`grants-${t.directorate.id}`}>{t.title}</h2>
          <EditableTable
            label={t.title}
            columns={GRANT_COLUMNS}
            bands={grantBands(t)}
            body={grantBody(t)}
            foot={grantFoot(t)}
            lock={lock}
            invalid={invalid}
            styleNonce={styleNonce}
            onCells={(cells) => void save(t.directorate.id, cells)}
            onRefused={onRefused}
          />
          <ReportedNote label={t.totalLabel} reported={t.reportedTotal} computed={t.total} />
        </section>
      ))}
      <GrantForms data={data} lock={lock} onChange={onChange} />
    </>
  );
}

function GrantForms({ data, lock, onChange }: Pick<Props, 'data' | 'lock' | 'onChange'>) {
  const [directorate, setDirectorate] = useState('');
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [amount, setAmount] = useState('');
  const [remove, setRemove] = useState('');
  const [error, setError] = useState('');
  const dir = data.tables.some((t) => t.directorate.id === directorate) ? directorate : (data.tables[0]?.directorate.id ?? '');
  const lines = data.tables.find((t) => t.directorate.id === dir)?.lines ?? [];
  const removing = lines.some((g) => g.key === remove) ? remove : (lines[0]?.key ?? '');
  const run = async (e: FormEvent, what: () => Promise<ReservesGrants>, message: string) => {
    e.preventDefault();
    try {
      onChange(await trackWrite(what()), message);
      setError('');
      setName('');
      setBody('');
      setAmount('');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const add = (e: FormEvent) => {
    const parsed = parseAmount(amount, { unit: 'gbp_000q' });
    if (!parsed.ok) {
      e.preventDefault();
      return setError(`Nothing was added. The amount "${amount}" ${parsed.reason}.`);
    }
    void run(e, () => send('reserves.addGrant', { period: data.period, directorateId: dir, name: name.trim(), awardingBody: body.trim() || null, amount: parsed.value }), `Added the grant ${name.trim()}.`);
  };
  const disabled = !!lock;
  return (
    <section className="reserves-panel" aria-labelledby="grant-forms-title">
      <h2 id="grant-forms-title">Add or remove a grant</h2>
      <p className="form-alert" role="alert">
        {error}
      </p>
      <Field id="grant-directorate" label="Directorate">
        <select id="grant-directorate" className="input" value={dir} disabled={disabled} onChange={(e) => setDirectorate(e.target.value)}>
          {data.tables.map((t) => (
            <option key={t.directorate.id} value={t.directorate.id}>
              {t.directorate.name}
            </option>
          ))}
        </select>
      </Field>
      <form className="reserves-form" onSubmit={add}>
        <Field id="grant-name" label="Grant">
          <input id="grant-name" className="input" value={name} maxLength={200} disabled={disabled} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id="grant-body" label="Awarding body">
          <input id="grant-body" className="input" value={body} maxLength={200} disabled={disabled} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <Field id="grant-amount" label={<>Amount (£&rsquo;000)</>}>
          <input id="grant-amount" className="input input--short" inputMode="decimal" value={amount} disabled={disabled} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={disabled}>
          Add the grant
        </button>
      </form>
      {lines.length ? (
        <form className="reserves-form reserves-form--remove" onSubmit={(e) => void run(e, () => send('reserves.removeGrant', { period: data.period, directorateId: dir, key: removing }), 'Removed the grant.')}>
          <Field id="grant-remove" label="Grant to remove">
            <select id="grant-remove" className="input" value={removing} disabled={disabled} onChange={(e) => setRemove(e.target.value)}>
              {lines.map((g) => (
                <option key={g.key} value={g.key}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button button--danger" disabled={disabled}>
            Remove the grant
          </button>
        </form>
      ) : null}
    </section>
  );
}
