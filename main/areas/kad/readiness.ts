import { monthLabel, previousMonth } from '../../../shared/periods';
import type { Workspace } from '../../store/workspace';

/** What of a month's Key Activity Data is not ready for the pack: figures still as carried forward. */
export function kadNotReady(ws: Workspace, period: string): string[] {
  const row = ws.db
    .prepare(
      `SELECT COUNT(DISTINCT service_id) AS services, SUM(current_packages_cf + current_unit_cost_cf + total_spend_k_cf) AS figures
       FROM kad_lines WHERE period = ? AND in_use = 1 AND (current_packages_cf + current_unit_cost_cf + total_spend_k_cf) > 0`,
    )
    .get(period) as { services: number; figures: number | null };
  if (!row.figures) return [];
  const n = row.figures;
  return [`${n} Key Activity Data figure${n === 1 ? ' is' : 's are'} still ${monthLabel(previousMonth(period))}'s, carried forward and not yet updated (marked c/f, in ${row.services} service${row.services === 1 ? '' : 's'}).`];
}
