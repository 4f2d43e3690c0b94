import { useState } from 'react';
import { KAD_AREA_ID } from '../../../../../shared/areas/kad/ids';
import type { PeriodInfo } from '../../../../../shared/api/contract';
import type { KadConfig } from '../../../../../shared/areas/kad/config';
import { monthLabel } from '../../../../../shared/periods';
import { messageOf, send } from '../../../api/client';
import { TypeInUseDialog, type TypeChange } from './TypeInUseDialog';

interface Props {
  period: PeriodInfo;
  config: KadConfig;
  months: readonly PeriodInfo[];
  lock: string | null;
  onChanged: (message: string) => void;
}

const GROUP_LABEL = { accommodation: 'Accommodation based', community: 'Community based' } as const;

/** For the selected month, which of the service types each service uses; a change asks from which month. */
export function ServiceTypesSection({ period, config, months, lock, onChanged }: Props) {
  const [change, setChange] = useState<TypeChange | null>(null);
  const [error, setError] = useState('');
  const withData = config.services.filter((s) => s.hasData);
  const without = config.services.filter((s) => !s.hasData);

  const apply = async (c: TypeChange, fromPeriod: string) => {
    setChange(null);
    try {
      await send('kad.setTypeInUse', { serviceId: c.serviceId, typeId: c.typeId, fromPeriod, inUse: c.inUse });
      setError('');
      onChanged(`${c.inUse ? 'Brought back' : 'Retired'} ${c.typeName} for ${c.serviceName} from ${monthLabel(fromPeriod)}`);
    } catch (err) {
      // A refusal (the type still holds figures) is the server's plain message, shown as it is.
      setError(messageOf(err));
    }
  };

  return (
    <section className="settings__section" aria-labelledby="types-title">
      <h2 id="types-title">Services and service types in {period.label}</h2>
      <p>
        A type a service does not use is greyed out in its Key Activity Data table and cannot be edited. Untick a type to retire it from a month on; tick it to bring it
        back.
      </p>
      <p className="form-alert" role="alert" data-testid="types-alert">
        {error}
      </p>
      {withData.length === 0 ? <p className="empty">No Key Activity Data for {period.label} yet: choose a month that has data.</p> : null}
      <div className="types">
        {withData.map((s) => (
          <table key={s.id} className="types__table" data-testid={`types-${s.id}`}>
            <caption>{s.name}</caption>
            <thead>
              <tr>
                <th scope="col">Service type</th>
                <th scope="col">Group</th>
                <th scope="col">In use</th>
              </tr>
            </thead>
            <tbody>
              {config.types.map((t) => {
                const inUse = s.typesInUse.includes(t.id);
                return (
                  <tr key={t.id} className={inUse ? undefined : 'types__row--unused'}>
                    <th scope="row">{t.name}</th>
                    <td>{GROUP_LABEL[t.group]}</td>
                    <td>
                      <input
                        type="checkbox"
                        checked={inUse}
                        disabled={lock !== null}
                        aria-label={`${t.name} in use for ${s.name}`}
                        data-testid={`type-in-use-${s.id}-${t.id}`}
                        onChange={() => setChange({ serviceId: s.id, serviceName: s.name, typeId: t.id, typeName: t.name, inUse: !inUse })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </div>
      {withData.length && without.length ? <p>No data in {period.label} for: {without.map((s) => s.name).join(', ')}.</p> : null}
      <TypeInUseDialog
        change={change}
        months={months.filter((m) => m.areas.includes(KAD_AREA_ID))}
        defaultMonth={period.id}
        onConfirm={(c, from) => void apply(c, from)}
        onCancel={() => setChange(null)}
      />
    </section>
  );
}
