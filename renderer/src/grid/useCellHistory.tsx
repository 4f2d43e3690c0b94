import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { CellAddress } from '../../../shared/audit';
import { CellHistoryPanel } from '../audit/CellHistoryPanel';
import { cellName } from './cells';
import type { CellRef, Sheet } from './types';
import { cellOfTarget } from './useSheetEditing';

/** Where a cell's figure is kept, for its history; null for a cell that keeps none (a label, a computed total). */
export type HistoryOf = (cell: CellRef) => CellAddress | null;

export const HISTORY_SHORTCUT = 'Ctrl+Shift+H';
const isHistoryKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'h';

interface Opened {
  cell: CellRef;
  address: CellAddress;
  name: string;
  /** The menu shows first on a right-click (or the context-menu key); the shortcut opens the panel at once. */
  mode: 'menu' | 'panel';
  at: { x: number; y: number };
}

/**
 * The history of any grid cell that keeps a figure: a right-click (or the context-menu key, or
 * Shift+F10) offers "Show the history of this cell", and Ctrl+Shift+H opens it at once, in a side
 * panel. The area says where each cell is kept (`historyOf`); the grid knows nothing else about it.
 */
export function useCellHistory(hostRef: RefObject<HTMLElement | null>, sheet: Sheet, historyOf: HistoryOf | undefined, onAnnounce: (text: string) => void): ReactNode {
  const [opened, setOpened] = useState<Opened | null>(null);
  const state = useRef({ sheet, historyOf, onAnnounce });
  state.current = { sheet, historyOf, onAnnounce };
  const menuItem = useRef<HTMLButtonElement>(null);

  const close = useCallback(
    (refocus: CellRef | null) => {
      setOpened(null);
      if (refocus) hostRef.current?.querySelector<HTMLElement>(`[row-id="${CSS.escape(refocus.rowKey)}"] [col-id="${CSS.escape(refocus.colId)}"]`)?.focus();
    },
    [hostRef],
  );

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const find = (target: EventTarget | null, mode: Opened['mode'], at: { x: number; y: number } | null): Opened | null => {
      const { sheet: s, historyOf: of } = state.current;
      const cell = cellOfTarget(target);
      if (!cell || !of) return null;
      const address = of(cell);
      const row = [...s.body, ...s.foot].find((r) => r.key === cell.rowKey);
      const column = s.columns.find((c) => c.colId === cell.colId);
      if (!address || !row || !column) return null;
      const rect = (target as Element).closest('.ag-cell')?.getBoundingClientRect();
      return { cell, address, name: cellName(row, column), mode, at: at ?? { x: rect?.left ?? 0, y: rect?.bottom ?? 0 } };
    };
    const onContextMenu = (e: MouseEvent) => {
      // A context-menu key press arrives without a pointer position: the menu then sits under the cell.
      const found = find(e.target, 'menu', e.clientX || e.clientY ? { x: e.clientX, y: e.clientY } : null);
      if (!found) return;
      e.preventDefault();
      setOpened(found);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isHistoryKey(e) || !cellOfTarget(e.target)) return;
      e.preventDefault();
      const found = find(e.target, 'panel', null);
      if (found) setOpened(found);
      else state.current.onAnnounce('This cell keeps no figure of its own (it is a label or worked out by Outturn), so it has no history.');
    };
    host.addEventListener('contextmenu', onContextMenu);
    host.addEventListener('keydown', onKeyDown);
    return () => {
      host.removeEventListener('contextmenu', onContextMenu);
      host.removeEventListener('keydown', onKeyDown);
    };
  }, [hostRef]);

  useEffect(() => {
    if (opened?.mode !== 'menu') return;
    menuItem.current?.focus();
    const away = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('.cell-menu')) setOpened(null);
    };
    document.addEventListener('mousedown', away, true);
    return () => document.removeEventListener('mousedown', away, true);
  }, [opened]);

  if (!opened) return null;
  if (opened.mode === 'menu') {
    return (
      <div
        className="cell-menu"
        role="menu"
        aria-label={`${opened.name}: cell menu`}
        data-testid="cell-menu"
        style={{ left: opened.at.x, top: opened.at.y }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Tab') {
            e.preventDefault();
            close(opened.cell);
          }
        }}
      >
        <button type="button" role="menuitem" ref={menuItem} className="cell-menu__item" data-testid="cell-menu-history" onClick={() => setOpened({ ...opened, mode: 'panel' })}>
          Show the history of this cell<span className="cell-menu__keys">{HISTORY_SHORTCUT}</span>
        </button>
      </div>
    );
  }
  return <CellHistoryPanel address={opened.address} name={opened.name} onClose={() => close(opened.cell)} />;
}
