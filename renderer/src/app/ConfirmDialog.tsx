import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** 'danger' for steps that replace what the officer has (reset, restore). */
  tone?: 'primary' | 'danger';
  testId?: string;
  confirmTestId?: string;
  /** Cancel is focused first, unless the dialog asks for something first (a reason: its field takes the focus). */
  focusCancel?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Every "are you sure?" of the app: a native modal <dialog> (focus trapped, Esc closes) whose Cancel is
 * focused first, so pressing Enter by habit never confirms a step that writes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = 'Cancel', tone = 'primary', testId, confirmTestId, focusCancel = true, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} data-testid={testId} onClose={onClose}>
      {open ? (
        <form method="dialog">
          <h2 id={`${id}-title`}>{title}</h2>
          <div id={`${id}-text`}>{children}</div>
          <div className="dialog__actions">
            <button type="submit" value="cancel" className="button" autoFocus={focusCancel}>
              {cancelLabel}
            </button>
            <button type="button" className={`button button--${tone}`} data-testid={confirmTestId} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
