import type { KadServiceInfo } from '../../../../shared/areas/kad/api';

interface Props {
  services: readonly KadServiceInfo[];
  value: string;
  onChange: (serviceId: string) => void;
}

/** All six services stay in view, as the FMR lists them (5.1 to 5.6); the pressed one is shown. */
export function ServicePicker({ services, value, onChange }: Props) {
  return (
    <div className="service-picker" role="group" aria-labelledby="service-picker-label" data-testid="service-picker">
      <span id="service-picker-label" className="service-picker__label">
        Service
      </span>
      {services.map((s) => (
        <button
          key={s.id}
          type="button"
          className="service-picker__item"
          aria-pressed={s.id === value}
          data-service-id={s.id}
          onClick={() => onChange(s.id)}
        >
          {s.name}
        </button>
      ))}
    </div>
  );
}
