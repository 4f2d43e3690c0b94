import type { PeriodInfo } from '../../../../shared/api/contract';
import { KAD_AREA_ID } from '../../../../shared/areas/kad/ids';

interface Props {
  months: readonly PeriodInfo[];
  /** The month on screen, which is not offered. */
  period: string;
  value: string;
  onChange: (period: string) => void;
}

/** Any other month that holds Key Activity Data, or none. */
export function CompareSelect({ months, period, value, onChange }: Props) {
  const options = months.filter((m) => m.areas.includes(KAD_AREA_ID) && m.id !== period);
  return (
    <div className="field kad-compare-select">
      <label htmlFor="kad-compare-select">Compare with</label>
      <select id="kad-compare-select" data-testid="kad-compare-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">No comparison</option>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}
