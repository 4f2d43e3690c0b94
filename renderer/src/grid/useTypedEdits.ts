import { useCallback, useRef } from 'react';
import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { cellName, cellNumber, isEditable } from './cells';
import type { GridColumn, GridRow } from './types';
import type { SheetActions } from './useSheetEditing';
import { parseCell } from './units';

/** "Nursing · Current Average Unit Cost (per week): "£2,27l" is not an amount of money. Nothing was saved." */
export function typedRefusal(row: GridRow, column: GridColumn, text: string, reason: string): string {
  return `${cellName(row, column)}: "${text}" ${reason}. Nothing was saved.`;
}

/** Keys that end an edit and would move on: AG Grid commits on them. */
const committing = (e: KeyboardEvent) => (e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey && !e.altKey;

/**
 * Enter on valid input, when the cell below is in view: the focus goes straight to that cell, then the
 * edit is committed (AG Grid often commits it on the focus change already; then stopEditing does nothing).
 * AG Grid's own Enter would focus the edited cell first and then the one below: two focus changes, each
 * laying out the page, for one keystroke. The result is the same; anywhere else (the last row, a row out
 * of view, the totals) AG Grid's own Enter runs, which also scrolls. True when the focus was moved.
 */
function moveDownInView(p: SuppressKeyboardEventParams<GridRow>): boolean {
  const { api, node } = p;
  if (node.rowPinned || node.rowIndex === null) return false;
  const below = api.getDisplayedRowAtIndex(node.rowIndex + 1);
  if (!below || below.rowTop === null || below.rowHeight === null || below.rowHeight === undefined) return false;
  const view = api.getVerticalPixelRange();
  if (below.rowTop < view.top || below.rowTop + below.rowHeight > view.bottom) return false;
  api.setFocusedCell(node.rowIndex + 1, p.column);
  api.stopEditing();
  return true;
}

/**
 * What an officer types into a cell, checked in the column's unit. Input that does not parse stays in the
 * editor, as in Excel: Enter and Tab are held back from the grid while the text is refused, the message
 * quotes the text exactly as typed, and the officer corrects it in place. Valid input is saved as a
 * batch of one cell. (An edit that ends another way, such as a click elsewhere, is checked the same way
 * when the grid hands it over, and refused with the same message.)
 */
export function useTypedEdits(columns: readonly GridColumn[], locked: boolean, actions: SheetActions, suppressSheetKeys: (p: SuppressKeyboardEventParams<GridRow>) => boolean) {
  const state = useRef({ columns, locked, actions });
  state.current = { columns, locked, actions };

  /** Refuses the text in the cell's editor, if it does not parse, and says so; true when refused. */
  const refuse = useCallback((row: GridRow, column: GridColumn, text: string, input: HTMLInputElement | null): boolean => {
    const parsed = parseCell(column.unit!, text, column.unitOptions);
    if (parsed.ok) return false;
    input?.setAttribute('aria-invalid', 'true');
    input?.closest('.ag-cell')?.setAttribute('aria-invalid', 'true');
    state.current.actions.onRefused(typedRefusal(row, column, text, parsed.reason), { rowKey: row.key, colId: column.colId });
    return true;
  }, []);

  // One function for the grid's life (it sits in defaultColDef), reading the latest columns through the ref.
  const suppressKeyboardEvent = useCallback(
    (p: SuppressKeyboardEventParams<GridRow>): boolean => {
      if (!p.editing) return suppressSheetKeys(p);
      const e = p.event;
      if (e.type !== 'keydown' || !committing(e) || !p.data || !(e.target instanceof HTMLInputElement)) return false;
      const column = state.current.columns.find((c) => c.colId === p.column.getColId());
      if (!column?.unit || !isEditable(p.data, column, state.current.locked)) return false;
      if (refuse(p.data, column, e.target.value, e.target)) {
        e.preventDefault(); // Tab must not take the browser's focus out of the editor either
        return true;
      }
      if (e.key !== 'Enter' || e.shiftKey || !moveDownInView(p)) return false;
      e.preventDefault(); // the key is spent: no keypress follows it
      return true;
    },
    [refuse, suppressSheetKeys],
  );

  /**
   * The text a closed editor hands over. Called by the column's valueSetter, inside the keystroke that
   * committed it (AG Grid's cellEditRequest event arrives a task later, often after a frame has been
   * drawn): the page's optimistic update, and so the totals, are on their way before the next frame.
   */
  const onTypedValue = useCallback(
    (row: GridRow, colId: string, raw: unknown) => {
      const column = state.current.columns.find((c) => c.colId === colId);
      if (!column?.unit || !isEditable(row, column, state.current.locked)) return;
      const text = raw === null || raw === undefined ? '' : String(raw);
      if (refuse(row, column, text, null)) return;
      const parsed = parseCell(column.unit, text, column.unitOptions);
      if (parsed.ok && parsed.value !== cellNumber(row, column.colId)) state.current.actions.onCells([{ rowKey: row.key, colId: column.colId, value: parsed.value }], 'grid', null);
    },
    [refuse],
  );

  return { suppressKeyboardEvent, onTypedValue };
}
