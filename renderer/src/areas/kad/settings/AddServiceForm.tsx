import { useState, type FormEvent } from 'react';
import { KAD_AREA_ID } from '../../../../../shared/areas/kad/ids';
import type { PeriodInfo } from '../../../../../shared/api/contract';
import type { KadConfig } from '../../../../../shared/areas/kad/config';
import { monthLabel } from '../../../../../shared/periods';
import { messageOf, send } from '../../../api/client';

interface Props {
  period: PeriodInfo;
  config: KadConfig;
  months: readonly PeriodInfo[];
  lock: string | null;
  onChanged: (message: string) => void;
}

const GROUPS = [
  { id: 'accommodation', label: 'Accommodation based' },
  { id: 'community', label: 'Community based' },
] as const;

/** A new service gets an empty line for every type in each month with data from the chosen month on. */
export function AddServiceForm({ period, config, months, lock, onChanged }: Props) {
  const withKad = months.filter((m) => m.areas.includes(KAD_AREA_ID));
  const fallback = period.areas.includes(KAD_AREA_ID) ? period.id : (withKad.at(-1)?.id ?? '');
  const [name, setName] = useState('');
  const [caption, setCaption] = useState('');
  const [from, setFrom] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Follows the selected month until the officer picks one.
  const fromPeriod = withKad.some((m) => m.id === from) ? from : fallback;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Nothing was added. Give the service a name.');
      return;
    }
    if (!fromPeriod) {
      setError('Nothing was added. No month holds Key Activity Data yet.');
      return;
    }
    setBusy(true);
    try {
      await send('kad.addService', { name: name.trim(), ...(caption.trim() ? { caption: caption.trim() } : {}), fromPeriod, typeIds: types });
      setError('');
      setName('');
      setCaption('');
      setTypes([]);
      onChanged(`Added the service ${name.trim()} from ${monthLabel(fromPeriod)}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string) => setTypes((t) => (t.includes(id) ? t.filter((x) => x !== id) : [...t, id]));

  return (
    <section className="settings__section" aria-labelledby="add-service-title">
      <h2 id="add-service-title">Add a service</h2>
      <p className="form-alert" role="alert" data-testid="add-service-alert">
        {error}
      </p>
      <form className="settings__form" onSubmit={(e) => void submit(e)} data-testid="add-service-form">
        <div className="field">
          <label htmlFor="add-service-name">Name</label>
          <input id="add-service-name" className="input" data-testid="add-service-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="add-service-caption">Caption (optional)</label>
          <textarea id="add-service-caption" className="input" rows={2} maxLength={300} value={caption} aria-describedby="add-service-caption-hint" onChange={(e) => setCaption(e.target.value)} />
          <p id="add-service-caption-hint" className="hint">
            The sentence above the table. Left blank, it reads &ldquo;Key activity data at the end of {fromPeriod ? monthLabel(fromPeriod) : 'the month'} for the service is shown
            below:&rdquo;.
          </p>
        </div>
        <div className="field">
          <label htmlFor="add-service-from">From month</label>
          <select id="add-service-from" data-testid="add-service-from" value={fromPeriod} onChange={(e) => setFrom(e.target.value)}>
            {withKad.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        {GROUPS.map((g) => (
          <fieldset key={g.id} className="settings__fieldset">
            <legend>Types in use: {g.label}</legend>
            {config.types
              .filter((t) => t.group === g.id)
              .map((t) => (
                <div key={t.id} className="choice choice--inline">
                  <input type="checkbox" id={`add-service-type-${t.id}`} data-testid={`add-service-type-${t.id}`} checked={types.includes(t.id)} onChange={() => toggle(t.id)} />
                  <label htmlFor={`add-service-type-${t.id}`}>{t.name}</label>
                </div>
              ))}
          </fieldset>
        ))}
        <div className="settings__actions">
          <button type="submit" className="button button--primary" data-testid="add-service-submit" disabled={busy || lock !== null || withKad.length === 0} title={lock ?? undefined}>
            Add service
          </button>
        </div>
      </form>
    </section>
  );
}
