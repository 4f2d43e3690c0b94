import { useEffect, useState, type FormEvent } from 'react';
import { defaultReportTitle, PACK_SETTING_KEYS, type PackSettings, type PeriodSettingKey } from '../../../shared/pack/settings';
import { messageOf, send } from '../api/client';
import { checkDraft, FIELD_LABELS, toDraft, type Draft, type PackSettingKey } from './settingsDraft';

interface Props {
  /** The toolbar's month (YYYY-MM): the report title's default names it. */
  period: string;
  lock: string | null;
  reloadKey: number;
  onChanged: (message: string) => void;
}

const HINTS: Record<PackSettingKey, (period: string) => string> = {
  councilName: () => 'Shown on the cover and written as the workbook’s author.',
  committee: () => 'Shown on the cover and in every page header, for example Adults and Health Committee.',
  reportTitle: (period) => `Leave blank to use “${defaultReportTitle(period)}”.`,
  meetingDate: () => 'The date of the committee meeting, shown on the cover. Leave blank if it is not set yet.',
  author: () => 'Optional: the officer who prepared the pack, shown on the cover only (never in the file’s properties).',
};

/**
 * Who publishes the pack, for which committee and meeting. The council and committee are the
 * workspace's; the meeting date, title and author are the month's, and after a roll forward they are
 * marked as carried from last month until saved (which confirms them).
 */
export function PackSettingsForm({ period, lock, reloadKey, onChanged }: Props) {
  const [saved, setSaved] = useState<PackSettings | null>(null);
  const [carried, setCarried] = useState<PeriodSettingKey[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<PackSettingKey, string>>>({});
  const [alert, setAlert] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    send('pack.settings', { period }).then(
      (s) => {
        if (cancelled) return;
        setSaved(s.settings);
        setCarried(s.carried);
        setDraft(toDraft(s.settings));
      },
      (err: unknown) => !cancelled && setAlert(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [reloadKey, period]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || !saved) return;
    const checked = checkDraft(draft, saved);
    if (!checked.ok) {
      setErrors(checked.errors);
      setAlert(`Nothing was saved. ${Object.values(checked.errors).join(' ')}`);
      return;
    }
    setErrors({});
    // Saving confirms what was carried forward, unchanged or not.
    const changes: Partial<PackSettings> = { ...checked.changes };
    for (const key of carried) changes[key] ??= saved[key];
    if (Object.keys(changes).length === 0) {
      setAlert('');
      onChanged('The pack settings were already saved: nothing changed');
      return;
    }
    setSaving(true);
    try {
      const next = await send('pack.updateSettings', { ...changes, period });
      setSaved(next.settings);
      setCarried(next.carried);
      setDraft(toDraft(next.settings));
      setAlert('');
      onChanged('Committee pack settings saved');
    } catch (err) {
      setAlert(messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="settings__section" aria-labelledby="pack-settings-title">
      <h2 id="pack-settings-title">Pack settings</h2>
      <p className="form-alert" role="alert" data-testid="pack-settings-alert">
        {alert}
      </p>
      {!draft ? (
        <p className="loading">Loading the pack settings…</p>
      ) : (
        <form className="settings__form" onSubmit={(e) => void save(e)} data-testid="pack-settings-form" noValidate>
          {PACK_SETTING_KEYS.map((key) => {
            const id = `pack-${key}`;
            const error = errors[key];
            return (
              <div key={key} className="field pack-field">
                <label htmlFor={id}>
                  {FIELD_LABELS[key]}
                  {key === 'councilName' ? ' (required)' : ''}
                </label>
                <input
                  id={id}
                  type={key === 'meetingDate' ? 'date' : 'text'}
                  className="input pack-field__input"
                  data-testid={id}
                  value={draft[key]}
                  required={key === 'councilName'}
                  readOnly={!!lock}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                  onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                />
                <p id={`${id}-hint`} className="hint">
                  {HINTS[key](period)}
                  {carried.includes(key as PeriodSettingKey) ? (
                    <strong className="pack-field__carried" data-testid={`${id}-carried`}>
                      {' '}
                      Carried forward from last month: save to confirm it for this month.
                    </strong>
                  ) : null}
                </p>
                {error ? (
                  <p id={`${id}-error`} className="pack-field__error">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
          <div className="settings__actions">
            <button type="submit" className="button button--primary" data-testid="pack-settings-save" disabled={saving || !!lock}>
              {saving ? 'Saving…' : 'Save pack settings'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
