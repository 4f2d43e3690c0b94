import { useLayoutEffect } from 'react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { ARROW_GLYPHS, ARROW_WORDS, arrowOf } from './arrows';
import { displayText, isCarried } from './cells';
import type { CellRef, GridColumn, GridRow } from './types';

/** Grid context: where the refused cell is and what is selected, read at render time. */
export interface SheetContext {
  invalidRef: { current: CellRef | null };
  isSelected: (rowKey: string | undefined, colId: string) => boolean;
}

export interface SheetCellParams {
  gridColumn: GridColumn;
}

export const CARRIED_NOTE = 'carried forward, not yet updated';

/** What a screen reader hears for the value: "up, compared with August 2023", "£2,271, carried forward…". */
function spokenValue(row: GridRow, column: GridColumn, text: string): string {
  if (column.kind === 'dot') {
    const arrow = arrowOf(row.values[column.colId]);
    return arrow ? [ARROW_WORDS[arrow], column.arrowNote].filter(Boolean).join(', ') : '';
  }
  const note = text ? row.notes?.[column.colId] : undefined;
  return [text, text && isCarried(row, column.colId) ? CARRIED_NOTE : '', note ?? ''].filter(Boolean).join(', ');
}

/**
 * Names every cell "row label, column header, value" (blank says "blank"); a row label cell is named by
 * the label. The name goes on AG Grid's gridcell element itself: aria-label on a plain <span> is
 * prohibited by ARIA and axe flags it on empty cells. Greyed rows, refused input and the selection are
 * flagged on the same element. The c/f mark is drawn by CSS, so the cell's text stays the figure.
 */
export function SheetCell(props: CustomCellRendererProps<GridRow, unknown> & SheetCellParams) {
  const { data, eGridCell, gridColumn } = props;
  const context = props.context as SheetContext | undefined;
  const colId = gridColumn.colId;
  const refused = context?.invalidRef.current;
  const invalid = !!data && refused?.rowKey === data.key && refused.colId === colId;
  const selected = !!context?.isSelected(data?.key, colId);
  const text = data ? displayText(data, gridColumn) : '';
  const isLabel = gridColumn.kind === 'label';
  const name = !data ? '' : isLabel ? data.label : `${data.label}, ${gridColumn.spokenHeader}, ${spokenValue(data, gridColumn, text) || 'blank'}`;
  const disabled = !!data?.disabled;

  useLayoutEffect(() => {
    eGridCell.setAttribute('aria-label', name);
    const flag = (attr: string, on: boolean) => (on ? eGridCell.setAttribute(attr, 'true') : eGridCell.removeAttribute(attr));
    flag('aria-disabled', disabled);
    flag('aria-invalid', invalid);
    flag('aria-selected', selected);
  }, [eGridCell, name, disabled, invalid, selected]);

  if (gridColumn.kind === 'dot') {
    const arrow = data ? arrowOf(data.values[colId]) : null;
    if (!arrow) return null;
    return (
      <span className={gridColumn.arrowsMuted ? 'sheet-dot sheet-dot--muted' : 'sheet-dot'} title={`Direction of travel ${spokenValue(data!, gridColumn, '')}`} aria-hidden="true">
        {ARROW_GLYPHS[arrow]}
      </span>
    );
  }
  const note = text ? data?.notes?.[colId] : undefined;
  return (
    <span className={note ? 'sheet-cell__text sheet-cell__text--noted' : 'sheet-cell__text'} title={note} aria-hidden={isLabel ? undefined : 'true'}>
      {text}
    </span>
  );
}
