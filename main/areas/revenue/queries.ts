import { z } from 'zod';
import { MonthId } from '../../../shared/periods';
import { netOf } from '../../../shared/areas/revenue/totals';
import type { Hundredths } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';

/**
 * What other areas may read of revenue monitoring (reserves, grants and virements reconcile against
 * these). Money is in hundredths of £000, as Appendix 1 publishes it; null where blank or not held.
 */
const Ref = z.object({ period: MonthId, directorateId: z.string().min(1) });

/** A directorate's current net budget for a month: the sum of its lines' gross + income (mitigations and funding included). */
export function directorateNetBudget(ws: Workspace, period: string, directorateId: string): Hundredths | null {
  Ref.parse({ period, directorateId });
  const row = ws.db.prepare('SELECT SUM(gross_budget) AS g, SUM(income_budget) AS i, COUNT(*) AS n FROM revenue_lines WHERE period = ? AND directorate_id = ?').get(period, directorateId) as { g: number | null; i: number | null; n: number };
  return row.n ? netOf(row.g, row.i) : null;
}

export const LineFiguresSchema = z.object({
  lineKey: z.string(),
  label: z.string(),
  directorateId: z.string(),
  grossBudget: z.number().int().nullable(),
  incomeBudget: z.number().int().nullable(),
  netBudget: z.number().int().nullable(),
  actual: z.number().int().nullable(),
  forecastVariance: z.number().int().nullable(),
});
export type LineFigures = z.infer<typeof LineFiguresSchema>;

/**
 * A line's figures by its key ("ph:drawdown-from-reserves"), or by its label within a directorate
 * ("Contain Outbreak Management Fund" in "ph"); null when the month does not hold it.
 */
export function lineFigures(ws: Workspace, period: string, line: { lineKey: string } | { directorateId: string; label: string }): LineFigures | null {
  const row = (
    'lineKey' in line
      ? ws.db.prepare('SELECT * FROM revenue_lines WHERE period = ? AND line_key = ?').get(period, line.lineKey)
      : ws.db.prepare('SELECT * FROM revenue_lines WHERE period = ? AND directorate_id = ? AND label = ?').get(period, line.directorateId, line.label)
  ) as { line_key: string; label: string; directorate_id: string; gross_budget: number | null; income_budget: number | null; actual: number | null; forecast_variance: number | null } | undefined;
  if (!row) return null;
  return LineFiguresSchema.parse({
    lineKey: row.line_key,
    label: row.label,
    directorateId: row.directorate_id,
    grossBudget: row.gross_budget,
    incomeBudget: row.income_budget,
    netBudget: netOf(row.gross_budget, row.income_budget),
    actual: row.actual,
    forecastVariance: row.forecast_variance,
  });
}
