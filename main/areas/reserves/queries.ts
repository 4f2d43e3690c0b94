import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import { reservesSchedules } from './ledger';

/**
 * What other areas may read of Appendix 5 (the lint rule allows no deeper import): a directorate's
 * earmarked reserve totals for a month, as the schedule prints them.
 */
export interface ReserveTotals {
  directorateId: string;
  directorate: string;
  opening: Hundredths | null;
  movements: Hundredths | null;
  forecast: Hundredths | null;
}

export function reserveTotals(ws: Workspace, period: string): ReserveTotals[] {
  return reservesSchedules(ws, period).schedules.map((s) => ({ directorateId: s.directorate.id, directorate: s.directorate.name, ...s.totals }));
}

