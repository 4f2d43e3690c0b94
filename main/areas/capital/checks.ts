import { runCapitalChecks } from '../../../shared/areas/capital/checks';
import type { RawFinding } from '../../../shared/checks';
import { financialYearOf } from '../../../shared/periods';
import type { Workspace } from '../../store/workspace';
import { hasCapital, listFunding, listSchemes, reportedCapital } from './repository';
import { capitalSettings } from './service';

/** Gathers one month's capital programme and runs the pure check engine on it. */
export function capitalChecks(ws: Workspace, period: string): RawFinding[] {
  if (!hasCapital(ws, period)) return [];
  return runCapitalChecks({
    period,
    fyLabel: financialYearOf(period).replace('-', '/'),
    schemes: listSchemes(ws, period),
    funding: listFunding(ws, period),
    reported: reportedCapital(ws, period),
    settings: capitalSettings(ws, period),
  });
}
