import { capitalSummary, type CapitalSummary } from '../../../shared/areas/capital/rules';
import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import { hasCapital, listFunding, listSchemes } from './repository';

/**
 * What other areas may read of the capital programme (the lint rule allows no deeper import): a scheme's
 * budget for the year, the programme's grant funding, and section 2's one-row summary.
 */
export function capitalSchemeYearBudget(ws: Workspace, period: string, scheme: string): Hundredths | null {
  const s = listSchemes(ws, period).find((x) => x.name.toLowerCase() === scheme.toLowerCase());
  return s ? s.yearBudget : null;
}

/** The revised funding for the year of the sources a grant pays for; null when the month holds no capital. */
export function capitalGrantFunding(ws: Workspace, period: string): Hundredths | null {
  const grants = listFunding(ws, period).filter((f) => f.isGrant);
  return grants.length ? grants.reduce((n, f) => n + (f.revisedFunding ?? 0), 0) : null;
}

export function capitalExecutiveSummary(ws: Workspace, period: string): CapitalSummary | null {
  return hasCapital(ws, period) ? capitalSummary(listSchemes(ws, period)) : null;
}
