import type { FundingField, Funding, Scheme, SchemeField } from '../../../shared/areas/capital/model';
import type { Workspace } from '../../store/workspace';

/** The capital programme's SQL lives here. */
export const SCHEME_COLUMNS: Record<SchemeField, string> = {
  originalBudget: 'original_budget',
  schemeBudget: 'scheme_budget',
  schemeForecastVariance: 'scheme_forecast_variance',
  yearBudget: 'year_budget',
  yearActuals: 'year_actuals',
  yearForecastVariance: 'year_forecast_variance',
};
export const FUNDING_COLUMNS: Record<FundingField, string> = { originalAllocation: 'original_allocation', revisedFunding: 'revised_funding', forecastSpend: 'forecast_spend' };

interface SchemeRow {
  scheme_key: string;
  committee: string | null;
  name: string;
  is_variation: number;
  original_budget: number | null;
  scheme_budget: number | null;
  scheme_forecast_variance: number | null;
  year_budget: number | null;
  year_actuals: number | null;
  year_forecast_variance: number | null;
}

export function listSchemes(ws: Workspace, period: string): Scheme[] {
  return (ws.db.prepare('SELECT * FROM capital_schemes WHERE period = ? ORDER BY sort_order').all(period) as SchemeRow[]).map((r) => ({
    key: r.scheme_key,
    committee: r.committee,
    name: r.name,
    isVariation: r.is_variation === 1,
    originalBudget: r.original_budget,
    schemeBudget: r.scheme_budget,
    schemeForecastVariance: r.scheme_forecast_variance,
    yearBudget: r.year_budget,
    yearActuals: r.year_actuals,
    yearForecastVariance: r.year_forecast_variance,
  }));
}

interface FundingRow {
  source_key: string;
  name: string;
  is_grant: number;
  original_allocation: number | null;
  revised_funding: number | null;
  forecast_spend: number | null;
}

export function listFunding(ws: Workspace, period: string): Funding[] {
  return (ws.db.prepare('SELECT * FROM capital_funding WHERE period = ? ORDER BY sort_order').all(period) as FundingRow[]).map((r) => ({
    key: r.source_key,
    name: r.name,
    isGrant: r.is_grant === 1,
    originalAllocation: r.original_allocation,
    revisedFunding: r.revised_funding,
    forecastSpend: r.forecast_spend,
  }));
}

export function hasCapital(ws: Workspace, period: string): boolean {
  return ws.db.prepare('SELECT 1 FROM capital_schemes WHERE period = ? UNION ALL SELECT 1 FROM capital_funding WHERE period = ? LIMIT 1').get(period, period) !== undefined;
}

/** Call inside Workspace.write. */
export function copyCapital(ws: Workspace, from: string, to: string): void {
  ws.db
    .prepare(
      `INSERT INTO capital_schemes (period, scheme_key, committee, name, is_variation, original_budget, scheme_budget, scheme_forecast_variance, year_budget, year_actuals, year_forecast_variance, sort_order)
       SELECT ?, scheme_key, committee, name, is_variation, original_budget, scheme_budget, scheme_forecast_variance, year_budget, year_actuals, year_forecast_variance, sort_order FROM capital_schemes WHERE period = ?`,
    )
    .run(to, from);
  ws.db
    .prepare(
      `INSERT INTO capital_funding (period, source_key, name, is_grant, original_allocation, revised_funding, forecast_spend, sort_order)
       SELECT ?, source_key, name, is_grant, original_allocation, revised_funding, forecast_spend, sort_order FROM capital_funding WHERE period = ?`,
    )
    .run(to, from);
}

export function reportedCapital(ws: Workspace, period: string): Map<string, number | null> {
  const rows = ws.db.prepare(`SELECT table_id, row_key, column_key, value_num FROM reported_values WHERE period = ? AND area = 'capital'`).all(period) as { table_id: string; row_key: string; column_key: string; value_num: number | null }[];
  return new Map(rows.map((r) => [`${r.table_id}|${r.row_key}|${r.column_key}`, r.value_num]));
}
