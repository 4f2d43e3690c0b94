import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import { directorateNetBudget, lineFigures } from '../revenue/queries';

/**
 * The revenue figures Appendix 5 reconciles with, read only through the revenue area's queries.ts.
 * Where the month holds no revenue lines, every check that needs a revenue figure says it cannot be made
 * rather than passing.
 */
export interface RevenueFigures {
  /** A directorate's current net budget in the revenue lines for a month. */
  currentNetBudget(directorate: { id: string; name: string }, period: string): Hundredths | null;
  /** A revenue line's actual to date, or its gross budget, by the line's name within a directorate. */
  lineFigure(directorate: { id: string; name: string }, period: string, line: string, column: 'actual' | 'grossBudget'): Hundredths | null;
}

export function revenueFigures(ws: Workspace): RevenueFigures {
  return {
    currentNetBudget: (d, period) => directorateNetBudget(ws, period, d.id),
    lineFigure: (d, period, line, column) => {
      const figures = lineFigures(ws, period, { directorateId: d.id, label: line });
      return figures ? figures[column] : null;
    },
  };
}
