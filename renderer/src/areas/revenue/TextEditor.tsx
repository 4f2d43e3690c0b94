import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  label: string;
  value: string;
  carried: boolean;
  lock: string | null;
  onSave: (body: string) => Promise<void>;
  testId?: string;
}

/**
 * A commentary or narrative text: one paragraph a line, a line starting "- " is a bullet (printed one
 * row each, so no merged cell clips it). The browser's spelling check is on.
 */
export function TextEditor({ label, value, carried, lock, onSave, testId }: Props) {
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => setDraft(value), [value]);
  const dirty = draft.trim() !== value.trim();

  const bullet = () => {
    const el = area.current;
    if (!el) return;
    const start = draft.lastIndexOf('\n', el.selectionStart - 1) + 1;
    const next = draft.startsWith('- ', start) ? draft.slice(0, start) + draft.slice(start + 2) : `${draft.slice(0, start)}- ${draft.slice(start)}`;
    setDraft(next);
  };

  return (
    <div className="revenue-editor" data-testid={testId}>
      <label htmlFor={id} className="revenue-editor__label">
        {label}
        {carried ? <span className="revenue-draft"> (draft carried forward from last month)</span> : null}
      </label>
      <div className="revenue-editor__tools">
        <button type="button" onClick={bullet} disabled={!!lock}>
          Bullet on/off
        </button>
        <span className="revenue-editor__hint">One paragraph a line; a line starting &ldquo;- &rdquo; is a bullet.</span>
      </div>
      <textarea id={id} ref={area} spellCheck lang="en-GB" rows={Math.min(14, Math.max(4, draft.split('\n').length + 2))} value={draft} readOnly={!!lock} onChange={(e) => setDraft(e.target.value)} />
      <div className="revenue-editor__actions">
        <button
          type="button"
          className="button--primary"
          disabled={!!lock || saving || (!dirty && !carried)}
          onClick={async () => {
            setSaving(true);
            try {
              await onSave(draft);
            } finally {
              setSaving(false);
            }
          }}
        >
          {carried && !dirty ? 'Keep this text' : 'Save'}
        </button>
      </div>
    </div>
  );
}
