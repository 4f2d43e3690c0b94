import { useState, type RefObject } from 'react';
import { ApplyDialog } from './ApplyDialog';
import { formatCount, plural } from './format';
import type { ImportStatus } from './flow';
import { PreviewLines } from './PreviewLines';
import { newMonthSentences } from '../../../shared/import/new-months';

type Table = ImportStatus['tables'][number];

/** A large file holds thousands of tables: the summary is paged too. */
const TABLES_PER_PAGE = 50;

interface Props {
  status: ImportStatus;
  applying: boolean;
  cancelling: boolean;
  error: string | null;
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onApply: () => void;
  onCancel: () => void;
}

function sum(tables: readonly Table[], pick: (t: Table) => number): number {
  return tables.reduce((n, t) => n + pick(t), 0);
}

/** "Service" when every table is of a service (as the area names what its tables are of), else "Table". */
function subjectHeader(tables: readonly Table[]): string {
  const nouns = [...new Set(tables.map((t) => t.subjectNoun))];
  return nouns.length === 1 && nouns[0] ? nouns[0].charAt(0).toUpperCase() + nouns[0].slice(1) : 'Table';
}

/** What applying would do, in sentences, for the page and the confirm dialog. */
export function summarise(tables: readonly Table[]): string[] {
  const out = [
    `${plural(tables.length, 'table')}: ${plural(sum(tables, (t) => t.newLines), 'new line')}, ${plural(sum(tables, (t) => t.changedLines), 'changed line')} (${plural(sum(tables, (t) => t.changedCells), 'changed figure')}) and ${plural(sum(tables, (t) => t.unchangedLines), 'unchanged line')}.`,
  ];
  out.push(...newMonthSentences(tables));
  const added = tables.filter((t) => t.newSubject);
  for (const noun of [...new Set(added.map((t) => t.subjectNoun))]) {
    const names = [...new Set(added.filter((t) => t.subjectNoun === noun).map((t) => t.subjectName))];
    out.push(`Adds the ${noun}${names.length === 1 ? '' : 's'} ${names.join(', ')}.`);
  }
  return out;
}

export function Preview({ status, applying, cancelling, error, lock, headingRef, onApply, onCancel }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const tables = status.tables;
  const shown = tables.slice(page * TABLES_PER_PAGE, (page + 1) * TABLES_PER_PAGE);
  const summary = summarise(tables);
  const busy = applying || cancelling;

  return (
    <section className="import__section import-result" aria-labelledby="import-result-title" data-testid="import-preview">
      <h2 id="import-result-title" tabIndex={-1} ref={headingRef}>
        Preview of {status.fileName}
      </h2>
      <p>
        Nothing has changed yet. {formatCount(status.rowsRead)} rows read. Check what would change, then apply the import or cancel it.
      </p>
      {summary.map((s) => (
        <p key={s} className="import-preview__summary" data-testid="import-summary">
          {s}
        </p>
      ))}
      {status.notes.length ? (
        <section className="import-notes" aria-labelledby="import-notes-title" data-testid="import-notes">
          <h3 id="import-notes-title">Worth knowing ({plural(status.notes.length, 'note')}; none stops the import)</h3>
          <ul>
            {status.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <table className="import-table import-tables">
        <caption>Tables found in {status.fileName}</caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">{subjectHeader(tables)}</th>
            <th scope="col">Month</th>
            <th scope="col">New lines</th>
            <th scope="col">Changed lines</th>
            <th scope="col">Unchanged lines</th>
            <th scope="col">Reported figures</th>
            <th scope="col">Lines</th>
          </tr>
        </thead>
        <tbody>
          {shown.flatMap((t) => {
            const expanded = open === t.tableId;
            const linesId = `import-lines-${t.tableId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
            const row = (
              <tr key={t.tableId} data-testid="import-table" data-table-id={t.tableId} data-subject-id={t.subjectId} data-period={t.period}>
                {/* Figures worked out from records (an extract) come from the whole file, not one place in it. */}
                <th scope="row">{t.layout === 'records' ? 'whole file' : `${t.sheet}!A${t.row}`}</th>
                <td>
                  {t.subjectName} {t.newSubject ? <span className="import-badge">new {t.subjectNoun}</span> : null}
                </td>
                <td>
                  {t.periodLabel} {t.newMonth ? <span className="import-badge">new month</span> : null}
                </td>
                <td className="import-table__number">{formatCount(t.newLines)}</td>
                <td className="import-table__number">
                  {formatCount(t.changedLines)}
                  {t.changedCells ? <span className="import-table__cells"> ({plural(t.changedCells, 'figure')})</span> : null}
                </td>
                <td className="import-table__number">{formatCount(t.unchangedLines)}</td>
                <td className="import-table__number">{formatCount(t.reportedValues)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={expanded}
                    aria-controls={expanded ? linesId : undefined}
                    data-testid="import-table-toggle"
                    onClick={() => setOpen(expanded ? null : t.tableId)}
                  >
                    {expanded ? 'Hide lines' : 'Show lines'}
                    <span className="visually-hidden">
                      {' '}
                      of {t.subjectName}, {t.periodLabel}
                    </span>
                  </button>
                </td>
              </tr>
            );
            if (!expanded) return [row];
            return [
              row,
              <tr key={`${t.tableId}-lines`} className="import-tables__lines">
                <td colSpan={8}>
                  <PreviewLines jobId={status.jobId} table={t} id={linesId} />
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
      {tables.length > TABLES_PER_PAGE ? (
        <div className="import__pager">
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous tables
          </button>
          <span>
            Tables {formatCount(page * TABLES_PER_PAGE + 1)}–{formatCount(Math.min(tables.length, (page + 1) * TABLES_PER_PAGE))} of {formatCount(tables.length)}
          </span>
          <button type="button" className="button" disabled={(page + 1) * TABLES_PER_PAGE >= tables.length} onClick={() => setPage((p) => p + 1)}>
            Next tables
          </button>
        </div>
      ) : null}
      {lock ? (
        <p className="banner banner--readonly">
          <strong>Cannot be applied.</strong> {lock}
        </p>
      ) : null}
      <p className="form-alert" role="alert" data-testid="import-apply-alert">
        {error ?? ''}
      </p>
      <div className="import__actions">
        <button type="button" className="button button--primary" data-testid="import-apply" disabled={busy || lock !== null} onClick={() => setConfirming(true)}>
          {applying ? 'Importing…' : 'Apply import…'}
        </button>
        <button type="button" className="button" data-testid="import-cancel" disabled={busy} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
      <ApplyDialog
        open={confirming}
        fileName={status.fileName}
        summary={summary}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onApply();
        }}
      />
    </section>
  );
}
