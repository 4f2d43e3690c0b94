import { useState, type FormEvent } from 'react';
import type { ReservesSchedules } from '../../../../shared/areas/reserves/api';
import { parseAmount } from '../../../../shared/units';
import { messageOf, send, trackWrite } from '../../api/client';
import { Field } from './Field';

interface Props {
  data: ReservesSchedules;
  lock: string | null;
  onAdded: (next: ReservesSchedules, message: string) => void;
}

/** A new earmarked reserve: its place in the register and, in its first year, the opening balance entered. */
export function AddReserveForm({ data, lock, onAdded }: Props) {
  const [directorate, setDirectorate] = useState('');
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [opening, setOpening] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const dir = data.directorates.some((d) => d.id === directorate) ? directorate : (data.directorates[0]?.id ?? '');
  const categories = [...new Set(data.reserves.filter((r) => r.directorateId === dir && r.category).map((r) => r.category!))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseAmount(opening || '0', { unit: 'gbp_000q' });
    if (!name.trim()) return setError('Nothing was added. Give the reserve a name.');
    if (!parsed.ok) return setError(`Nothing was added. The opening balance "${opening}" ${parsed.reason}.`);
    setBusy(true);
    try {
      const next = await trackWrite(send('reserves.addReserve', { period: data.period, directorateId: dir, name: name.trim(), category: category.trim() || null, description: description.trim() || null, opening: parsed.value ?? 0 }));
      setError('');
      setName('');
      setDescription('');
      setOpening('');
      onAdded(next, `Added the reserve ${name.trim()}.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const disabled = !!lock || busy;
  return (
    <section className="reserves-panel" aria-labelledby="add-reserve-title">
      <h2 id="add-reserve-title">Add a reserve</h2>
      <p className="form-alert" role="alert">
        {error}
      </p>
      <form className="reserves-form" onSubmit={(e) => void submit(e)}>
        <Field id="add-reserve-directorate" label={<>Directorate</>}>
          <select id="add-reserve-directorate" className="input" value={dir} disabled={disabled} onChange={(e) => setDirectorate(e.target.value)}>
            {data.directorates.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="add-reserve-name" label={<>Budget heading</>}>
          <input id="add-reserve-name" className="input" value={name} maxLength={200} disabled={disabled} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id="add-reserve-category" label={<>Category heading (optional)</>}>
          <input id="add-reserve-category" className="input" list="add-reserve-categories" value={category} maxLength={200} disabled={disabled} onChange={(e) => setCategory(e.target.value)} />
          <datalist id="add-reserve-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
        <Field id="add-reserve-description" label={<>Reserve description</>}>
          <input id="add-reserve-description" className="input" value={description} maxLength={1000} disabled={disabled} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field id="add-reserve-opening" label={<>Opening balance {data.fyLabel} (£&rsquo;000)</>}>
          <input id="add-reserve-opening" className="input input--short" inputMode="decimal" value={opening} disabled={disabled} onChange={(e) => setOpening(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={disabled}>
          Add the reserve
        </button>
      </form>
    </section>
  );
}
