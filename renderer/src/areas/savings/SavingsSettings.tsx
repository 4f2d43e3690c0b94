import { useState, type FormEvent } from 'react';
import { DEFAULT_RAG_SETTINGS, type RagSettings } from '../../../../shared/areas/savings/rag';
import { messageOf, send } from '../../api/client';
import { useLoaded } from '../../api/useLoaded';
import { parseSetting, type NumberRule } from '../../settings/numbers';
import type { AreaSettingsProps } from '../types';

type Key = keyof RagSettings;

const FIELDS: readonly (NumberRule & { key: Key; help: string })[] = [
  { key: 'bandUpperK', label: 'Largest band starts above', min: 0, max: 1e9, unit: ' £000', example: '500', help: 'An original saving above this (in £000) is in the "Over £500k" band; this amount itself is in the middle band.' },
  { key: 'bandLowerK', label: 'Smallest band starts below', min: 0, max: 1e9, unit: ' £000', example: '100', help: 'An original saving below this (in £000) is in the "Below £100k" band; this amount itself is in the middle band.' },
  { key: 'largeAmberFromPct', label: 'Largest band: Amber from', min: 0, max: 10000, unit: '%', example: '14', help: 'A % variance from this up is Amber (below it Green).' },
  { key: 'largeRedAbovePct', label: 'Largest band: Red above', min: 0, max: 10000, unit: '%', example: '19', help: 'A % variance above this is Red; this % itself is Amber.' },
  { key: 'otherAmberAbovePct', label: 'Other bands: Amber above', min: 0, max: 10000, unit: '%', example: '19', help: 'A % variance above this is Amber; this % itself is Green. These bands have no Red.' },
];

/** The boundaries of the Key to RAG Ratings, which the published key leaves open; defaults documented beside each. */
export function SavingsSettings({ lock, reloadKey, onChanged }: AreaSettingsProps) {
  const [draft, setDraft] = useState<Record<Key, string> | null>(null);
  const [error, setError] = useState('');

  useLoaded(() => send('savings.settings', {}), (s) => setDraft(Object.fromEntries(FIELDS.map((f) => [f.key, String(s.rag[f.key])])) as Record<Key, string>), setError, reloadKey);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const rag: Partial<RagSettings> = {};
    const problems: string[] = [];
    for (const f of FIELDS) {
      const parsed = parseSetting(draft[f.key], f);
      if (parsed.ok) rag[f.key] = parsed.value;
      else problems.push(parsed.message);
    }
    if (problems.length) return setError(problems.join(' '));
    try {
      await send('savings.updateSettings', { rag });
      setError('');
      onChanged('Saved the RAG boundaries.');
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section className="settings__section" aria-labelledby="savings-settings-title">
      <h2 id="savings-settings-title">Savings RAG boundaries</h2>
      <p className="form-alert banner banner--error" role="alert">
        {error}
      </p>
      {draft ? (
        <form onSubmit={save} className="settings__form">
          {FIELDS.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`savings-setting-${f.key}`}>
                {f.label} ({f.unit.trim()}, default {DEFAULT_RAG_SETTINGS[f.key]})
              </label>
              <input id={`savings-setting-${f.key}`} className="input input--short" value={draft[f.key]} disabled={lock !== null} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} aria-describedby={`savings-setting-${f.key}-help`} />
              <p className="hint" id={`savings-setting-${f.key}-help`}>
                {f.help}
              </p>
            </div>
          ))}
          <div className="settings__actions">
            <button type="submit" className="button" disabled={lock !== null}>
              Save RAG boundaries
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
