import type { PeriodInfo } from '../../../shared/api/contract';

interface Props {
  months: readonly PeriodInfo[];
  value: string;
  onChange: (period: string) => void;
}

/** A month where no area holds figures says so in its option, so the officer sees which months hold data. */
function optionLabel(m: PeriodInfo): string {
  const status = m.status === 'closed' ? (m.signedOffBy ? 'signed off' : 'closed') : m.status === 'ready' ? 'ready for review' : null;
  const notes = [m.areas.length > 0 ? null : 'no data yet', status].filter(Boolean);
  return notes.length ? `${m.label} (${notes.join(', ')})` : m.label;
}

export function PeriodSelect({ months, value, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor="period-select">Month</label>
      <select id="period-select" data-testid="period-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {months.map((m) => (
          <option key={m.id} value={m.id} data-has-data={m.areas.length > 0}>
            {optionLabel(m)}
          </option>
        ))}
      </select>
    </div>
  );
}
