import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_KAD_SETTINGS, type KadSettings } from '../../../../../shared/areas/kad/checks';
import { AVERAGING_RULES, type AveragingRule } from '../../../../../shared/areas/kad/totals';
import { messageOf, send } from '../../../api/client';
import { parseSetting, type NumberRule } from '../../../settings/numbers';

type NumberKey = 'spendTolerancePct' | 'movementPct' | 'runRateWeeks';

/** Limits as KadSettingsSchema has them (shared/areas/kad/checks.ts); the help text says what each one does. */
const NUMBER_FIELDS: readonly (NumberRule & { key: NumberKey; help: string })[] = [
  {
    key: 'spendTolerancePct',
    label: 'Spend tolerance',
    min: 0,
    max: 1000,
    unit: '%',
    example: '25',
    help: 'A line is listed when its Total spend differs from current packages × current unit cost × the weeks in a year (below) by more than this.',
  },
  {
    key: 'movementPct',
    label: 'Movement threshold',
    min: 0,
    max: 1000,
    unit: '%',
    example: '10',
    help: 'A line is listed when its current packages or current unit cost moved by more than this since last month.',
  },
  {
    key: 'runRateWeeks',
    label: 'Run-rate weeks',
    min: 1,
    max: 53,
    unit: ' weeks',
    example: '52.14',
    help: 'Weeks in a year for the run-rate column (365 ÷ 7 = 52.14).',
  },
];

const RULE_NOTES: Record<AveragingRule, string> = {
  published: 'The default: reproduces the average unit costs of the published FMR tables.',
  package_weighted: 'Every package counts at its own cost, so subtotal averages differ from the published ones where a service has Respite.',
};

type Draft = { averagingRule: AveragingRule } & Record<NumberKey, string>;

function toDraft(s: KadSettings): Draft {
  return { averagingRule: s.averagingRule, spendTolerancePct: String(s.spendTolerancePct), movementPct: String(s.movementPct), runRateWeeks: String(s.runRateWeeks) };
}

interface Props {
  lock: string | null;
  reloadKey: number;
  onChanged: (message: string) => void;
}

/** The documented Key Activity Data settings, each with its default, saved together. */
export function KadSettingsForm({ lock, reloadKey, onChanged }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    send('kad.settings', {}).then(
      (s) => !cancelled && setDraft(toDraft(s)),
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [reloadKey]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const changes: Partial<KadSettings> = { averagingRule: draft.averagingRule };
    const problems: string[] = [];
    for (const f of NUMBER_FIELDS) {
      const parsed = parseSetting(draft[f.key], f);
      if (parsed.ok) changes[f.key] = parsed.value;
      else problems.push(parsed.message);
    }
    if (problems.length) {
      setError(`Nothing was saved. ${problems.join(' ')}`);
      return;
    }
    setSaving(true);
    try {
      const saved = await send('kad.updateSettings', changes);
      setDraft(toDraft(saved));
      setError('');
      onChanged('Key Activity Data settings saved');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="settings__section" aria-labelledby="kad-settings-title">
      <h2 id="kad-settings-title">Key Activity Data settings</h2>
      <p className="form-alert" role="alert" data-testid="kad-settings-alert">
        {error}
      </p>
      {!draft ? (
        <p className="loading">Loading settings…</p>
      ) : (
        <form className="settings__form" onSubmit={(e) => void save(e)} data-testid="kad-settings-form">
          <fieldset className="settings__fieldset">
            <legend>Averaging rule for subtotal and total unit costs</legend>
            {(Object.keys(AVERAGING_RULES) as AveragingRule[]).map((rule) => (
              <div key={rule} className="choice">
                <input
                  type="radio"
                  id={`averaging-${rule}`}
                  name="averagingRule"
                  value={rule}
                  checked={draft.averagingRule === rule}
                  aria-describedby={`averaging-${rule}-note`}
                  onChange={() => setDraft({ ...draft, averagingRule: rule })}
                />
                <label htmlFor={`averaging-${rule}`}>
                  {AVERAGING_RULES[rule]}
                  {rule === DEFAULT_KAD_SETTINGS.averagingRule ? ' (default)' : ''}
                </label>
                <p id={`averaging-${rule}-note`} className="hint">
                  {RULE_NOTES[rule]}
                </p>
              </div>
            ))}
          </fieldset>
          {NUMBER_FIELDS.map((f) => (
            <div key={f.key} className="field settings__number">
              <label htmlFor={`setting-${f.key}`}>
                {f.unit === '%' ? `${f.label} (%)` : f.label}
              </label>
              <input
                id={`setting-${f.key}`}
                type="text"
                inputMode="decimal"
                className="input input--short"
                data-testid={`setting-${f.key}`}
                value={draft[f.key]}
                aria-describedby={`setting-${f.key}-help`}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
              <p id={`setting-${f.key}-help`} className="hint">
                {f.help} Default: {DEFAULT_KAD_SETTINGS[f.key].toLocaleString('en-GB')}
                {f.unit}.
              </p>
            </div>
          ))}
          <div className="settings__actions">
            <button type="submit" className="button button--primary" data-testid="kad-settings-save" disabled={saving || lock !== null} title={lock ?? undefined}>
              Save settings
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
