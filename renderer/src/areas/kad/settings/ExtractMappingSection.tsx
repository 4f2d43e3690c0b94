import { useEffect, useState, type FormEvent } from 'react';
import type { PeriodInfo } from '../../../../../shared/api/contract';
import type { ExtractMappingView } from '../../../../../shared/areas/kad/api';
import type { ExtractMapping } from '../../../../../shared/areas/kad/extract/mapping';
import { messageOf, send } from '../../../api/client';

interface Props {
  period: PeriodInfo;
  lock: string | null;
  reloadKey: number;
  onChanged: (message: string) => void;
}

/** One reason as edited: one service, or split by age. */
interface Row {
  reason: string;
  split: boolean;
  service: string;
  under: string;
}

function toRows(m: ExtractMapping): Row[] {
  return Object.entries(m.reasons).map(([reason, r]) => ('service' in r ? { reason, split: false, service: r.service, under: r.service } : { reason, split: true, service: r.atOrOver, under: r.under }));
}

function toMapping(age: number, rows: readonly Row[]): ExtractMapping {
  return { ageThreshold: age, reasons: Object.fromEntries(rows.map((r) => [r.reason.trim(), r.split ? { atOrOver: r.service, under: r.under } : { service: r.service }])) };
}

/** Which Key Activity Data service each primary support reason in a care-package extract counts under. */
export function ExtractMappingSection({ period, lock, reloadKey, onChanged }: Props) {
  const [view, setView] = useState<ExtractMappingView | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [age, setAge] = useState('65');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const show = (v: ExtractMappingView) => {
    setView(v);
    setRows(toRows(v.mapping));
    setAge(String(v.mapping.ageThreshold));
  };

  useEffect(() => {
    let cancelled = false;
    send('kad.extractMapping', { period: period.id }).then(
      (v) => !cancelled && show(v),
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [period.id, reloadKey]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const threshold = Number(age);
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > 130) return setError('Nothing was saved. The age must be a whole number of years, for example 65.');
    if (rows.some((r) => !r.reason.trim())) return setError('Nothing was saved. Every row needs a primary support reason, written as the care system writes it; remove rows you do not need.');
    setSaving(true);
    try {
      show(await send('kad.setExtractMapping', { mapping: toMapping(threshold, rows) }));
      setError('');
      onChanged('Support reason mapping saved: the next care-package extract import uses it');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  const locked = lock ?? view?.frozenFor ?? null;
  const edit = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const serviceSelect = (i: number, key: 'service' | 'under', label: string) => (
    <select className="input" aria-label={label} data-testid={`mapping-${key}-${i}`} value={rows[i]![key]} disabled={locked !== null} onChange={(e) => edit(i, { [key]: e.target.value })}>
      {view!.services.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );

  return (
    <section className="settings__section" aria-labelledby="extract-mapping-title">
      <h2 id="extract-mapping-title">Care-package extract: which service each support reason counts under</h2>
      <p>
        When a care-package extract is imported, each package counts under a Key Activity Data service chosen by its primary support reason and, where the reason is split by age, the
        person’s age at the month end. Rows whose reason is not listed here are left out and listed in the import’s preview. A change applies to the next import; closed months keep their
        figures.
      </p>
      <p className="form-alert" role="alert" data-testid="mapping-alert">
        {error}
      </p>
      {view?.frozenFor ? <p className="banner">{view.frozenFor}</p> : null}
      {!view ? (
        <p className="loading">Loading the mapping…</p>
      ) : (
        <form className="settings__form" onSubmit={(e) => void save(e)} data-testid="mapping-form">
          <div className="field settings__number">
            <label htmlFor="mapping-age">Older people’s services from age</label>
            <input id="mapping-age" className="input input--short" inputMode="numeric" value={age} disabled={locked !== null} onChange={(e) => setAge(e.target.value)} data-testid="mapping-age" />
          </div>
          <table className="types__table" data-testid="mapping-table">
            <caption>Primary support reasons</caption>
            <thead>
              <tr>
                <th scope="col">Primary support reason</th>
                <th scope="col">Split by age</th>
                <th scope="col">Service (at the age or over, when split)</th>
                <th scope="col">Service under the age</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>
                    <input className="input" aria-label={`Primary support reason ${i + 1}`} value={r.reason} disabled={locked !== null} onChange={(e) => edit(i, { reason: e.target.value })} data-testid={`mapping-reason-${i}`} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`Split ${r.reason || `reason ${i + 1}`} by age`} checked={r.split} disabled={locked !== null} onChange={() => edit(i, { split: !r.split })} data-testid={`mapping-split-${i}`} />
                  </td>
                  <td>{serviceSelect(i, 'service', r.split ? `${r.reason || `Reason ${i + 1}`}: service at the age or over` : `${r.reason || `Reason ${i + 1}`}: service`)}</td>
                  <td>{r.split ? serviceSelect(i, 'under', `${r.reason || `Reason ${i + 1}`}: service under the age`) : <span className="hint">Not split</span>}</td>
                  <td>
                    <button type="button" className="button" disabled={locked !== null} onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove ${r.reason || `reason ${i + 1}`}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="settings__actions">
            <button type="button" className="button" disabled={locked !== null} onClick={() => setRows([...rows, { reason: '', split: false, service: view.services[0]?.id ?? '', under: view.services[0]?.id ?? '' }])}>
              Add a reason
            </button>
            <button type="button" className="button" disabled={locked !== null} onClick={() => (setRows(toRows(view.defaults)), setAge(String(view.defaults.ageThreshold)))}>
              Put back the FMR’s mapping
            </button>
            <button type="submit" className="button button--primary" data-testid="mapping-save" disabled={saving || locked !== null} title={locked ?? undefined}>
              Save mapping
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
