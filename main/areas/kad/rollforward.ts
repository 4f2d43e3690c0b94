import type { Workspace } from '../../store/workspace';
import { copyLinesForward } from './repository';

/**
 * Key Activity Data's part of the month's roll forward: next month's tables from this month's, budget
 * columns carried, actual columns copied as the starting point and marked as not yet updated. Called
 * inside the month-level roll forward's transaction.
 */
export function rollKadForward(ws: Workspace, from: string, to: string): void {
  copyLinesForward(ws, from, to);
}
