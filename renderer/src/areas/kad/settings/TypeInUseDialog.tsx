import { useEffect, useRef, useState } from 'react';
import type { PeriodInfo } from '../../../../../shared/api/contract';

export interface TypeChange {
  serviceId: string;
  serviceName: string;
  typeId: string;
  typeName: string;
  inUse: boolean;
}

interface Props {
  change: TypeChange | null;
  /** Months that hold Key Activity Data: a type is retired or brought back from one of them on. */
  months: readonly PeriodInfo[];
  defaultMonth: string;
  onConfirm: (change: TypeChange, fromPeriod: string) => void;
  onCancel: () => void;
}

/** Asks from which month a type is retired (or brought back); that month and every later one change. */
export function TypeInUseDialog({ change, months, defaultMonth, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [from, setFrom] = useState(defaultMonth);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (change && !d.open) {
      setFrom(months.some((m) => m.id === defaultMonth) ? defaultMonth : (months[0]?.id ?? defaultMonth));
      d.showModal();
    } else if (!change && d.open) d.close();
  }, [change, months, defaultMonth]);

  const verb = change?.inUse ? 'Bring back' : 'Retire';
  return (
    // Esc closes a modal dialog natively; onClose tells the page so its state follows.
    <dialog ref={dialog} className="dialog" aria-labelledby="type-dialog-title" aria-describedby="type-dialog-text" data-testid="type-dialog" onClose={onCancel}>
      {change ? (
        <form method="dialog">
          <h2 id="type-dialog-title">
            {verb} {change.typeName} for {change.serviceName}?
          </h2>
          <p id="type-dialog-text">
            {change.inUse
              ? `${change.typeName} becomes an editable line again for ${change.serviceName} from the month you choose, and in every later month.`
              : `${change.typeName} is greyed out and cannot be edited for ${change.serviceName} from the month you choose, and in every later month. Earlier months stay as they are. A type that still holds figures cannot be retired.`}
          </p>
          <div className="field">
            <label htmlFor="type-dialog-from">From month</label>
            <select id="type-dialog-from" data-testid="type-dialog-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              {months.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <div className="dialog__actions">
            <button type="submit" value="cancel" className="button">
              Cancel
            </button>
            <button type="button" className="button button--primary" data-testid="type-dialog-confirm" onClick={() => onConfirm(change, from)}>
              {verb} {change.typeName}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
