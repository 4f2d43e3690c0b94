import type { ExtractFigure } from '../../../../shared/areas/kad/extract/figures';
import type { KadLine } from '../../../../shared/areas/kad/model';
import type { Workspace } from '../../../store/workspace';

/** What the last extract imported for a month gave for a service, line by line. */
export function extractFigures(ws: Workspace, period: string, serviceId: string): ExtractFigure[] {
  return (
    ws.db
      .prepare('SELECT line_key, current_packages, current_unit_cost, committed_k, file_name, file_sha256, applied FROM kad_extract_figures WHERE period = ? AND service_id = ? ORDER BY line_key')
      .all(period, serviceId) as { line_key: string; current_packages: number | null; current_unit_cost: number | null; committed_k: number | null; file_name: string; file_sha256: string; applied: number }[]
  ).map((r) => ({ lineKey: r.line_key, currentPackages: r.current_packages, currentUnitCost: r.current_unit_cost, committedK: r.committed_k, fileName: r.file_name, sha256: r.file_sha256, applied: r.applied === 1 }));
}

/** Months holding an extract's figures for a service, oldest first. */
export function periodsWithExtract(ws: Workspace, serviceId: string): string[] {
  return ws.db.prepare('SELECT DISTINCT period FROM kad_extract_figures WHERE service_id = ? ORDER BY period').pluck().all(serviceId) as string[];
}

/** An extract's figures for a month as lines of a table (current figures only), for a month not held. */
export function extractLines(ws: Workspace, period: string, serviceId: string): KadLine[] {
  const rows = ws.db
    .prepare(
      `SELECT e.line_key, e.current_packages, e.current_unit_cost, t.name, t.grp, t.is_respite FROM kad_extract_figures e JOIN kad_service_types t ON t.id = e.line_key
       WHERE e.period = ? AND e.service_id = ? ORDER BY t.sort_order`,
    )
    .all(period, serviceId) as { line_key: string; current_packages: number | null; current_unit_cost: number | null; name: string; grp: 'accommodation' | 'community'; is_respite: number }[];
  return rows.map((r) => ({
    key: r.line_key, label: r.name, kind: 'line', group: r.grp, isRespite: r.is_respite === 1, inUse: true, carried: [],
    expectedPackages: null, budgetUnitCost: null, annualBudgetK: null, currentPackages: r.current_packages, currentUnitCost: r.current_unit_cost, totalSpendK: null,
  }));
}
