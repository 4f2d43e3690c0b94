import type { RefObject } from 'react';
import type { ReturnsApplied } from '../../../shared/returns';

/** Returns taken back (or found applied already): what was done and the backup made first. */
export function ReturnsDone({ result, headingRef }: { result: ReturnsApplied; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const applied = result.state === 'applied';
  return (
    <section className={`import__section import-result import-result--${applied ? 'applied' : 'nothing-to-do'}`} aria-labelledby="import-result-title" data-testid="import-outcome" data-outcome={result.state}>
      <h2 id="import-result-title" tabIndex={-1} ref={headingRef}>
        {applied ? 'Returns taken back' : 'Nothing to take back'}
      </h2>
      <p className="import-result__message" data-testid="import-message">
        {result.message}
        {applied ? '.' : ''}
      </p>
      {result.leftOut ? <p data-testid="returns-left-out">The refused {result.leftOut === 1 ? 'file was' : 'files were'} left out: ask for a fresh return.</p> : null}
      {result.backup ? (
        <p data-testid="import-backup">
          The workspace was backed up first, as <span className="import-result__file">{result.backup.name}</span>. Undo takes the returns back out; restoring the backup puts the whole workspace back as it was.
        </p>
      ) : null}
      <p>The Returns page shows each return as applied.</p>
    </section>
  );
}
