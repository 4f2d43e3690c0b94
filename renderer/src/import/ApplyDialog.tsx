import { useEffect, useRef } from 'react';

interface Props {
  open: boolean;
  fileName: string;
  /** "11 new lines and 1 changed line in 6 tables", and any month or service the import creates. */
  summary: string[];
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before applying: the one step of an import that writes to the workspace. */
export function ApplyDialog({ open, fileName, summary, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);

  return (
    // Esc closes a modal dialog natively; onClose keeps the page's state in step.
    <dialog ref={dialog} className="dialog" aria-labelledby="apply-title" aria-describedby="apply-text" data-testid="import-apply-dialog" onClose={onClose}>
      <form method="dialog">
        <h2 id="apply-title">Import {fileName}?</h2>
        <div id="apply-text">
          {summary.map((s) => (
            <p key={s}>{s}</p>
          ))}
          <p>Outturn backs up the workspace first; everything is imported in one step, or nothing.</p>
        </div>
        <div className="dialog__actions">
          <button type="submit" value="cancel" className="button" autoFocus>
            Not now
          </button>
          <button type="button" className="button button--primary" data-testid="import-apply-confirm" onClick={onConfirm}>
            Import
          </button>
        </div>
      </form>
    </dialog>
  );
}
