import type { ReservesTable } from '../../../../shared/areas/reserves/ids';

const LABELS: Record<ReservesTable, string> = { reserves: '5.3 Earmarked reserves', grants: '5.1 Grants', virements: '5.2 Virements' };
const ORDER: readonly ReservesTable[] = ['grants', 'virements', 'reserves'];

/** The technical note's three tables, in the appendix's order; the pressed one is shown. */
export function TablePicker({ value, onChange }: { value: ReservesTable; onChange: (t: ReservesTable) => void }) {
  return (
    <div className="reserves-picker" role="group" aria-labelledby="reserves-picker-label" data-testid="reserves-picker">
      <span id="reserves-picker-label" className="reserves-picker__label">
        Table
      </span>
      {ORDER.map((t) => (
        <button key={t} type="button" className="reserves-picker__item" aria-pressed={t === value} data-table={t} onClick={() => onChange(t)}>
          {LABELS[t]}
        </button>
      ))}
    </div>
  );
}
