import { useEffect, useRef } from 'react';
import type { Output } from '../../../shared/api/contract';
import { formatWhen } from '../import/format';
import { reasonText } from './reason';

export type Backup = Output<'backups.list'>[number];

const reasonLower = (reason: string) => {
  const text = reasonText(reason);
  return text.charAt(0).toLowerCase() + text.slice(1);
};

interface Props {
  backup: Backup | null;
  onConfirm: (backup: Backup) => void;
  onCancel: () => void;
}

/** Restoring replaces everything in the workspace, so it asks first and says the current state is kept. */
export function RestoreDialog({ backup, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (backup && !d.open) d.showModal();
    else if (!backup && d.open) d.close();
  }, [backup]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="restore-title" aria-describedby="restore-text" data-testid="restore-dialog" onClose={onCancel}>
      {backup ? (
        <form method="dialog">
          <h2 id="restore-title">Restore the backup taken {formatWhen(backup.createdAt)}?</h2>
          <div id="restore-text">
            <p>
              Every figure, month and setting in this workspace goes back to how it was then: {reasonLower(backup.reason)}. Anything changed since is replaced.
            </p>
            <p>Outturn first backs up the workspace as it is now, so you can restore that backup to come back to this state.</p>
          </div>
          <div className="dialog__actions">
            <button type="submit" value="cancel" className="button" autoFocus>
              Cancel
            </button>
            <button type="button" className="button button--danger" data-testid="restore-confirm" onClick={() => onConfirm(backup)}>
              Restore
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
