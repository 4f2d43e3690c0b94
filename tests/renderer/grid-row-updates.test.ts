import { describe, expect, it } from 'vitest';
import { changedPlaces, stateChanged } from '../../renderer/src/grid/rowUpdates';
import type { GridRow } from '../../renderer/src/grid/types';

const row = (key: string, value: number): GridRow => ({ key, label: key, kind: 'line', values: { v: value }, editable: ['v'] });

describe('the rows an edit hands the grid', () => {
  const shown = [row('a', 1), row('b', 2), row('total', 3)];

  it('are the new objects in their places: the edited line and the total it moved', () => {
    const next = [shown[0]!, row('b', 5), row('total', 6)];
    // By place, as the pinned total rows are found by their index.
    expect(changedPlaces(shown, next)).toEqual([1, 2]);
    expect(changedPlaces(shown, [...shown])).toEqual([]);
  });

  it('are none (a full reload) when a row was added, removed or moved', () => {
    expect(changedPlaces(shown, [...shown, row('c', 1)])).toBeNull();
    expect(changedPlaces(shown, shown.slice(1))).toBeNull();
    expect(changedPlaces(shown, [shown[1]!, shown[0]!, shown[2]!])).toBeNull();
  });
});

describe("which changed rows need their cells' classes re-read though their figures may be the same", () => {
  const editable = ['v'];
  const shown: GridRow = { key: 'a', label: 'a', kind: 'line', values: { v: 1 }, editable };

  it('none when only figures changed: AG Grid re-reads the classes of a changed figure itself', () => {
    expect(stateChanged(shown, { ...shown, values: { v: 2 } })).toBe(false);
    expect(stateChanged(shown, { ...shown, editable: ['v'], carried: undefined })).toBe(false);
  });

  it('a row greyed, made read-only or marked carried forward', () => {
    expect(stateChanged(shown, { ...shown, disabled: true })).toBe(true);
    expect(stateChanged(shown, { ...shown, editable: [] })).toBe(true);
    expect(stateChanged(shown, { ...shown, carried: ['v'] })).toBe(true);
  });
});
