import { useState, type FormEvent } from 'react';
import type { QuarterPublishing } from '../../../shared/periods';
import { messageOf, send } from '../api/client';
import { useLoaded } from '../api/useLoaded';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const QUARTERS = [
  ['q1', 'Quarter 1 (April–June)'],
  ['q2', 'Quarter 2 (July–September)'],
  ['q3', 'Quarter 3 (October–December)'],
  ['q4', 'Quarter 4 (January–March): the outturn month'],
] as const;

interface Props {
  lock: string | null;
  reloadKey: number;
  onChanged: (message: string) => void;
}

/** Which month's report publishes each quarter's tables: a workspace setting every quarterly table follows. */
export function QuarterSettings({ lock, reloadKey, onChanged }: Props) {
  const [draft, setDraft] = useState<QuarterPublishing | null>(null);
  const [error, setError] = useState('');

  useLoaded(() => send('periods.quarterPublishing', {}), setDraft, setError, reloadKey);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    try {
      setDraft(await send('periods.setQuarterPublishing', draft));
      setError('');
      onChanged('Saved the months that publish each quarter.');
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section className="settings__section" aria-labelledby="settings-quarters">
      <h2 id="settings-quarters">Quarterly tables</h2>
      <p className="hint">A quarter&rsquo;s tables are published in the first report of the chosen month after the quarter ends, and kept as they stood when that month closes.</p>
      <p className="form-alert banner banner--error" role="alert">
        {error}
      </p>
      {draft ? (
        <form onSubmit={save} className="settings__form">
          {QUARTERS.map(([key, label]) => (
            <div className="field" key={key}>
              <label htmlFor={`quarter-${key}`}>{label} is published in</label>
              <select id={`quarter-${key}`} value={draft[key]} disabled={lock !== null} onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}>
                {MONTHS.map((m, i) => (
                  <option key={m} value={i + 1}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button" disabled={lock !== null}>
            Save quarters
          </button>
        </form>
      ) : null}
    </section>
  );
}
