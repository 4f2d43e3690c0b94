import { useCallback, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { RevenueTable } from '../../../../shared/areas/revenue/api';
import { afterNextPaint, messageOf, send } from '../../api/client';
import { SheetGrid } from '../../grid/SheetGrid';
import { SaveQueue } from '../../grid/saveQueue';
import type { CellRef } from '../../grid/types';
import type { SheetActions } from '../../grid/useSheetEditing';
import { revenueCellAddress } from './history';
import type { AppendixPlan } from '../../../../shared/areas/revenue/totals';
import { appendixBands, appendixColumns, gridRows, planOf, revenueCells, withCellValues, withSaved, type CellValue, type ShownRows } from './rows';

interface Props {
  table: RevenueTable;
  lock: string | null;
  invalid: CellRef | null;
  styleNonce: string | undefined;
  onTable: (update: (t: RevenueTable | null) => RevenueTable | null) => void;
  onSaved: () => void;
  onRefused: (message: string, cell: CellRef) => void;
  onReload: () => void;
}

/** Lines beyond which the grid scrolls inside its own box (virtualised rows) rather than the page. */
const SCROLL_ROWS = 200;

/** One directorate's Appendix 1 in the generic grid: lines typed, heading and directorate totals computed as the officer types. */
export function AppendixView({ table, lock, invalid, styleNonce, onTable, onSaved, onRefused, onReload }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const [saveQueue] = useState(() => new SaveQueue<CellValue[]>());
  // Keeps the previous plan's structure when only figures changed (an edit), so a long table is not re-planned per keystroke.
  const planRef = useRef<AppendixPlan | null>(null);
  const plan = useMemo(() => (planRef.current = planOf(table, planRef.current)), [table]);
  // The rows shown, so an edit remakes only the rows it changed (rows.ts, gridRows).
  const shownRef = useRef<ShownRows | null>(null);
  const { body, foot } = useMemo(() => (shownRef.current = gridRows(plan, table.settings.pctBaseAppendix1, shownRef.current)), [plan, table.settings.pctBaseAppendix1]);
  // Keyed on what the columns show, not on the objects: a save's answer brings an equal `previous`, and new
  // columns would re-measure and redraw every cell of a long table.
  const { source: previousSource, periodLabel: previousLabel } = table.previous;
  const columns = useMemo(() => appendixColumns(table), [previousSource, previousLabel]);
  const bands = useMemo(() => appendixBands(table), [table.directorate, table.periodLabel]);
  const historyOf = useCallback((cell: CellRef) => revenueCellAddress(table, cell), [table]);

  const save = useCallback(
    (cells: CellValue[], source: 'grid' | 'paste', done: string | null) => {
      const ref = { period: table.period, directorateId: table.directorate.id };
      // Drawn at once, inside the keystroke that committed the edit and before AG Grid moves the focus down:
      // the focus move then lays out the page with the new totals in it, rather than a second layout for
      // them afterwards (about 3 ms less per committed keystroke on a 5,000-line table, README Benchmarks).
      flushSync(() => onTable((t) => (t && t.period === ref.period && t.directorate.id === ref.directorateId ? withCellValues(t, cells) : t)));
      saveQueue.save(
        `${ref.period}/${ref.directorateId}`,
        cells,
        async () => {
          // The edit is on screen already (withCellValues): sending waits until its frame is drawn.
          await afterNextPaint();
          return send('revenue.setCells', { ...ref, cells, source });
        },
        (next, later) => {
          onTable((t) => (t && t.period === next.period && t.directorate.id === next.directorateId ? withSaved(t, next, later) : t));
          onSaved();
          if (done) setAnnouncement(done);
        },
        (err) => {
          onRefused(messageOf(err), { rowKey: cells[0]!.lineKey, colId: cells[0]!.field });
          onReload();
        },
      );
    },
    [table.period, table.directorate.id, saveQueue, onTable, onSaved, onRefused, onReload],
  );

  const actions = useMemo<SheetActions>(
    () => ({
      onCells: (changes, source, done) => {
        const cells = revenueCells(changes);
        if (cells.length) save(cells, source, done);
      },
      onRefused,
      onAnnounce: setAnnouncement,
    }),
    [save, onRefused],
  );

  return (
    <>
      {table.previous.source === 'reported' ? (
        <p className="revenue-note" data-testid="revenue-previous-note">
          The previous month&rsquo;s variance is shown as reported in the published FMR (in italics): the previous month is not held in this workspace.
        </p>
      ) : table.previous.source === 'computed' ? (
        <p className="revenue-note">The previous month&rsquo;s variance is {table.previous.periodLabel}&rsquo;s forecast variance, held in this workspace.</p>
      ) : null}
      <section className="grid-region" aria-label={`Appendix ${table.directorate.appendix} ${table.directorate.name}`} data-testid="revenue-grid">
        <SheetGrid
          key={`${table.period}/${table.directorate.id}`}
          columns={columns}
          bands={bands}
          body={body}
          foot={foot}
          lockedReason={lock}
          invalid={invalid}
          styleNonce={styleNonce}
          actions={actions}
          height={table.lines.length > SCROLL_ROWS ? '70vh' : undefined}
          historyOf={historyOf}
        />
      </section>
      <p className="visually-hidden" role="status" data-testid="revenue-announce">
        {announcement}
      </p>
    </>
  );
}
