import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf, send } from '../api/client';
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

/** The snapshots Outturn takes before each import and restore, newest first, each restorable. */
export function BackupsPage({ lock, onRestored }: Props) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [error, setError] = useState('');
  const [asking, setAsking] = useState<Backup | null>(null);
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

  const restore = async (backup: Backup) => {
    setAsking(null);
    setBusy(true);
    setError('');
    try {
      await send('backups.restore', { name: backup.name });
      // The workspace's connection was replaced: an import waiting for Apply was staged in the old one.
      importFlow.reset();
      const message = `Restored the backup taken ${formatWhen(backup.createdAt)}`;
      setDone(`${message}. The workspace as it was just before is now the newest backup.`);
      onRestored(message);
      await load();
      doneRef.current?.focus();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page backups" aria-labelledby="page-title">
      <h1 id="page-title">Backups</h1>
      <p className="import__lead">
        Outturn backs up the workspace before every import and before every restore, and keeps the latest ten beside the workspace file. Restoring one puts every figure, month
        and setting back as it was then.
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
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-testid="backup" data-name={b.name}>
                <th scope="row">{formatWhen(b.createdAt)}</th>
                <td>{reasonText(b.reason)}</td>
                <td className="import-table__number">{formatBytes(b.bytes)}</td>
                <td>
                  <button type="button" className="button" data-testid="backup-restore" disabled={busy || lock !== null} title={lock ?? undefined} onClick={() => setAsking(b)}>
                    Restore…<span className="visually-hidden"> the backup taken {formatWhen(b.createdAt)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RestoreDialog backup={asking} onCancel={() => setAsking(null)} onConfirm={(b) => void restore(b)} />
    </section>
  );
}
