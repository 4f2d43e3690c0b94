import type { PeriodInfo } from '../../../shared/api/contract';

interface Props {
  months: readonly PeriodInfo[];
  value: string;
  onChange: (period: string) => void;
}

export function PeriodSelect({ months, value, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor="period-select">Month</label>
      <select id="period-select" data-testid="period-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {months.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}
