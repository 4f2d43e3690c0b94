import type { TableSpec } from '../../store/tables';

/** Appendix 5's tables, registered once: their triggers (audit, closed-month guard) and undo come from this. */
export const RESERVES_TABLES: readonly TableSpec[] = [
  {
    name: 'reserves_directorates',
    entity: 'reserves_directorate',
    key: ['id'],
    columns: [
      { name: 'name', type: 'text' },
      { name: 'sort_order', type: 'integer' },
      { name: 'revenue_drawdown_line', type: 'text' },
    ],
  },
  {
    name: 'reserves_register',
    entity: 'reserve',
    key: ['id'],
    columns: [
      { name: 'directorate_id', type: 'text' },
      { name: 'category', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'description', type: 'text' },
      { name: 'sort_order', type: 'integer' },
      { name: 'from_period', type: 'text' },
    ],
    auditPeriod: 'from_period',
  },
  {
    name: 'reserves_entries',
    entity: 'reserve_entry',
    key: ['id'],
    keyTypes: { id: 'integer' },
    columns: [
      { name: 'reserve_id', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'amount', type: 'integer', unit: 'gbp_000q' },
      { name: 'planned', type: 'integer' },
      { name: 'expected_period', type: 'text' },
      { name: 'reference', type: 'text' },
      { name: 'note', type: 'text' },
      { name: 'deficit_reason', type: 'text' },
      { name: 'period', type: 'text' },
    ],
    period: 'period',
  },
  {
    name: 'reserves_months',
    entity: 'reserves_month',
    key: ['period', 'directorate_id'],
    columns: [
      { name: 'no_movement_display', type: 'text' },
      { name: 'business_plan_budget', type: 'integer', unit: 'gbp_000q' },
    ],
    period: 'period',
  },
  {
    name: 'reserves_grants',
    entity: 'reserves_grant',
    key: ['period', 'directorate_id', 'grant_key'],
    columns: [
      { name: 'name', type: 'text' },
      { name: 'awarding_body', type: 'text' },
      { name: 'amount', type: 'integer', unit: 'gbp_000q' },
      { name: 'capital_scheme', type: 'text' },
      { name: 'revenue_line', type: 'text' },
      { name: 'sort_order', type: 'integer' },
    ],
    period: 'period',
  },
  {
    name: 'reserves_virements',
    entity: 'reserves_virement',
    key: ['period', 'directorate_id', 'seq'],
    keyTypes: { seq: 'integer' },
    columns: [
      { name: 'budget_line', type: 'text' },
      { name: 'effective_period', type: 'text' },
      { name: 'amount', type: 'integer', unit: 'gbp_000q' },
      { name: 'notes', type: 'text' },
    ],
    period: 'period',
  },
];
