import type { RefObject } from 'react';
import type { Resolution, ReturnCell, ReturnPreview, ReturnsBatch } from '../../../shared/returns';
import { plural } from './format';

interface Props {
  batch: ReturnsBatch;
  resolutions: Readonly<Record<string, Resolution>>;
  applying: boolean;
  error: string | null;
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onResolve: (tokens: readonly string[], resolution: Resolution) => void;
  onApply: () => void;
  onCancel: () => void;
}

const WHAT: Record<ReturnCell['kind'], string> = {
  change: 'Taken as returned',
  already: 'Outturn holds it already',
  conflict: 'Conflict: changed in Outturn since the return was issued',
};

function ConflictChoice({ cell, owner, chosen, disabled, onResolve }: { cell: ReturnCell; owner: string; chosen: Resolution | undefined; disabled: boolean; onResolve: Props['onResolve'] }) {
  const name = `resolve-${cell.token}`;
  return (
    <fieldset className="returns-choice" data-testid="returns-conflict" data-token={cell.token}>
      <legend>{WHAT.conflict}</legend>
      <label>
        <input type="radio" name={name} value="mine" checked={chosen === 'mine'} disabled={disabled} data-testid="returns-keep-mine" onChange={() => onResolve([cell.token], 'mine')} /> Keep mine ({cell.current})
      </label>
      <label>
        <input type="radio" name={name} value="theirs" checked={chosen === 'theirs'} disabled={disabled} data-testid="returns-take-theirs" onChange={() => onResolve([cell.token], 'theirs')} /> Take {owner}&rsquo;s ({cell.returned})
      </label>
    </fieldset>
  );
}

function ReturnTable({ r, resolutions, disabled, onResolve }: { r: ReturnPreview; resolutions: Props['resolutions']; disabled: boolean; onResolve: Props['onResolve'] }) {
  const who = r.owner ? `${r.owner}: ${r.areaName}, ${r.periodLabel}` : 'not a return this workspace can take back';
  if (r.state !== 'received') {
    return (
      <div className={`returns-file returns-file--${r.state}`} data-testid="returns-file" data-state={r.state} data-file={r.fileName}>
        <h3>
          {r.fileName} <span className="returns-file__who">({who})</span>
        </h3>
        <p data-testid="returns-reason">
          <strong>{r.state === 'refused' ? 'Refused:' : 'Nothing to do:'}</strong> {r.fileName} {r.reason}.
        </p>
      </div>
    );
  }
  return (
    <div className="returns-file" data-testid="returns-file" data-state={r.state} data-file={r.fileName}>
      <table className="import-table returns-cells">
        <caption>
          {r.fileName} ({who}): {r.cells.length ? plural(r.cells.length, 'changed cell') : 'returned unchanged'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Owner</th>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">When issued</th>
            <th scope="col">In the return</th>
            <th scope="col">In Outturn now</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {r.cells.map((c) => (
            <tr key={c.token} data-testid="returns-cell" data-kind={c.kind} data-token={c.token}>
              <td>{r.owner}</td>
              <th scope="row">{c.label}</th>
              <td>{c.header}</td>
              <td>{c.issued}</td>
              <td>{c.returned}</td>
              <td>{c.current}</td>
              <td>{c.kind === 'conflict' ? <ConflictChoice cell={c} owner={r.owner ?? 'the owner'} chosen={resolutions[c.token]} disabled={disabled} onResolve={onResolve} /> : WHAT[c.kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Several returned workbooks previewed together, as `outturn import` lists them: per cell the value when
 * the return was issued, in the return and in Outturn now; each conflict resolved explicitly (keep mine
 * or take theirs, one by one or all at once); refused files with their reason. Nothing is written until
 * Apply, which takes every return back in one audited, undoable step.
 */
export function ReturnsPreviewSection({ batch, resolutions, applying, error, lock, headingRef, onResolve, onApply, onCancel }: Props) {
  const received = batch.returns.filter((r) => r.state === 'received');
  const conflicts = received.flatMap((r) => r.cells.filter((c) => c.kind === 'conflict').map((c) => c.token));
  const open = conflicts.filter((t) => !resolutions[t]).length;
  const leftOut = batch.refused;
  const applyLabel = applying ? 'Taking back…' : `Apply ${plural(received.length, 'return')}${leftOut ? `, leaving out ${plural(leftOut, 'refused file')}` : ''}`;
  return (
    <section className="import__section import-result" aria-labelledby="import-result-title" data-testid="returns-preview">
      <h2 id="import-result-title" tabIndex={-1} ref={headingRef}>
        Preview of {plural(batch.returns.length, 'return')}
      </h2>
      <p data-testid="returns-summary">
        Nothing has changed yet. {plural(batch.changes, 'change')}, {plural(batch.conflicts, 'conflict')} to resolve, {plural(batch.refused, 'file')} refused.
      </p>
      {batch.returns.map((r) => (
        <ReturnTable key={`${r.fileName}:${r.sha256}`} r={r} resolutions={resolutions} disabled={applying || lock !== null} onResolve={onResolve} />
      ))}
      {conflicts.length ? (
        <div className="import__actions" role="group" aria-label="Resolve every conflict">
          <button type="button" className="button" data-testid="returns-all-mine" disabled={applying} onClick={() => onResolve(conflicts, 'mine')}>
            Keep mine for every conflict
          </button>
          <button type="button" className="button" data-testid="returns-all-theirs" disabled={applying} onClick={() => onResolve(conflicts, 'theirs')}>
            Take the returned value for every conflict
          </button>
          <span data-testid="returns-open-conflicts">{open ? `${plural(open, 'conflict')} still to resolve.` : 'Every conflict is resolved.'}</span>
        </div>
      ) : null}
      {lock ? (
        <p className="banner banner--readonly">
          <strong>Cannot be applied.</strong> {lock}
        </p>
      ) : null}
      <p className="form-alert" role="alert" data-testid="returns-apply-alert">
        {error ?? ''}
      </p>
      <div className="import__actions">
        <button type="button" className="button button--primary" data-testid="returns-apply" disabled={applying || lock !== null || open > 0 || !received.length} onClick={onApply}>
          {applyLabel}
        </button>
        {open > 0 ? (
          <button type="button" className="button" data-testid="returns-record" disabled={applying || lock !== null} onClick={onApply}>
            Record as returned, resolve later
          </button>
        ) : null}
        <button type="button" className="button" data-testid="returns-cancel" disabled={applying} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
