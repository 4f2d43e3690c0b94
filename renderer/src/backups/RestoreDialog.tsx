import { ConfirmDialog } from '../app/ConfirmDialog';
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
  return (
    <ConfirmDialog
      open={backup !== null}
      title={backup ? `Restore the backup taken ${formatWhen(backup.createdAt)}?` : ''}
      confirmLabel="Restore"
      tone="danger"
      testId="restore-dialog"
      confirmTestId="restore-confirm"
      onConfirm={() => backup && onConfirm(backup)}
      onClose={onCancel}
    >
      {backup ? (
        <>
          <p>Every figure, month and setting in this workspace goes back to how it was then: {reasonLower(backup.reason)}. Anything changed since is replaced.</p>
          <p>Outturn first backs up the workspace as it is now, so you can restore that backup to come back to this state.</p>
        </>
      ) : null}
    </ConfirmDialog>
  );
}
