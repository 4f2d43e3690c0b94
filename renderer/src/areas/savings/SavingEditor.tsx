import { useEffect, useState, type FormEvent } from 'react';
import type { SavingsTracker, TrackerRowOut } from '../../../../shared/areas/savings/api';
import { RAG_VALUES, type Rag } from '../../../../shared/units';
import { messageOf, send } from '../../api/client';

interface Props {
  tracker: SavingsTracker;
  locked: boolean;
  onTracker: (t: SavingsTracker, message: string) => void;
}

type TextField = 'bpRef' | 'title' | 'owner' | 'commentary';

/**
 * One saving's words and RAG: its BP Ref, title, owner and commentary for publication, and an officer's
 * RAG in place of the key's, which always needs a reason and is marked wherever the RAG is shown.
 */
export function SavingEditor({ tracker, locked, onTracker }: Props) {
  const rows = tracker.groups.flatMap((g) => g.rows);
  const [lineId, setLineId] = useState(rows[0]?.id ?? '');
  const line: TrackerRowOut | undefined = rows.find((r) => r.id === lineId) ?? rows[0];
  const [texts, setTexts] = useState<Record<TextField, string>>({ bpRef: '', title: '', owner: '', commentary: '' });
  const [rag, setRag] = useState<'' | Rag>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    if (!line) return;
    setTexts({ bpRef: line.bpRef, title: line.title, owner: line.owner ?? '', commentary: line.commentary ?? '' });
    setRag(line.ragOverride?.rag ?? '');
    setReason(line.ragOverride?.reason ?? '');
    setError('');
  }, [line?.id, line?.bpRef, line?.title, line?.owner, line?.commentary, line?.ragOverride?.rag, line?.ragOverride?.reason]);

  if (!line) return null;

  const saveTexts = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      let t: SavingsTracker | null = null;
      for (const field of ['bpRef', 'title', 'owner', 'commentary'] as const) {
        const now = field === 'owner' || field === 'commentary' ? (line[field] ?? '') : line[field];
        if (texts[field] !== now) t = await send('savings.setText', { period: tracker.period, lineId: line.id, field, value: texts[field] });
      }
      if (t) onTracker(t, `Saved ${texts.title}.`);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const carry = async () => {
    setError('');
    try {
      onTracker(await send('savings.carryForward', { period: tracker.period, lineId: line.id }), `${line.title}: the unachieved amount is carried forward to next year's tracker.`);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const saveRag = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const t = await send('savings.overrideRag', { period: tracker.period, lineId: line.id, rag: rag || null, reason });
      onTracker(t, rag ? `${line.title}: RAG set to ${rag} (override).` : `${line.title}: the key's RAG stands again.`);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section className="savings-editor" aria-labelledby="savings-editor-title" data-testid="savings-editor">
      <h2 id="savings-editor-title">Edit a saving</h2>
      <div className="field">
        <label htmlFor="savings-line">Saving</label>
        <select id="savings-line" value={line.id} onChange={(e) => setLineId(e.target.value)} data-testid="savings-line">
          {tracker.groups.map((g) => (
            <optgroup key={g.directorate.id} label={`${g.number} ${g.directorate.name}`}>
              {g.rows.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.bpRef} · {r.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <p className="form-alert banner banner--error" role="alert" data-testid="savings-editor-error">
        {error}
      </p>
      <form onSubmit={saveTexts} className="savings-editor__form">
        {(
          [
            ['bpRef', 'BP Ref'],
            ['title', 'Title'],
            ['owner', 'Owner (the commissioner a return goes to)'],
          ] as const
        ).map(([field, label]) => (
          <div className="field" key={field}>
            <label htmlFor={`savings-${field}`}>{label}</label>
            <input id={`savings-${field}`} className="input" value={texts[field]} disabled={locked} onChange={(e) => setTexts({ ...texts, [field]: e.target.value })} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="savings-commentary">Commentary for publication</label>
          <textarea id="savings-commentary" className="input savings-editor__commentary" rows={4} value={texts.commentary} disabled={locked} onChange={(e) => setTexts({ ...texts, commentary: e.target.value })} />
        </div>
        <button type="submit" className="button" disabled={locked}>
          Save words
        </button>
      </form>
      <form onSubmit={saveRag} className="savings-editor__form" data-testid="savings-override">
        <p>
          The key gives <strong>{line.ruleRag ?? 'no RAG'}</strong>: {line.ragWhy}.
          {line.ragOverride ? (
            <>
              {' '}
              Shown as <strong>{line.ragOverride.rag} (override)</strong>, set by {line.ragOverride.by} on {line.ragOverride.at.slice(0, 10)}: {line.ragOverride.reason}
            </>
          ) : null}
        </p>
        <div className="field">
          <label htmlFor="savings-rag">RAG shown</label>
          <select id="savings-rag" value={rag} disabled={locked} onChange={(e) => setRag(e.target.value as '' | Rag)}>
            <option value="">The key&rsquo;s RAG ({line.ruleRag ?? 'none'})</option>
            {RAG_VALUES.map((r) => (
              <option key={r} value={r}>
                {r} (override)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="savings-reason">Reason for the override (required, shown with it)</label>
          <textarea id="savings-reason" className="input" rows={2} value={reason} disabled={locked || !rag} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={locked}>
          Save RAG
        </button>
      </form>
      {line.carriedFrom ? <p data-testid="savings-carried-from">Carried forward, unachieved, from an earlier year&rsquo;s saving.</p> : null}
      {line.variance !== null && line.variance > 0 ? (
        <p>
          <button type="button" className="button" disabled={locked} onClick={() => void carry()} data-testid="savings-carry">
            Carry the unachieved saving forward to next year
          </button>{' '}
          <span className="hint">It becomes a &ldquo;C/F&rdquo; line of next year&rsquo;s tracker, linked to this one.</span>
        </p>
      ) : null}
    </section>
  );
}
