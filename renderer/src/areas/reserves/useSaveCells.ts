import { useCallback } from 'react';
import { messageOf, trackWrite } from '../../api/client';
import type { CellChange, CellRef } from '../../grid/types';

/**
 * Saves a directorate's edited cells through `write`; the refreshed data, or the refusal at the first
 * edited cell. One step for the grants and the virements tables.
 */
export function useSaveCells<T>(
  write: (directorateId: string, cells: CellChange[]) => Promise<T>,
  onChange: (next: T, message: string) => void,
  onRefused: (message: string, cell: CellRef) => void,
): (directorateId: string, cells: CellChange[]) => Promise<void> {
  return useCallback(
    async (directorateId, cells) => {
      try {
        onChange(await trackWrite(write(directorateId, cells)), 'Saved.');
      } catch (err) {
        onRefused(messageOf(err), cells[0]!);
      }
    },
    [write, onChange, onRefused],
  );
}
