import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import type { PeriodInfo } from '../../../shared/api/contract';
import { sharedArea } from '../../../shared/areas';
import { rendererArea } from '../areas';
import { rollForwardPlan } from './months';

interface Props {
  month: PeriodInfo;
  months: readonly PeriodInfo[];
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  onConfirm: (fromPeriod: string) => void;
}

/**
 * "Roll forward to <next month>": the whole month, every area holding figures, in one step. Asks first in
 * a modal <dialog>, saying what each area carries, because it creates a month and is not part of the
 * undo history.
 */
export function RollForward({ month, months, lock, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const plan = rollForwardPlan(month, months);
  const why = lock ?? plan.blocked;
  const areas = plan.areas.map((id) => ({ id, name: sharedArea(id)?.name ?? id, note: rendererArea(id)?.rollForwardNote }));
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
          This creates {areas.map((a) => a.name).join(', ')} for {plan.toLabel} from {month.label}.
        </p>
        {areas.map((a) =>
          a.note ? (
            <p key={a.id}>
              {areas.length > 1 ? `${a.name}: ` : null}
              {a.note}
            </p>
          ) : null,
        )}
        <p>{month.label} stays as it is. A roll forward is not part of the undo history.</p>
      </ConfirmDialog>
    </>
  );
}
