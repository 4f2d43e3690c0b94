import { useRef } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import { rollForwardPlan } from './months';

interface Props {
  month: PeriodInfo;
  months: readonly PeriodInfo[];
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  onConfirm: (fromPeriod: string) => void;
}

/**
 * "Roll forward to <next month>": asks first in a modal <dialog>, because it creates a month and is not
 * part of the undo history.
 */
export function RollForward({ month, months, lock, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const plan = rollForwardPlan(month, months);
  const why = lock ?? plan.blocked;
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="roll-forward"
        disabled={why !== null}
        title={why ?? `Create ${plan.toLabel} from ${month.label}`}
        onClick={() => dialog.current?.showModal()}
      >
        Roll forward to {plan.toLabel}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="roll-title" aria-describedby="roll-text" data-testid="roll-forward-dialog">
        <form method="dialog">
          <h2 id="roll-title">Roll forward to {plan.toLabel}?</h2>
          <div id="roll-text">
            <p>
              This creates the Key Activity Data for {plan.toLabel} from {month.label}. Budget columns are carried; actual figures are copied as a starting point and marked as
              not yet updated.
            </p>
            <p>{month.label} stays as it is. A roll forward is not part of the undo history.</p>
          </div>
          <div className="dialog__actions">
            <button type="submit" value="cancel" className="button" autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="roll-forward-confirm"
              onClick={() => {
                dialog.current?.close();
                onConfirm(month.id);
              }}
            >
              Roll forward
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
