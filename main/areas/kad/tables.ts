import type { TableSpec } from '../../store/tables';

/** Key Activity Data's tables, registered once: their triggers and undo come from this. */
export const KAD_TABLES: readonly TableSpec[] = [
  {
    name: 'kad_services',
    entity: 'kad_service',
    key: ['id'],
    columns: [
      { name: 'name', type: 'text' },
      { name: 'caption', type: 'text' },
      { name: 'sort_order', type: 'integer' },
      { name: 'from_period', type: 'text' },
    ],
    auditPeriod: 'from_period',
  },
  {
    name: 'kad_service_types',
    entity: 'kad_service_type',
    key: ['id'],
    columns: [
      { name: 'name', type: 'text' },
      { name: 'grp', type: 'text' },
      { name: 'sort_order', type: 'integer' },
      { name: 'is_respite', type: 'integer' },
    ],
  },
  {
    name: 'kad_lines',
    entity: 'kad_line',
    key: ['period', 'service_id', 'line_key'],
    columns: [
      { name: 'in_use', type: 'integer' },
      { name: 'expected_packages', type: 'integer', unit: 'count' },
      { name: 'budget_unit_cost', type: 'integer', unit: 'gbp_week' },
      { name: 'annual_budget_k', type: 'integer', unit: 'gbp_k' },
      { name: 'current_packages', type: 'integer', unit: 'count' },
      { name: 'current_unit_cost', type: 'integer', unit: 'gbp_week' },
      { name: 'total_spend_k', type: 'integer', unit: 'gbp_k' },
      { name: 'current_packages_cf', type: 'integer' },
      { name: 'current_unit_cost_cf', type: 'integer' },
      { name: 'total_spend_k_cf', type: 'integer' },
    ],
    period: 'period',
    // An import states a service's table whole: one record per table, not one per line.
    auditGroupKey: 2,
  },
  {
    name: 'kad_extract_figures',
    entity: 'kad_extract_figure',
    key: ['period', 'service_id', 'line_key'],
    columns: [
      { name: 'current_packages', type: 'integer', unit: 'count' },
      { name: 'current_unit_cost', type: 'integer', unit: 'gbp_week' },
      { name: 'committed_k', type: 'integer', unit: 'gbp_k' },
      { name: 'file_name', type: 'text' },
      { name: 'file_sha256', type: 'text' },
      { name: 'applied', type: 'integer' },
    ],
    period: 'period',
  },
];
