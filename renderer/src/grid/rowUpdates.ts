import type { GridRow } from './types';

/** Rows made from others by putting new rows in a few places (notePatched). */
const patches = new WeakMap<readonly GridRow[], { from: readonly GridRow[]; places: readonly number[] }>();

/**
 * Says that `next` is `from` with new rows at `places` only (an edit), so changedPlaces need not compare the
 * thousands of others. Only the latest step is kept, so a long session does not hold every earlier array.
 */
export function notePatched(next: readonly GridRow[], from: readonly GridRow[], places: readonly number[]): void {
  if (next === from) return;
  patches.delete(from);
  patches.set(next, { from, places });
}

/**
 * The places where `next` holds a new object for the same row as `shown` (an edit: the line and the totals
 * it moved), or null when rows were added, removed or reordered. Rows are immutable, so an unchanged row
 * is the same object and one pass of identity checks finds the few to hand AG Grid.
 */
export function changedPlaces(shown: readonly GridRow[], next: readonly GridRow[]): number[] | null {
  const patch = patches.get(next);
  if (patch?.from === shown) return [...new Set(patch.places)].sort((a, b) => a - b);
  if (shown.length !== next.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) {
    const before = shown[i]!;
    const now = next[i]!;
    if (before === now) continue;
    if (before.key !== now.key) return null;
    changed.push(i);
  }
  return changed;
}

/**
 * Whether a row's cells may need other classes though their figures are the same: greyed, editable or
 * carried-forward cells changed. AG Grid re-reads a cell's classes when its value changes or when told to.
 */
export function stateChanged(before: GridRow | undefined, now: GridRow): boolean {
  return !before || before.disabled !== now.disabled || !sameList(before.editable, now.editable) || !sameList(before.carried, now.carried);
}

// By content: rows are remade on every edit, often with fresh (equal) lists.
function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}
