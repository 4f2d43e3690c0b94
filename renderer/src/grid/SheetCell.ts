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
  /** The cell's classes for its row (columnDefs.ts): applied here, each changed only when it differs. */
  classesOf: (row: GridRow | undefined) => readonly string[];
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

/** The classes this renderer last gave each cell element, which AG Grid keeps while renderers come and go (an edit). */
const applied = new WeakMap<HTMLElement, readonly string[]>();

/**
 * Takes off the classes no longer wanted and adds the new ones; an unchanged class is not touched, so the
 * cell is not styled again. An entry may hold several classes separated by spaces (a word's class and
 * its colour's), as AG Grid's own cellClass allowed.
 */
export function applyClasses(el: HTMLElement, asked: readonly string[]): void {
  const wanted = asked.flatMap((c) => c.split(/\s+/)).filter(Boolean);
  const before = applied.get(el) ?? [];
  for (const c of before) if (!wanted.includes(c)) el.classList.remove(c);
  for (const c of wanted) if (!before.includes(c)) el.classList.add(c);
  applied.set(el, wanted);
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
 * React renderer per cell cost a frame's budget several times over (README, Benchmarks). For the same
 * reason a figure or label is written straight into the cell, with no element of its own: each element
 * drawn costs style, layout and paint in every scrolled frame. Only a direction arrow and a figure with a
 * note (its corner mark and tooltip) get a box. The renderer writes into AG Grid's `eParentOfValue` and
 * gives AG Grid no element to insert; AG Grid clears that same element when an editor opens.
 */
export class SheetCell implements ICellRendererComp<GridRow> {
  private box: HTMLSpanElement | null = null;

  init(params: ICellRendererParams<GridRow> & SheetCellParams): void {
    this.paint(params);
  }

  getGui(): HTMLElement {
    // AG Grid inserts a renderer's element only when there is one; this renderer has written the cell.
    return null as unknown as HTMLElement;
  }

  refresh(params: ICellRendererParams<GridRow> & SheetCellParams): boolean {
    this.paint(params);
    return true;
  }

  private paint(params: ICellRendererParams<GridRow> & SheetCellParams): void {
    const { data, eGridCell, eParentOfValue, gridColumn } = params;
    const context = params.context as SheetContext | undefined;
    const colId = gridColumn.colId;
    const refused = context?.invalidRef.current;
    const text = data ? displayText(data, gridColumn) : '';
    const isLabel = gridColumn.kind === 'label';
    const name = !data ? '' : isLabel ? data.label : `${data.label}, ${gridColumn.spokenHeader}, ${spokenValue(data, gridColumn, text) || 'blank'}`;
    applyClasses(eGridCell, params.classesOf(data));
    eGridCell.setAttribute('aria-label', name);
    flag(eGridCell, 'aria-disabled', !!data?.disabled);
    flag(eGridCell, 'aria-invalid', !!data && refused?.rowKey === data.key && refused.colId === colId);
    flag(eGridCell, 'aria-selected', !!context?.isSelected(data?.key, colId));

    if (gridColumn.kind === 'dot') {
      const arrow = data ? arrowOf(data.values[colId]) : null;
      if (!arrow) return this.write(eParentOfValue, '');
      const box = this.boxIn(eParentOfValue);
      box.className = gridColumn.arrowsMuted ? 'sheet-dot sheet-dot--muted' : 'sheet-dot';
      setOrRemove(box, 'title', `Direction of travel ${spokenValue(data!, gridColumn, '')}`);
      box.setAttribute('aria-hidden', 'true');
      if (box.textContent !== ARROW_GLYPHS[arrow]) box.textContent = ARROW_GLYPHS[arrow];
      return;
    }
    const note = text ? data?.notes?.[colId] : undefined;
    if (!note) return this.write(eParentOfValue, text);
    const box = this.boxIn(eParentOfValue);
    box.className = 'sheet-cell__noted';
    setOrRemove(box, 'title', note);
    box.setAttribute('aria-hidden', 'true');
    if (box.textContent !== text) box.textContent = text;
  }

  /** The cell's own text, in place of a box drawn before. */
  private write(parent: HTMLElement, text: string): void {
    if (this.box?.parentNode === parent || parent.textContent !== text) parent.textContent = text;
  }

  /** The one box this cell shows, made the first time it is needed. */
  private boxIn(parent: HTMLElement): HTMLSpanElement {
    const box = (this.box ??= document.createElement('span'));
    if (box.parentNode !== parent || parent.childNodes.length !== 1) parent.replaceChildren(box);
    return box;
  }
}
