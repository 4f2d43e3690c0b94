import { useEffect, useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { KadConfig } from '../../../shared/areas/kad/config';
import { messageOf, send } from '../api/client';
import { AddServiceForm } from './AddServiceForm';
import { KadSettingsForm } from './KadSettingsForm';
import { ServiceTypesSection } from './ServiceTypesSection';

interface Props {
  period: PeriodInfo;
  months: readonly PeriodInfo[];
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  /** Bumped by the shell after any change, undo or reset: everything here is fetched again. */
  reloadKey: number;
  /** A change was saved: the shell reloads services, periods and history and shows the message. */
  onChanged: (message: string) => void;
}

export function SettingsPage({ period, months, lock, reloadKey, onChanged }: Props) {
  const [config, setConfig] = useState<KadConfig | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    send('kad.config', { period: period.id }).then(
      (c) => {
        if (cancelled) return;
        setConfig(c);
        setError(null);
      },
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [period.id, reloadKey]);

  return (
    <section className="page settings" aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      {lock ? (
        <p className="banner banner--readonly">
          <strong>Not editable.</strong> {lock}
        </p>
      ) : null}
      <KadSettingsForm lock={lock} reloadKey={reloadKey} onChanged={onChanged} />
      {error ? <p className="banner banner--error">{error}</p> : null}
      {config && config.period === period.id ? (
        <>
          <ServiceTypesSection period={period} config={config} months={months} lock={lock} onChanged={onChanged} />
          <AddServiceForm period={period} config={config} months={months} lock={lock} onChanged={onChanged} />
        </>
      ) : !error ? (
        <p className="loading">Loading services…</p>
      ) : null}
    </section>
  );
}
