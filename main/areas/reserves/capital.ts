import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';

/** The capital programme's figures the grants are checked against, read only through the capital area's queries.ts. */
export interface CapitalFigures {
  schemeBudget(scheme: string): Hundredths | null;
  grantFunding: Hundredths | null;
}

export function capitalFigures(_ws: Workspace, _period: string): CapitalFigures {
  return { schemeBudget: () => null, grantFunding: null };
}
