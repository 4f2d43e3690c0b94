import { useEffect, useState } from 'react';
import type { KadConfig } from '../../../../../shared/areas/kad/config';
import { messageOf, send } from '../../../api/client';
import type { AreaSettingsProps } from '../../types';
import { AddServiceForm } from './AddServiceForm';
import { ExtractMappingSection } from './ExtractMappingSection';
import { KadSettingsForm } from './KadSettingsForm';
import { ServiceTypesSection } from './ServiceTypesSection';

/** Key Activity Data's part of the Settings page: its thresholds, the types each service uses, adding a service, and the care-package extract's support reason mapping. */
export function KadSettings({ period, months, lock, reloadKey, onChanged }: AreaSettingsProps) {
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
    <>
      <KadSettingsForm lock={lock} reloadKey={reloadKey} onChanged={onChanged} />
      {error ? <p className="banner banner--error">{error}</p> : null}
      {config && config.period === period.id ? (
        <>
          <ServiceTypesSection period={period} config={config} months={months} lock={lock} onChanged={onChanged} />
          <AddServiceForm period={period} config={config} months={months} lock={lock} onChanged={onChanged} />
          <ExtractMappingSection period={period} lock={lock} reloadKey={reloadKey} onChanged={onChanged} />
        </>
      ) : !error ? (
        <p className="loading">Loading services…</p>
      ) : null}
    </>
  );
}
