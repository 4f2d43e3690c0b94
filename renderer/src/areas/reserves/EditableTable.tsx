import { useMemo, useState } from 'react';
import { SheetGrid } from '../../grid/SheetGrid';
import type { CellChange, CellRef, GridBand, GridColumn, GridRow } from '../../grid/types';
import type { SheetActions } from '../../grid/useSheetEditing';

interface Props {
  label: string;
  columns: readonly GridColumn[];
  bands: readonly GridBand[];
  body: readonly GridRow[];
  foot: readonly GridRow[];
  lock: string | null;
  invalid: CellRef | null;
  styleNonce: string | undefined;
  /** Typed, pasted or filled figures: one step for the page to save. */
  onCells: (cells: CellChange[], source: 'grid' | 'paste') => void;
  onRefused: (message: string, cell: CellRef) => void;
}

/** One of the technical note's tables in the generic grid, its figures typed or pasted as in Excel. */
export function EditableTable({ label, columns, bands, body, foot, lock, invalid, styleNonce, onCells, onRefused }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const actions = useMemo<SheetActions>(
    () => ({
      onCells: (cells, source, done) => {
        onCells(cells, source);
        if (done) setAnnouncement(done);
      },
      onRefused,
      onAnnounce: setAnnouncement,
    }),
    [onCells, onRefused],
  );
  return (
    <section className="grid-region" aria-label={label}>
      <SheetGrid columns={columns} bands={bands} body={body} foot={foot} lockedReason={lock} invalid={invalid} styleNonce={styleNonce} actions={actions} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
