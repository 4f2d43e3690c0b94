import type { ReservesSchedules } from '../../../../shared/areas/reserves/api';

interface Props {
  id: string;
  data: Pick<ReservesSchedules, 'directorates' | 'reserves'>;
  value: string;
  disabled?: boolean;
  onChange: (reserveId: string) => void;
  testId?: string;
}

/** Every reserve of the register, under its directorate. */
export function ReserveSelect({ id, data, value, disabled, onChange, testId }: Props) {
  return (
    <select id={id} className="input" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {data.directorates.map((d) => (
        <optgroup key={d.id} label={d.name}>
          {data.reserves
            .filter((r) => r.directorateId === d.id)
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
