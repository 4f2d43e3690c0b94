import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
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
  const [open, setOpen] = useState(false);
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
        onClick={() => setOpen(true)}
      >
        Roll forward to {plan.toLabel}
      </button>
      <ConfirmDialog
        open={open}
        title={`Roll forward to ${plan.toLabel}?`}
        confirmLabel="Roll forward"
        testId="roll-forward-dialog"
        confirmTestId="roll-forward-confirm"
        onConfirm={() => {
          setOpen(false);
          onConfirm(month.id);
        }}
        onClose={() => setOpen(false)}
      >
        <p>
          This creates the Key Activity Data for {plan.toLabel} from {month.label}. Budget columns are carried; actual figures are copied as a starting point and marked as not
          yet updated.
        </p>
        <p>{month.label} stays as it is. A roll forward is not part of the undo history.</p>
      </ConfirmDialog>
    </>
  );
}
