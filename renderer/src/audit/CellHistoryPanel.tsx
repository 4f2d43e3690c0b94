import { useEffect, useId, useRef, useState } from 'react';
import type { CellAddress, CellHistory } from '../../../shared/audit';
import { messageOf, send } from '../api/client';
import { formatWhen } from '../import/format';
import './cell-history.css';

interface Props {
  address: CellAddress;
  /** As the grid names the cell: "Residential · Current Care Packages". */
  name: string;
  onClose: () => void;
}

/**
 * The history of one cell beside the grid: every recorded change, newest first, saying who made it and
 * when, on which computer, how (typed, pasted, imported, undone…), from what to what, and for an import
 * the file's name and SHA-256. A side panel, not a modal: the grid stays usable; Esc closes it.
 */
export function CellHistoryPanel({ address, name, onClose }: Props) {
  const id = useId();
  const [history, setHistory] = useState<CellHistory | null>(null);
  const [error, setError] = useState('');
  const closeRef = useRef<HTMLButtonElement>(null);
  const key = JSON.stringify(address);

  useEffect(() => {
    let cancelled = false;
    setHistory(null);
    setError('');
    send('audit.cell', JSON.parse(key) as CellAddress).then(
      (h) => !cancelled && setHistory(h),
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [key]);

  useEffect(() => closeRef.current?.focus(), [key]);

  const changes = history ? [...history.changes].reverse() : [];
  return (
    <section
      className="cell-history"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      data-testid="cell-history"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="cell-history__head">
        <h2 id={`${id}-title`}>History of {name}</h2>
        <button type="button" ref={closeRef} className="button" data-testid="cell-history-close" onClick={onClose}>
          Close<span className="visually-hidden"> the history</span>
        </button>
      </div>
      {error ? (
        <p className="form-alert" role="alert">
          {error}
        </p>
      ) : !history ? (
        <p className="loading">Reading the audit trail…</p>
      ) : changes.length === 0 ? (
        <p className="empty">No change of this cell has been recorded.</p>
      ) : (
        <ol className="cell-history__list" data-testid="cell-history-list" aria-label={`${changes.length} recorded ${changes.length === 1 ? 'change' : 'changes'}, newest first`}>
          {changes.map((c) => (
            <li key={c.id} className="cell-history__change" data-testid="cell-history-change">
              <p className="cell-history__values">
                <strong>{c.from}</strong> → <strong>{c.to}</strong>
              </p>
              <p>
                {formatWhen(c.at)}, by {c.osUser} on {c.machine}
              </p>
              <p data-testid="cell-history-how">
                {c.how}
                {c.fileName ? `: ${c.fileName}` : ''}
              </p>
              {c.step ? <p className="hint">{c.step}</p> : null}
              {c.fileSha256 ? (
                <p className="hint">
                  File SHA-256 <code className="cell-history__sha">{c.fileSha256}</code>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
