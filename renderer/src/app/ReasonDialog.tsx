import { useId, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  open: boolean;
  title: ReactNode;
  /** What the step does and why a reason is asked for. */
  children: ReactNode;
  /** The field's label: "Why is August 2023 being reopened?" */
  label: string;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  testId?: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * A step that is recorded with the officer's reason (reopening a month, restoring a backup that reopens
 * one): a ConfirmDialog whose reason field takes the focus. The step cannot be confirmed without a
 * reason; the reason is kept in the audit trail.
 */
export function ReasonDialog({ open, title, children, label, confirmLabel, tone = 'primary', testId, onConfirm, onClose }: Props) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    onClose();
  };
  const confirm = () => {
    if (!reason.trim()) return setMissing(true);
    const given = reason.trim();
    setReason('');
    onConfirm(given);
  };
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      tone={tone}
      focusCancel={false}
      {...(testId ? { testId, confirmTestId: `${testId}-confirm` } : {})}
      onConfirm={confirm}
      onClose={close}
    >
      {children}
      <div className="field reason-field">
        <label htmlFor={`${id}-reason`}>{label}</label>
        <textarea
          id={`${id}-reason`}
          className="input"
          data-testid={testId ? `${testId}-reason` : undefined}
          rows={3}
          maxLength={500}
          autoFocus
          value={reason}
          aria-invalid={missing || undefined}
          aria-describedby={`${id}-missing`}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        <p id={`${id}-missing`} className="form-alert" role="alert">
          {missing ? 'Give a reason: it is recorded in the audit trail.' : ''}
        </p>
      </div>
    </ConfirmDialog>
  );
}
