import type { RefObject } from 'react';
import { formatCount, plural, splitProblem } from './format';
import type { ImportStatus } from './flow';

interface Props {
  status: ImportStatus;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** A refused (or unreadable) file: the message, then every problem the engine listed, each with its cell. */
export function Refused({ status, headingRef }: Props) {
  const failed = status.state === 'failed';
  const more = status.problemCount - status.problems.length;
  return (
    <section className="import__section import-result import-result--refused" aria-labelledby="import-result-title" data-testid="import-refused">
      <div role="alert">
        <h2 id="import-result-title" tabIndex={-1} ref={headingRef}>
          {failed ? 'Import failed' : 'Import refused'}
        </h2>
        <p className="import-result__message" data-testid="import-message">
          {status.message}
        </p>
      </div>
      {status.problems.length ? (
        <>
          <table className="import-table import-problems" data-testid="import-problems">
            <caption>
              {status.problemCount === status.problems.length
                ? `${plural(status.problemCount, 'problem')} to fix in the file`
                : `The first ${formatCount(status.problems.length)} of ${plural(status.problemCount, 'problem')} to fix in the file`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Value found</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {status.problems.map((text, i) => {
                const p = splitProblem(text);
                return (
                  // The full sentence rides along for tests and for copying into an e-mail.
                  <tr key={i} data-testid="import-problem" data-problem={text}>
                    <th scope="row">{p.where}</th>
                    <td>{p.value === null ? '' : <q>{p.value}</q>}</td>
                    <td>{p.reason.charAt(0).toUpperCase() + p.reason.slice(1)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {more > 0 ? (
            <p className="import-problems__more" data-testid="import-problems-more">
              … and {formatCount(more)} more
            </p>
          ) : null}
        </>
      ) : null}
      <p>Fix the file and import it again, or choose another file below.</p>
    </section>
  );
}
