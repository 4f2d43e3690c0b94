import { useId, useState } from 'react';
import type { Finding } from '../../../shared/checks';
import { canAccept, plural } from './review';

interface Props {
  selected: readonly Finding[];
  /** Why nothing can be reviewed (read-only workspace, closed month), or null. */
  blocked: string | null;
  busy: boolean;
  onReview: (status: 'accepted' | 'acknowledged' | 'open', note: string) => void;
  onClear: () => void;
}

/**
 * What an officer does with the findings ticked: accept those their own correction superseded, acknowledge
 * any with a note (a published error kept as published), or reopen reviewed ones. Each is one audited step.
 */
export function ReviewBar({ selected, blocked, busy, onReview, onClear }: Props) {
  const [acknowledging, setAcknowledging] = useState(false);
  const [note, setNote] = useState('');
  const ids = useId();
  const none = selected.length === 0;
  const disabled = busy || blocked !== null;
  const reviewed = selected.filter((f) => f.review !== null).length;
  const submit = () => {
    if (!note.trim()) return;
    onReview('acknowledged', note.trim());
    setAcknowledging(false);
    setNote('');
  };
  return (
    <div className="checks__review" role="group" aria-labelledby={`${ids}-count`} data-testid="checks-review">
      <p id={`${ids}-count`} className="checks__selected">
        {none ? 'Tick findings to accept or acknowledge them.' : `${plural(selected.length, 'finding')} ticked.`}
      </p>
      {blocked ? <p className="checks__blocked">{blocked}</p> : null}
      <button
        type="button"
        className="button"
        data-testid="review-accept"
        disabled={disabled || !canAccept(selected)}
        title={none || canAccept(selected) ? undefined : 'Only findings your own correction superseded can be accepted; acknowledge the others with a note.'}
        onClick={() => onReview('accepted', '')}
      >
        Accept
      </button>
      <button type="button" className="button" data-testid="review-acknowledge" disabled={disabled || none} aria-expanded={acknowledging} onClick={() => setAcknowledging((a) => !a)}>
        Acknowledge with a note…
      </button>
      <button type="button" className="button" data-testid="review-reopen" disabled={disabled || reviewed === 0} onClick={() => onReview('open', '')}>
        Reopen
      </button>
      <button type="button" className="link-button" disabled={none} onClick={onClear}>
        Untick all
      </button>
      {acknowledging && !none ? (
        <form
          className="checks__note"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={`${ids}-note`}>Why these need no change (kept in the audit trail)</label>
          <textarea id={`${ids}-note`} data-testid="review-note" rows={2} maxLength={1000} spellCheck value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="button button--primary" data-testid="review-acknowledge-save" disabled={disabled || !note.trim()}>
            Acknowledge {plural(selected.length, 'finding')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
