import { useEffect, useState } from 'react';
import { PCT_BASES, type PctBase } from '../../../../shared/areas/revenue/percent';
import type { RevenueSettings as Settings } from '../../../../shared/areas/revenue/settings';
import { messageOf, send } from '../../api/client';
import type { AreaSettingsProps } from '../types';

const BASES: [keyof Settings, string][] = [
  ['pctBaseAppendix1', 'Appendix 1 percentages'],
  ['pctBaseSummary', 'Section 1.2 summary percentages'],
  ['pctBaseCommentary', 'Appendix 2 commentary box percentages'],
];

/** Revenue's part of the Settings page: each table's percentage base, and the commentary rule. */
export function RevenueSettings({ lock, reloadKey, onChanged }: AreaSettingsProps) {
  const [s, setS] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('revenue.settings', {}).then(setS, (e: unknown) => setError(messageOf(e)));
  }, [reloadKey]);
  const update = async (changes: Partial<Settings>) => {
    try {
      setS(await send('revenue.updateSettings', changes));
      onChanged('Revenue settings saved.');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  if (!s) return error ? <p className="banner banner--error">{error}</p> : <p className="loading">Loading revenue settings…</p>;
  return (
    <section aria-labelledby="revenue-settings">
      <h2 id="revenue-settings">Revenue monitoring</h2>
      {error ? <p className="banner banner--error">{error}</p> : null}
      <p>Each table&rsquo;s variance percentage is worked out on its own base; the defaults reproduce the published FMR. Closing a month keeps the settings it was closed with.</p>
      {BASES.map(([key, label]) => (
        <p key={key}>
          <label>
            {label}{' '}
            <select value={s[key] as string} disabled={!!lock} onChange={(e) => void update({ [key]: e.target.value as PctBase })}>
              {Object.entries(PCT_BASES).map(([id, text]) => (
                <option key={id} value={id}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        </p>
      ))}
      <p>
        <label>
          Commentary needed when the variance is greater than 2% of{' '}
          <select value={s.commentaryBase} disabled={!!lock} onChange={(e) => void update({ commentaryBase: e.target.value as Settings['commentaryBase'] })}>
            <option value="abs_net">the net budget (its size)</option>
            <option value="gross">the gross budget</option>
          </select>{' '}
          or £100k, whichever is greater
        </label>
      </p>
    </section>
  );
}
