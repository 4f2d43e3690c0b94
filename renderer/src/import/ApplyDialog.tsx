import { ConfirmDialog } from '../app/ConfirmDialog';

interface Props {
  open: boolean;
  fileName: string;
  /** "11 new lines and 1 changed line in 6 tables", and any month or table the import creates. */
  summary: string[];
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before applying: the one step of an import that writes to the workspace. */
export function ApplyDialog({ open, fileName, summary, onConfirm, onClose }: Props) {
  return (
    <ConfirmDialog open={open} title={`Import ${fileName}?`} confirmLabel="Import" cancelLabel="Not now" testId="import-apply-dialog" confirmTestId="import-apply-confirm" onConfirm={onConfirm} onClose={onClose}>
      {summary.map((s) => (
        <p key={s}>{s}</p>
      ))}
      <p>Outturn backs up the workspace first; everything is imported in one step, or nothing.</p>
    </ConfirmDialog>
  );
}
