import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, messageOf, send } from '../api/client';
import { ReasonDialog } from '../app/ReasonDialog';
import { formatBytes, formatWhen } from '../import/format';
import { importFlow } from '../import/flow';
import { reasonText } from './reason';
import { RestoreDialog, type Backup } from './RestoreDialog';

interface Props {
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  /** A backup was restored: the shell reloads everything it shows and says so. */
  onRestored: (message: string) => void;
}

/**
 * The snapshots Outturn takes before each import and restore and when a month closes, newest first. A
 * damaged one is shown as damaged and cannot be restored; a month-end one is marked as kept for good.
 * Restoring one that would reopen a closed month asks for a reason first (the API says when).
 */
export function BackupsPage({ lock, onRestored }: Props) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [error, setError] = useState('');
  const [asking, setAsking] = useState<Backup | null>(null);
  // The backup whose restore needs a reason, and the API's words on why.
  const [needsReason, setNeedsReason] = useState<{ backup: Backup; why: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const doneRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    const list = await send('backups.list', {});
    setBackups([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  }, []);

  useEffect(() => {
    load().catch((err: unknown) => setError(messageOf(err)));
  }, [load]);

  const restore = async (backup: Backup, reason?: string) => {
    setAsking(null);
    setNeedsReason(null);
    setBusy(true);
    setError('');
    try {
      await send('backups.restore', { name: backup.name, ...(reason ? { reason } : {}) });
      // The workspace's connection was replaced: an import waiting for Apply was staged in the old one.
      importFlow.reset();
      const message = `Restored the backup taken ${formatWhen(backup.createdAt)}`;
      setDone(`${message}. The workspace as it was just before is now the newest backup.`);
      onRestored(message);
      await load();
      doneRef.current?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'reason_required') setNeedsReason({ backup, why: err.message });
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page backups" aria-labelledby="page-title">
      <h1 id="page-title">Backups</h1>
      <p className="import__lead">
        Outturn backs up the workspace before every import and before every restore, and keeps the latest ten beside the workspace file. When a month closes it also
        takes a month-end backup, which is kept for good. Restoring one puts every figure, month and setting back as it was then.
      </p>
      {lock ? (
        <p className="banner banner--readonly">
          <strong>Cannot restore.</strong> {lock}
        </p>
      ) : null}
      <p className="form-alert" role="alert" data-testid="backups-alert">
        {error}
      </p>
      <p className="backups__done" role="status" tabIndex={-1} ref={doneRef} data-testid="backups-done">
        {done}
      </p>
      {!backups ? (
        !error ? <p className="loading">Loading backups…</p> : null
      ) : backups.length === 0 ? (
        <p className="empty" data-testid="backups-empty">
          No backups yet. Outturn takes one before it applies an import.
        </p>
      ) : (
        <table className="import-table backups__table" data-testid="backups-table">
          <caption>Backups of this workspace, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-testid="backup" data-name={b.name} data-keep={b.keep} data-damaged={b.damaged !== null}>
                <th scope="row">{formatWhen(b.createdAt)}</th>
                <td>
                  {reasonText(b.reason)}
                  {b.keep ? (
                    <span className="backups__keep" data-testid="backup-keep">
                      Month-end backup: kept for good, never rotated away.
                    </span>
                  ) : null}
                </td>
                <td className="import-table__number">{formatBytes(b.bytes)}</td>
                <td data-testid="backup-state">{b.damaged ? <strong className="backups__damaged">Damaged: {b.damaged}. It cannot be restored.</strong> : 'Can be restored'}</td>
                <td>
                  {b.damaged ? null : (
                    <button type="button" className="button" data-testid="backup-restore" disabled={busy || lock !== null} title={lock ?? undefined} onClick={() => setAsking(b)}>
                      Restore…<span className="visually-hidden"> the backup taken {formatWhen(b.createdAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RestoreDialog backup={asking} onCancel={() => setAsking(null)} onConfirm={(b) => void restore(b)} />
      <ReasonDialog
        open={needsReason !== null}
        title={needsReason ? `Restore the backup taken ${formatWhen(needsReason.backup.createdAt)} and reopen a closed month?` : ''}
        label="Why restore it? The reason is recorded."
        confirmLabel="Restore"
        tone="danger"
        testId="restore-reason"
        onClose={() => setNeedsReason(null)}
        onConfirm={(reason) => needsReason && void restore(needsReason.backup, reason)}
      >
        <p>{needsReason?.why}</p>
      </ReasonDialog>
    </section>
  );
}
