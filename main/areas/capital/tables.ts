import type { TableSpec } from '../../store/tables';

/** The capital programme's tables, registered once: their triggers (audit, closed-month guard) and undo come from this. */
export const CAPITAL_TABLES: readonly TableSpec[] = [
  {
    name: 'capital_schemes',
    entity: 'capital_scheme',
    key: ['period', 'scheme_key'],
    columns: [
      { name: 'committee', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'is_variation', type: 'integer' },
      { name: 'original_budget', type: 'integer', unit: 'gbp_000' },
      { name: 'scheme_budget', type: 'integer', unit: 'gbp_000' },
      { name: 'scheme_forecast_variance', type: 'integer', unit: 'gbp_000' },
      { name: 'year_budget', type: 'integer', unit: 'gbp_000' },
      { name: 'year_actuals', type: 'integer', unit: 'gbp_000' },
      { name: 'year_forecast_variance', type: 'integer', unit: 'gbp_000' },
      { name: 'sort_order', type: 'integer' },
    ],
    period: 'period',
  },
  {
    name: 'capital_funding',
    entity: 'capital_funding',
    key: ['period', 'source_key'],
    columns: [
      { name: 'name', type: 'text' },
      { name: 'is_grant', type: 'integer' },
      { name: 'original_allocation', type: 'integer', unit: 'gbp_000' },
      { name: 'revised_funding', type: 'integer', unit: 'gbp_000' },
      { name: 'forecast_spend', type: 'integer', unit: 'gbp_000' },
      { name: 'sort_order', type: 'integer' },
    ],
    period: 'period',
  },
];
