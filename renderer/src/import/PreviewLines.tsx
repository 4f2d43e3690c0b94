import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/contract';
import { messageOf, send } from '../api/client';
import { formatCount } from './format';
import type { ImportStatus } from './flow';

type Table = ImportStatus['tables'][number];
type Line = Output<'import.lines'>[number];
type Filter = 'new' | 'changed' | 'unchanged' | 'all';

export const LINES_PER_PAGE = 50;

const FILTERS: readonly { id: Filter; name: string }[] = [
  { id: 'new', name: 'New' },
  { id: 'changed', name: 'Changed' },
  { id: 'unchanged', name: 'Unchanged' },
  { id: 'all', name: 'All' },
];

function countOf(t: Table, f: Filter): number {
  if (f === 'new') return t.newLines;
  if (f === 'changed') return t.changedLines;
  if (f === 'unchanged') return t.unchangedLines;
  return t.newLines + t.changedLines + t.unchangedLines;
}

/** Opens on what matters most: changed lines, else new ones, else everything. */
function firstFilter(t: Table): Filter {
  return t.changedLines ? 'changed' : t.newLines ? 'new' : 'all';
}

/** A blank cell is shown as "blank"; a line that does not exist yet has no old value at all ("—"). */
const shown = (v: string | null) => (v === null ? '—' : v === '' ? 'blank' : v);

interface Props {
  jobId: string;
  table: Table;
  id: string;
}

/** The lines of one previewed table, a page at a time from the main process (the preview is never held here whole). */
export function PreviewLines({ jobId, table, id }: Props) {
  const [filter, setFilter] = useState<Filter>(() => firstFilter(table));
  const [page, setPage] = useState(0);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [error, setError] = useState('');
  const total = countOf(table, filter);
  const from = page * LINES_PER_PAGE;

  useEffect(() => {
    let stale = false;
    setLines(null);
    send('import.lines', { jobId, tableId: table.tableId, status: filter, offset: from, limit: LINES_PER_PAGE }).then(
      (l) => {
        if (stale) return;
        setLines(l);
        setError('');
      },
      (err: unknown) => !stale && setError(messageOf(err)),
    );
    return () => {
      stale = true;
    };
  }, [jobId, table.tableId, filter, from]);

  const what = `${table.subjectName}, ${table.periodLabel}`;
  const range = total ? `${formatCount(from + 1)}–${formatCount(Math.min(total, from + LINES_PER_PAGE))} of ${formatCount(total)}` : 'none';
  return (
    <div className="import-lines" id={id} data-testid="import-lines">
      <div className="import-lines__filters" role="group" aria-label={`Which lines of ${what} to show`}>
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            className="import-lines__filter"
            aria-pressed={filter === f.id}
            data-testid={`import-lines-${f.id}`}
            onClick={() => {
              setFilter(f.id);
              setPage(0);
            }}
          >
            {f.name} ({formatCount(countOf(table, f.id))})
          </button>
        ))}
      </div>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {!lines && !error ? <p className="loading">Loading lines…</p> : null}
      {lines ? (
        <table className="import-table">
          <caption>
            {FILTERS.find((f) => f.id === filter)!.name} lines of {what}: {range}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Status</th>
              <th scope="col">What changes (column, cell: old → new)</th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 ? (
              <tr>
                <td colSpan={3}>No lines.</td>
              </tr>
            ) : null}
            {lines.map((l) => (
              <tr key={l.lineKey} data-testid="import-line" data-line-key={l.lineKey} data-status={l.status}>
                <th scope="row">
                  {l.label} {table.layout === 'records' ? null : <span className="import-lines__where">(row {l.row})</span>}
                </th>
                <td>{l.status}</td>
                <td>
                  {l.cells.length ? (
                    <ul className="import-lines__cells">
                      {l.cells.map((c) => (
                        <li key={c.field} data-testid="import-cell" data-field={c.field}>
                          {c.header}
                          {table.layout === 'records' ? '' : ` (${l.sheet}!${c.cell})`}: {shown(c.old)} → {shown(c.new)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    'No change'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {total > LINES_PER_PAGE ? (
        <div className="import__pager">
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous {LINES_PER_PAGE}
          </button>
          <button type="button" className="button" disabled={from + LINES_PER_PAGE >= total} onClick={() => setPage((p) => p + 1)}>
            Next {LINES_PER_PAGE}
          </button>
        </div>
      ) : null}
    </div>
  );
}
