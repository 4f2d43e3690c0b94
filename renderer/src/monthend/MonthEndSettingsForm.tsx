import { useEffect, useState, type FormEvent } from 'react';
import { MONTH_END_SETTING_LABELS, type MonthEndSettings } from '../../../shared/monthend';
import { messageOf, send } from '../api/client';

interface Props {
  settings: MonthEndSettings;
  lock: string | null;
  onSaved: (message: string) => void;
}

const HINTS: Record<keyof MonthEndSettings, string> = {
  reviewerMustDiffer: 'The officer who marks a month ready cannot also sign it off (on by default).',
  closeRequiresSignOff: 'A month can only be closed by a reviewer’s sign-off: “Close without sign-off” is refused (off by default).',
};

/** The workspace's two month-end rules; changing one is recorded in the audit trail. */
export function MonthEndSettingsForm({ settings, lock, onSaved }: Props) {
  const [draft, setDraft] = useState(settings);
  const [alert, setAlert] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(settings), [settings]);
  const changed = (Object.keys(draft) as (keyof MonthEndSettings)[]).filter((k) => draft[k] !== settings[k]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed.length) return;
    setSaving(true);
    try {
      await send('periods.updateMonthEndSettings', Object.fromEntries(changed.map((k) => [k, draft[k]])));
      setAlert('');
      onSaved('Month-end settings saved');
    } catch (err) {
      setAlert(messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="settings__section" aria-labelledby="monthend-settings-title">
      <h2 id="monthend-settings-title">Month-end settings</h2>
      <form className="settings__form" onSubmit={(e) => void save(e)}>
        <fieldset className="settings__fieldset" disabled={lock !== null}>
          <legend>For every month of this workspace</legend>
          {(Object.keys(MONTH_END_SETTING_LABELS) as (keyof MonthEndSettings)[]).map((k) => (
            <div key={k} className="choice">
              <input type="checkbox" id={`monthend-${k}`} data-testid={`monthend-setting-${k}`} checked={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.checked })} aria-describedby={`monthend-${k}-hint`} />
              <label htmlFor={`monthend-${k}`}>{MONTH_END_SETTING_LABELS[k].charAt(0).toUpperCase() + MONTH_END_SETTING_LABELS[k].slice(1)}</label>
              <p id={`monthend-${k}-hint`} className="hint">
                {HINTS[k]}
              </p>
            </div>
          ))}
        </fieldset>
        <p className="form-alert" role="alert">
          {alert}
        </p>
        <div className="settings__actions">
          <button type="submit" className="button button--primary" data-testid="monthend-settings-save" disabled={saving || lock !== null || !changed.length}>
            Save month-end settings
          </button>
        </div>
      </form>
    </section>
  );
}
