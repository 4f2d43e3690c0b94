import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createGrid, RowApiModule, RowAutoHeightModule, ScrollApiModule, TooltipModule, type ColDef, type GetRowIdParams, type GridApi, type GridOptions, type IRowNode, type RowClassParams, type RowClassRules } from 'ag-grid-community';
import { columnDefs } from './columnDefs';
import { changedPlaces, stateChanged } from './rowUpdates';
import { gridMetrics, gridTheme } from './setup';
import type { SheetContext } from './SheetCell';
import { canvasMeasure } from './canvasMeasure';
import { columnWidths, measureContent, scrollsSideways, widerContent, type ContentWidths } from './sizing';
import type { CellRef, GridBand, GridColumn, GridRow } from './types';
import { useCellHistory, type HistoryOf } from './useCellHistory';
import { suppressSheetKeys, useSheetEditing, type SheetActions } from './useSheetEditing';
import { useTypedEdits } from './useTypedEdits';
import './grid.css';

interface Props {
  columns: readonly GridColumn[];
  bands: readonly GridBand[];
  /** The scrolling rows, and the pinned foot (subtotals, totals: computed by the area, never typed). */
  body: readonly GridRow[];
  foot: readonly GridRow[];
  /** Why the table cannot be edited, or null. */
  lockedReason: string | null;
  /** The refused cell, outlined in red until the next save. */
  invalid: CellRef | null;
  styleNonce: string | undefined;
  actions: SheetActions;
  onApi?: (api: GridApi<GridRow> | null) => void;
  /**
   * A fixed height (CSS length) for a long table: the grid then scrolls inside its own box and renders
   * only the rows in view. Without it the grid is as tall as its rows and the page scrolls.
   */
  height?: string;
  /** Where each cell's figure is kept, so a right-click or Ctrl+Shift+H shows its history; none when not given. */
  historyOf?: HistoryOf;
}

// Rules, not getRowClass: rules are re-evaluated when a row's data changes (an undo can grey a line).
const rowClassRules: RowClassRules<GridRow> = { 'sheet-row--disabled': (p) => !!p.data?.disabled };
// A row's kind never changes for its key, so its class is set once: sheet-row--group, --subtotal, …
const getRowClass = (p: RowClassParams<GridRow>) => (p.data ? `sheet-row--${p.data.kind}` : undefined);
const getRowId = (p: GetRowIdParams<GridRow>) => p.data.key;

// Registered for this grid only: headers can explain themselves as a browser tooltip, a wrapping text
// column (GridColumn.wrapWidth) grows its rows to the text, an edit updates its rows' nodes, and Enter
// can tell whether the row below is in view (useTypedEdits).
const GRID_MODULES = [TooltipModule, RowAutoHeightModule, RowApiModule, ScrollApiModule];

/**
 * A spreadsheet grid over AG Grid Community, driven by column definitions and rows that name no area:
 * Excel-like keyboard editing, block selection, copy, paste, fill and clear (each batch one undoable step
 * for the page to save), input checked per unit, columns as wide as their content, the row labels pinned
 * while the grid scrolls sideways by itself.
 */
export function SheetGrid({
  columns,
  bands,
  body,
  foot,
  lockedReason,
  invalid,
  styleNonce,
  actions,
  onApi,
  height,
  historyOf,
}: Props) {
  const locked = lockedReason !== null;
  const hostRef = useRef<HTMLDivElement>(null);
  const invalidRef = useRef<CellRef | null>(invalid);
  invalidRef.current = invalid;

  const sheet = useMemo(() => ({ body, foot, columns, locked }), [body, foot, columns, locked]);
  const editing = useSheetEditing(sheet, lockedReason, hostRef, actions);
  const { apiRef, context: sheetContext } = editing;
  const typed = useTypedEdits(columns, locked, actions, suppressSheetKeys);
  // Outside the grid's element: its keys, copy and paste belong to the panel, not to the sheet.
  const history = useCellHistory(hostRef, sheet, historyOf, actions.onAnnounce);

  const measure = useMemo(() => canvasMeasure(), []);
  // Measured again only where an edit changed a row (sizing.ts, measureContent); the body and the foot
  // apart, so an edit compares neither with a fresh copy of the two joined.
  // The widths are worked out again only when a column's widest text changed, which an edit rarely does.
  const contentRef = useRef<{ body: ContentWidths; foot: ContentWidths } | undefined>(undefined);
  const widthsRef = useRef<{ columns: readonly GridColumn[]; bands: readonly GridBand[]; content: Float64Array; widths: Map<string, number> } | null>(null);
  const widths = useMemo(() => {
    const before = contentRef.current;
    const content = (contentRef.current = {
      body: measureContent(columns, body, gridMetrics, measure, before?.body),
      foot: measureContent(columns, foot, gridMetrics, measure, before?.foot),
    });
    const widest = widerContent(content.body, content.foot);
    const last = widthsRef.current;
    if (last && last.columns === columns && last.bands === bands && last.content.every((w, c) => w === widest.widths[c])) return last.widths;
    const next = columnWidths(columns, bands, body, gridMetrics, measure, widest);
    widthsRef.current = { columns, bands, content: widest.widths, widths: next };
    return next;
  }, [columns, bands, body, foot, measure]);
  // The grid's own width, followed as the window is resized: the row labels are pinned only when the
  // columns no longer fit it (columnDefs.ts, pinLabels).
  const [boxWidth, setBoxWidth] = useState(0);
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    setBoxWidth(host.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setBoxWidth(host.clientWidth));
    observer.observe(host);
    return () => observer.disconnect();
  }, []);
  const pinLabels = scrollsSideways(columns, widths, boxWidth);
  // The columns are rebuilt only when a width really changes (widthsKey), not on every save.
  const widthsKey = [...widths].map(([id, w]) => `${id}:${w}`).join(',');
  const defs = useMemo(
    () => columnDefs(columns, bands, { widths, locked, pinLabels, invalidRef, isSelected: sheetContext.isSelected, onTypedValue: typed.onTypedValue }),
    [columns, bands, widthsKey, locked, pinLabels, sheetContext, typed.onTypedValue],
  );
  const context = useMemo<SheetContext>(() => ({ invalidRef, isSelected: sheetContext.isSelected }), [sheetContext]);
  const defaultColDef = useMemo<ColDef<GridRow>>(
    () => ({ cellDataType: false, sortable: false, resizable: false, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true, suppressKeyboardEvent: typed.suppressKeyboardEvent }),
    [typed.suppressKeyboardEvent],
  );

  // The rows go to AG Grid once, as props; after that an edit hands it only the rows that are new objects
  // (the line and the totals it moved), each to its own row node, which redraws that row and nothing else:
  // no new array of thousands for it to compare, no pass of its row model. Rows added, removed or moved
  // replace the whole. The props stay the first rows, so AG Grid never diffs them again.
  const [first] = useState(() => ({ body, foot }));
  const shownRef = useRef({ body, foot });
  const rowsRef = useRef({ body, foot });
  rowsRef.current = { body, foot };
  const showRows = useCallback((api: GridApi<GridRow>) => {
    const next = rowsRef.current;
    const shown = shownRef.current;
    shownRef.current = next;
    // A cell's classes are re-read when its figure changes; a row greyed or made editable with the same
    // figures (an undo) has its cells' classes re-read as well.
    const restyle: IRowNode<GridRow>[] = [];
    const update = (node: IRowNode<GridRow> | undefined, before: GridRow | undefined, now: GridRow) => {
      if (!node) return;
      node.updateData(now);
      if (stateChanged(before, now)) restyle.push(node);
    };
    if (next.foot !== shown.foot) {
      const places = changedPlaces(shown.foot, next.foot);
      if (!places) api.setGridOption('pinnedBottomRowData', next.foot as GridRow[]);
      else for (const i of places) update(api.getPinnedBottomRow(i), shown.foot[i], next.foot[i]!);
    }
    if (next.body !== shown.body) {
      const places = changedPlaces(shown.body, next.body);
      if (!places) api.setGridOption('rowData', next.body as GridRow[]);
      else for (const i of places) update(api.getRowNode(next.body[i]!.key), shown.body[i], next.body[i]!);
    }
    if (restyle.length) api.refreshCells({ rowNodes: restyle, force: true });
  }, []);
  // showRows hands over only what differs from the rows shown, so it is called whenever they may have.
  useLayoutEffect(() => {
    if (apiRef.current) showRows(apiRef.current);
  }, [body, foot, apiRef, showRows]);

  // The invalid marker is read through a ref, so the cells' classes need a nudge when it moves.
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [invalid, apiRef]);

  // The grid's own options, read by AG Grid through this ref, so it always calls the latest handlers.
  const latest = useRef({ editing, onApi, showRows });
  latest.current = { editing, onApi, showRows };
  const gridRef = useRef<HTMLDivElement>(null);
  const domLayout = height ? 'normal' : 'autoHeight';
  // AG Grid's own DOM grid, not its React wrapper: the wrapper renders every row and cell as React
  // components, which cost most of a scrolled frame's script time; the cells are plain DOM renderers
  // (SheetCell) and the editor AG Grid's own, so nothing here needs React inside the grid.
  useLayoutEffect(() => {
    const options: GridOptions<GridRow> = {
      theme: gridTheme,
      styleNonce,
      columnDefs: defs,
      defaultColDef,
      rowData: first.body as GridRow[],
      pinnedBottomRowData: first.foot as GridRow[],
      getRowId,
      context,
      rowClassRules,
      getRowClass,
      domLayout,
      // Every column stays in the DOM: screen readers, copy and the layout checks see the whole table.
      suppressColumnVirtualisation: true,
      enableBrowserTooltips: true,
      // Rows never animate (a transition on every row drawn while scrolling) and a row sliding under a
      // still mouse is not restyled: together a quarter of the main thread's time per scrolled frame.
      animateRows: false,
      suppressRowHoverHighlight: true,
      // No rows drawn beyond the edges of the view (AG Grid's default is ten): the rows coming into view
      // are drawn in the scroll's own frame either way (README, Benchmarks).
      rowBuffer: 0,
      onCellFocused: (e) => latest.current.editing.onCellFocused(e),
      onCellClicked: (e) => latest.current.editing.onCellClicked(e),
      onCellEditingStarted: () => latest.current.editing.onCellEditingStarted(),
      // Enter on a cell starts editing (like F2); Enter in the editor commits and moves down.
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      suppressDragLeaveHidesColumns: true,
    };
    const api = createGrid(gridRef.current!, options, { modules: GRID_MODULES });
    apiRef.current = api;
    latest.current.showRows(api);
    latest.current.onApi?.(api);
    return () => {
      apiRef.current = null;
      latest.current.onApi?.(null);
      api.destroy();
    };
    // Created once; what may change later is handed over by the effects below.
  }, []);
  useEffect(() => apiRef.current?.setGridOption('columnDefs', defs), [defs, apiRef]);
  useEffect(() => apiRef.current?.setGridOption('defaultColDef', defaultColDef), [defaultColDef, apiRef]);
  useEffect(() => apiRef.current?.setGridOption('context', context), [context, apiRef]);
  useEffect(() => apiRef.current?.setGridOption('domLayout', domLayout), [domLayout, apiRef]);

  return (
    <>
      <div ref={hostRef} className="sheet" style={height ? { height } : undefined}>
        <div ref={gridRef} style={{ height: '100%' }} />
      </div>
      {history}
    </>
  );
}
