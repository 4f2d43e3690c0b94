import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { CellClickedEvent, CellFocusedEvent, GridApi, SuppressKeyboardEventParams } from 'ag-grid-community';
import { sheetRows } from './cells';
import { copyText, parseTsv } from './clipboard';
import { planClear, planFillDown } from './fill';
import { planPaste } from './paste';
import { extendSelection, inRect, isArrowKey, isMultiCell, rectOf, single, sizeLabel, type Axes, type Rect, type Selection } from './selection';
import type { CellChange, CellRef, GridRow, Plan, Problem, Sheet } from './types';

export interface SheetActions {
  /** Cells to save as one undoable step; `done` is announced once saved (null for a single typed figure). */
  onCells: (cells: CellChange[], source: 'grid' | 'paste', done: string | null) => void;
  /** Refused input, paste, fill or clear: nothing is applied; the message names the cell and `cell` marks it. */
  onRefused: (message: string, cell: CellRef) => void;
  /** Said politely by the page's live region. */
  onAnnounce: (text: string) => void;
}

/** Every problem of a refused batch in one message, ending with what did not happen. */
export function problemsMessage(problems: readonly Problem[], what: 'pasted' | 'changed'): string {
  return `${problems.map((p) => p.message).join('; ')}. Nothing was ${what}.`;
}

/** True while the keystroke or clipboard event belongs to a text field (the cell editor), which handles its own. */
function inTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** The cell an event came from, read from AG Grid's DOM (row-id and col-id attributes). */
export function cellOfTarget(target: EventTarget | null): CellRef | null {
  if (!(target instanceof Element)) return null;
  const colId = target.closest('[col-id]')?.getAttribute('col-id');
  const rowKey = target.closest('[row-id]')?.getAttribute('row-id');
  return colId && rowKey ? { rowKey, colId } : null;
}

/**
 * aria-selected on the selected cells. Set here rather than by the cell renderer: a forced refresh redraws
 * the cells' classes but does not re-render a React renderer whose props did not change.
 */
function markSelected(host: HTMLElement | null, rect: Rect | null, axes: Axes): void {
  if (!host) return;
  const rowAt = indexOf(axes.rowKeys);
  const colAt = indexOf(axes.colIds);
  for (const el of host.querySelectorAll<HTMLElement>('.ag-cell[col-id]')) {
    const cell = cellOfTarget(el);
    const on = !!cell && !!rect && inRect(rect, rowAt.get(cell.rowKey) ?? -1, colAt.get(cell.colId) ?? -1);
    if (on) el.setAttribute('aria-selected', 'true');
    else el.removeAttribute('aria-selected');
  }
}

const sameCell = (a: CellRef, b: CellRef) => a.rowKey === b.rowKey && a.colId === b.colId;

/** Whether the grid's focused cell is still this one: a report AG Grid sends late may be out of date. */
function isFocusedNow(api: GridApi<GridRow>, rowIndex: number, rowPinned: string | null | undefined, colId: string): boolean {
  const focused = api.getFocusedCell();
  return !!focused && focused.rowIndex === rowIndex && (focused.rowPinned ?? null) === (rowPinned ?? null) && focused.column.getColId() === colId;
}

const indexOf = (keys: readonly string[]) => new Map(keys.map((k, i) => [k, i]));

/** The selected rectangle with its rows and columns indexed: read by every cell as it renders, so built once per selection and sheet. */
interface SelectedArea {
  sheet: Sheet;
  selection: Selection;
  rect: Rect | null;
  rowAt: Map<string, number>;
  colAt: Map<string, number>;
}

/** A character typed into a cell (a digit, a minus, a letter), which would start an edit in an editable grid. */
const isTypedCharacter = (e: KeyboardEvent) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;

const handledKey = (e: KeyboardEvent) =>
  (e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && isArrowKey(e.key)) ||
  ((e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey && !e.altKey) ||
  ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'd');

/** Keeps AG Grid's own handling (navigation, Delete clearing one cell) away from the keys the sheet handles. */
export function suppressSheetKeys(p: SuppressKeyboardEventParams<GridRow>): boolean {
  return !p.editing && handledKey(p.event);
}

/**
 * Excel-like editing over AG Grid Community: a rectangular selection (Shift+click, Shift+arrows, Esc),
 * paste of a block from Excel, Ctrl+D fill down, Ctrl+C copy of what is shown, Delete to clear. The
 * selection lives in a ref and the cells read it at render time, so moving it re-renders nothing but the
 * cells' classes.
 */
export function useSheetEditing(sheet: Sheet, lockedReason: string | null, hostRef: RefObject<HTMLElement | null>, actions: SheetActions) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  const lockRef = useRef(lockedReason);
  lockRef.current = lockedReason;
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const selectionRef = useRef<Selection | null>(null);
  const shiftPointer = useRef(false);
  const extending = useRef(false);

  // The row keys of a long table are listed once per sheet, not on every call: cells ask while they render.
  const axesCache = useRef<{ sheet: Sheet; axes: Axes } | null>(null);
  const axes = useCallback((): Axes => {
    const sheet = sheetRef.current;
    if (axesCache.current?.sheet !== sheet) axesCache.current = { sheet, axes: { rowKeys: sheetRows(sheet).map((r) => r.key), colIds: sheet.columns.map((c) => c.colId) } };
    return axesCache.current.axes;
  }, []);
  const areaCache = useRef<SelectedArea | null>(null);

  // A single cell is never a block: its rectangle needs no look-up of its row among thousands, which a
  // committed edit (new rows, so new axes) followed by the move down would otherwise pay for.
  const blockOf = useCallback((selection: Selection | null): Rect | null => (!selection || sameCell(selection.anchor, selection.end) ? null : rectOf(selection, axes())), [axes]);

  const setSelection = useCallback(
    (next: Selection | null, announce?: string) => {
      const before = blockOf(selectionRef.current);
      selectionRef.current = next;
      const after = blockOf(next);
      if (isMultiCell(before) || isMultiCell(after)) {
        apiRef.current?.refreshCells({ force: true });
        markSelected(hostRef.current, isMultiCell(after) ? after : null, axes());
      }
      if (announce !== undefined) actionsRef.current.onAnnounce(announce);
      else if (isMultiCell(after)) actionsRef.current.onAnnounce(sizeLabel(after));
    },
    [axes, blockOf, hostRef],
  );

  const isSelected = useCallback(
    (rowKey: string | undefined, colId: string) => {
      const selection = selectionRef.current;
      // One cell is never shown as selected (the focus ring marks it): the common case costs nothing.
      if (!rowKey || !selection || sameCell(selection.anchor, selection.end)) return false;
      let area = areaCache.current;
      if (area?.sheet !== sheetRef.current || area.selection !== selection) {
        const ax = axes();
        area = { sheet: sheetRef.current, selection, rect: rectOf(selection, ax), rowAt: indexOf(ax.rowKeys), colAt: indexOf(ax.colIds) };
        areaCache.current = area;
      }
      return isMultiCell(area.rect) && inRect(area.rect, area.rowAt.get(rowKey) ?? -1, area.colAt.get(colId) ?? -1);
    },
    [axes],
  );

  /** The selection, or the focused cell when nothing is selected, as a rectangle. */
  const currentRect = useCallback(
    (target: EventTarget | null) => {
      // Focus always sits on the selection's end, so an event from any other cell means the selection is stale.
      const fromDom = cellOfTarget(target);
      const current = selectionRef.current;
      if (fromDom && (!current || !sameCell(current.end, fromDom))) setSelection(single(fromDom), '');
      return rectOf(selectionRef.current, axes());
    },
    [axes, setSelection],
  );

  /**
   * Focus moved to a cell, by the grid (arrows, a click) or the browser (a screen reader, a script). A
   * Shift+click or a Shift+arrow extends the selection to it; anything else starts a new one there.
   */
  const focusCell = useCallback(
    (cell: CellRef, shiftClick: boolean) => {
      const current = selectionRef.current;
      if ((extending.current || shiftClick || shiftPointer.current) && current) {
        if (!sameCell(current.end, cell)) setSelection({ anchor: current.anchor, end: cell });
      } else if (!current || !sameCell(current.anchor, cell) || !sameCell(current.end, cell)) {
        setSelection(single(cell), '');
      }
    },
    [setSelection],
  );

  // AG Grid reports focus moves and clicks to the page a task later (its grid-option events go through a
  // timer). On a busy machine keys come first: a held Shift repeats its own keydown, which ends an
  // extension, and the late report of a cell the selection already reached then collapsed the selection.
  // So a report counts only while its cell is still the grid's focused cell; the focusin the browser sent
  // at the time of the move has already moved the selection to it.
  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridRow>) => {
      const colId = typeof e.column === 'string' ? e.column : e.column?.getColId();
      if (e.rowIndex === null || !colId || !isFocusedNow(e.api, e.rowIndex, e.rowPinned, colId)) return;
      const rows = e.rowPinned === 'bottom' ? sheetRef.current.foot : e.rowPinned ? [] : sheetRef.current.body;
      const row = rows[e.rowIndex];
      const current = selectionRef.current;
      if (!row || (current && sameCell(current.end, { rowKey: row.key, colId }))) return;
      focusCell({ rowKey: row.key, colId }, e.sourceEvent instanceof MouseEvent && e.sourceEvent.shiftKey);
    },
    [focusCell],
  );

  // A plain click on the selection's own end still collapses the selection to that cell, as in Excel.
  const onCellClicked = useCallback(
    (e: CellClickedEvent<GridRow>) => {
      const colId = e.column.getColId();
      if (e.data && e.rowIndex !== null && isFocusedNow(e.api, e.rowIndex, e.rowPinned, colId)) focusCell({ rowKey: e.data.key, colId }, e.event instanceof MouseEvent && e.event.shiftKey);
    },
    [focusCell],
  );

  const onCellEditingStarted = useCallback(() => {
    const selection = selectionRef.current;
    if (selection && isMultiCell(blockOf(selection))) setSelection(single(selection.end), '');
  }, [blockOf, setSelection]);

  const run = useCallback((plan: Plan, source: 'grid' | 'paste', what: 'pasted' | 'changed', done: (n: number) => string) => {
    if (!plan.ok) {
      const { rowKey, colId } = plan.problems[0]!;
      actionsRef.current.onRefused(problemsMessage(plan.problems, what), { rowKey, colId });
    } else if (plan.cells.length) actionsRef.current.onCells(plan.cells, source, done(plan.cells.length));
    else actionsRef.current.onAnnounce('Nothing to change');
  }, []);

  const refuseLocked = useCallback((target: EventTarget | null, what: 'pasted' | 'changed') => {
    const cell = cellOfTarget(target) ?? selectionRef.current?.anchor;
    const lock = lockRef.current;
    if (!lock || !cell) return false;
    actionsRef.current.onRefused(problemsMessage([{ ...cell, message: `This table is not editable: ${lock.replace(/\.$/, '')}` }], what), cell);
    return true;
  }, []);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // Capture phase, before the grid moves focus: a pointer or extension flag left over must not apply to this key.
    const onKeyDownFirst = () => {
      shiftPointer.current = false;
      extending.current = false;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (inTextField(e.target) || !cellOfTarget(e.target)) return;
      const api = apiRef.current;
      const rect = currentRect(e.target);
      if (!api || !rect) return;
      if (e.shiftKey && isArrowKey(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        const next = extendSelection(selectionRef.current!, e.key, axes());
        setSelection(next);
        // Focus follows the end, so the grid scrolls to it and a screen reader reads the cell reached.
        const s = sheetRef.current;
        const bodyIndex = s.body.findIndex((r) => r.key === next.end.rowKey);
        const footIndex = s.foot.findIndex((r) => r.key === next.end.rowKey);
        extending.current = true;
        if (bodyIndex >= 0) api.setFocusedCell(bodyIndex, next.end.colId);
        else if (footIndex >= 0) api.setFocusedCell(footIndex, next.end.colId, 'bottom');
      } else if (e.key === 'Escape' && isMultiCell(rect)) {
        setSelection(single(selectionRef.current!.end), 'Selection cleared');
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'd') {
        e.preventDefault();
        if (!refuseLocked(e.target, 'changed')) run(planFillDown(sheetRef.current, rect), 'grid', 'changed', (n) => `Filled down ${n} ${n === 1 ? 'cell' : 'cells'}`);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        if (!refuseLocked(e.target, 'changed')) run(planClear(sheetRef.current, rect), 'grid', 'changed', (n) => `Cleared ${n} ${n === 1 ? 'cell' : 'cells'}`);
      } else if (lockRef.current && isTypedCharacter(e)) {
        // A locked grid opens no editor, so typing would otherwise do nothing at all: say why, as Delete does.
        e.preventDefault();
        refuseLocked(e.target, 'changed');
      }
    };
    const onFocusIn = (e: FocusEvent) => {
      const cell = cellOfTarget(e.target);
      if (cell && !inTextField(e.target)) focusCell(cell, false);
    };
    const onMouseDown = (e: MouseEvent) => {
      shiftPointer.current = e.shiftKey;
      extending.current = false;
    };
    // Capture phase: a synthetic ClipboardEvent does not bubble unless asked to, and the grid must not see it first.
    const onPaste = (e: ClipboardEvent) => {
      if (inTextField(e.target)) return;
      const rect = currentRect(e.target);
      if (!rect) return;
      e.preventDefault();
      if (refuseLocked(e.target, 'pasted')) return;
      const block = parseTsv(e.clipboardData?.getData('text/plain') ?? '');
      run(planPaste(sheetRef.current, block, rect), 'paste', 'pasted', (n) => `Pasted ${n} ${n === 1 ? 'cell' : 'cells'}`);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (inTextField(e.target) || !e.clipboardData) return;
      const rect = currentRect(e.target);
      if (!rect) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', copyText(sheetRef.current, rect));
      actionsRef.current.onAnnounce(`Copied ${sizeLabel(rect).replace(/ selected$/, '')}`);
    };
    host.addEventListener('keydown', onKeyDownFirst, true);
    host.addEventListener('keydown', onKeyDown);
    // The grid focuses a cell on pointerdown, before mousedown: the Shift state must be known by then.
    host.addEventListener('pointerdown', onMouseDown, true);
    host.addEventListener('mousedown', onMouseDown, true);
    host.addEventListener('focusin', onFocusIn);
    host.addEventListener('paste', onPaste, true);
    host.addEventListener('copy', onCopy, true);
    return () => {
      host.removeEventListener('keydown', onKeyDownFirst, true);
      host.removeEventListener('keydown', onKeyDown);
      host.removeEventListener('pointerdown', onMouseDown, true);
      host.removeEventListener('mousedown', onMouseDown, true);
      host.removeEventListener('focusin', onFocusIn);
      host.removeEventListener('paste', onPaste, true);
      host.removeEventListener('copy', onCopy, true);
    };
  }, [hostRef, axes, currentRect, focusCell, refuseLocked, run, setSelection]);

  const context = useMemo(() => ({ isSelected }), [isSelected]);
  return { apiRef, context, onCellFocused, onCellClicked, onCellEditingStarted };
}
