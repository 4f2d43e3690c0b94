import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
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

function flag(el: HTMLElement, attr: string, on: boolean): void {
  if (on) el.setAttribute(attr, 'true');
  else el.removeAttribute(attr);
}

function setOrRemove(el: HTMLElement, attr: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(attr);
  else if (el.getAttribute(attr) !== value) el.setAttribute(attr, value);
}

/**
 * Names every cell "row label, column header, value" (blank says "blank"); a row label cell is named by
 * the label. The name goes on AG Grid's gridcell element itself: aria-label on a plain <span> is
 * prohibited by ARIA and axe flags it on empty cells. Greyed rows, refused input and the selection are
 * flagged on the same element. The c/f mark is drawn by CSS, so the cell's text stays the figure.
 *
 * A plain DOM renderer, not a React component: a long table scrolls through thousands of these, and a
 * React renderer per cell cost a frame's budget several times over (README, Benchmarks).
 */
export class SheetCell implements ICellRendererComp<GridRow> {
  private readonly gui = document.createElement('span');

  init(params: ICellRendererParams<GridRow> & SheetCellParams): void {
    this.paint(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow> & SheetCellParams): boolean {
    this.paint(params);
    return true;
  }

  private paint(params: ICellRendererParams<GridRow> & SheetCellParams): void {
    const { data, eGridCell, gridColumn } = params;
    const context = params.context as SheetContext | undefined;
    const colId = gridColumn.colId;
    const refused = context?.invalidRef.current;
    const text = data ? displayText(data, gridColumn) : '';
    const isLabel = gridColumn.kind === 'label';
    const name = !data ? '' : isLabel ? data.label : `${data.label}, ${gridColumn.spokenHeader}, ${spokenValue(data, gridColumn, text) || 'blank'}`;
    eGridCell.setAttribute('aria-label', name);
    flag(eGridCell, 'aria-disabled', !!data?.disabled);
    flag(eGridCell, 'aria-invalid', !!data && refused?.rowKey === data.key && refused.colId === colId);
    flag(eGridCell, 'aria-selected', !!context?.isSelected(data?.key, colId));

    const gui = this.gui;
    if (gridColumn.kind === 'dot') {
      const arrow = data ? arrowOf(data.values[colId]) : null;
      gui.className = arrow ? (gridColumn.arrowsMuted ? 'sheet-dot sheet-dot--muted' : 'sheet-dot') : '';
      setOrRemove(gui, 'title', arrow ? `Direction of travel ${spokenValue(data!, gridColumn, '')}` : undefined);
      setOrRemove(gui, 'aria-hidden', arrow ? 'true' : undefined);
      gui.textContent = arrow ? ARROW_GLYPHS[arrow] : '';
      return;
    }
    const note = text ? data?.notes?.[colId] : undefined;
    gui.className = note ? 'sheet-cell__text sheet-cell__text--noted' : 'sheet-cell__text';
    setOrRemove(gui, 'title', note);
    setOrRemove(gui, 'aria-hidden', isLabel ? undefined : 'true');
    if (gui.textContent !== text) gui.textContent = text;
  }
}
