import { runReservesChecks, type DirectorateSnapshot } from '../../../shared/areas/reserves/checks';
import { closingBalance, positionAt } from '../../../shared/areas/reserves/ledger';
import type { RawFinding } from '../../../shared/checks';
import { financialYearOf } from '../../../shared/periods';
import type { Workspace } from '../../store/workspace';
import { capitalFigures } from './capital';
import { reservesGrants } from './grants';
import { fyLabelOf, reservesSchedules } from './ledger';
import { hasReserves, listDirectorates, previousYear, yearEntries } from './repository';
import { revenueFigures } from './revenue';
import { reservesVirements } from './virements';

/** Gathers one month's Appendix 5 (and the figures of other areas it is reconciled with) and runs the pure check engine. */
export function reservesChecks(ws: Workspace, period: string): RawFinding[] {
  if (!hasReserves(ws, period)) return [];
  const fy = financialYearOf(period);
  const schedules = reservesSchedules(ws, period);
  const grants = reservesGrants(ws, period);
  const virements = reservesVirements(ws, period);
  const revenue = revenueFigures(ws);
  const capital = capitalFigures(ws, period);
  const entries = yearEntries(ws, fy);
  const lastYear = yearEntries(ws, previousYear(fy));
  const links = new Map(listDirectorates(ws).map((d) => [d.id, d.revenueDrawdownLine]));
  const directorates: DirectorateSnapshot[] = schedules.schedules.map((s, index) => {
    const d = s.directorate;
    const g = grants.tables.find((t) => t.directorate.id === d.id) ?? null;
    const v = virements.tables.find((t) => t.directorate.id === d.id) ?? null;
    const line = links.get(d.id) ?? null;
    const actual = line ? revenue.lineFigure(d, period, line, 'actual') : null;
    const openings = s.rows.flatMap((r) => {
      const before = lastYear.filter((e) => e.reserveId === r.reserveId);
      const opening = positionAt(entries.filter((e) => e.reserveId === r.reserveId), period).opening;
      return before.length && opening !== null ? [{ name: r.name, opening, lastClosing: closingBalance(before, previousYear(fy)) }] : [];
    });
    return {
      directorate: d,
      index,
      schedule: { rows: s.rows, totals: s.totals, reported: s.reported },
      openings,
      grants: g && { lines: g.lines, total: g.total, reportedTotal: g.reportedTotal },
      virements: v && { businessPlan: v.businessPlan, lines: v.lines, reportedBudget: v.reportedBudget, revenueBudget: v.revenueBudget },
      drawdown: line && actual !== null ? { line, actual } : null,
    };
  });
  return runReservesChecks({
    period,
    fy,
    fyLabel: fyLabelOf(period),
    directorates,
    capitalSchemeBudget: capital.schemeBudget,
    capitalGrantFunding: capital.grantFunding,
    revenueGrossBudget: (directorateId, line) => {
      const d = schedules.directorates.find((x) => x.id === directorateId);
      return d ? revenue.lineFigure(d, period, line, 'grossBudget') : null;
    },
  });
}
