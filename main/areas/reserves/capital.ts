import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import { capitalGrantFunding, capitalSchemeYearBudget } from '../capital/queries';

/** The capital programme's figures the grants are checked against, read only through the capital area's queries.ts. */
export interface CapitalFigures {
  schemeBudget(scheme: string): Hundredths | null;
  grantFunding: Hundredths | null;
}

export function capitalFigures(ws: Workspace, period: string): CapitalFigures {
  return { schemeBudget: (scheme) => capitalSchemeYearBudget(ws, period, scheme), grantFunding: capitalGrantFunding(ws, period) };
}
