import type { GridRow } from './types';

/**
 * The rows of `next` that are new objects at the same place as in `shown` (an edit: the line and the totals
 * it moved), or null when rows were added, removed or reordered. Rows are immutable, so an unchanged row
 * is the same object and one pass of identity checks finds the few to hand AG Grid.
 */
export function changedRows(shown: readonly GridRow[], next: readonly GridRow[]): GridRow[] | null {
  if (shown.length !== next.length) return null;
  const changed: GridRow[] = [];
  for (let i = 0; i < next.length; i++) {
    const before = shown[i]!;
    const now = next[i]!;
    if (before === now) continue;
    if (before.key !== now.key) return null;
    changed.push(now);
  }
  return changed;
}
