import type { Target } from '../../../shared/area';
import { sharedArea } from '../../../shared/areas';
import type { RefObject } from 'react';
import type { ImportStatus } from './flow';

type Table = ImportStatus['tables'][number];

interface Props {
  /** Which end the import came to. */
  kind: 'applied' | 'nothing-to-do' | 'cancelled' | 'error';
  fileName: string;
  message: string;
  status: ImportStatus | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onOpen: (target: Target) => void;
}

const HEADINGS: Record<Props['kind'], (file: string) => string> = {
  applied: (f) => `Imported ${f}`,
  'nothing-to-do': () => 'Nothing to import',
  cancelled: () => 'Import cancelled',
  error: (f) => `The import of ${f} stopped`,
};

/** One entry per imported month, opening that month at its first imported table. */
function monthsOf(tables: readonly Table[]): Table[] {
  const seen = new Map<string, Table>();
  for (const t of tables) if (!seen.has(t.period)) seen.set(t.period, t);
  return [...seen.values()];
}

export function Outcome({ kind, fileName, message, status, headingRef, onOpen }: Props) {
  const backup = status?.backup ?? null;
  const months = kind === 'applied' && status ? monthsOf(status.tables) : [];
  return (
    <section className={`import__section import-result import-result--${kind}`} aria-labelledby="import-result-title" data-testid="import-outcome" data-outcome={kind}>
      <h2 id="import-result-title" tabIndex={-1} ref={headingRef}>
        {HEADINGS[kind](fileName)}
      </h2>
      <p className="import-result__message" data-testid="import-message">
        {message}
      </p>
      {backup ? (
        <p data-testid="import-backup">
          The workspace was backed up first, as <span className="import-result__file">{backup.name}</span>. Restoring it from Backups puts the workspace back as it was before this import.
        </p>
      ) : null}
      {months.length ? (
        <ul className="import-result__open">
          {months.slice(0, 24).map((t) => (
            <li key={t.period}>
              <button type="button" className="button" data-testid="import-open" data-period={t.period} onClick={() => onOpen(t.target)}>
                Open {sharedArea(t.area)?.name ?? 'the figures'} for {t.periodLabel}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
