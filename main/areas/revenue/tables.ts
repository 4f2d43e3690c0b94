import type { TableSpec } from '../../store/tables';

/** Revenue's tables, registered once: their triggers (audit, closed-month guard) and undo come from this. */
export const REVENUE_TABLES: readonly TableSpec[] = [
  {
    name: 'revenue_directorates',
    entity: 'revenue_directorate',
    key: ['id'],
    columns: [
      { name: 'name', type: 'text' },
      { name: 'appendix', type: 'text' },
      { name: 'expenditure_total_label', type: 'text' },
      { name: 'overall_total_label', type: 'text' },
      { name: 'sort_order', type: 'integer' },
    ],
  },
  {
    name: 'revenue_sections',
    entity: 'revenue_section',
    key: ['directorate_id', 'name'],
    columns: [
      { name: 'sort_order', type: 'integer' },
      { name: 'total_label', type: 'text' },
      { name: 'is_mitigation', type: 'integer' },
      { name: 'summary_row', type: 'text' },
    ],
  },
  {
    name: 'revenue_lines',
    entity: 'revenue_line',
    key: ['period', 'line_key'],
    columns: [
      { name: 'directorate_id', type: 'text' },
      { name: 'section', type: 'text' },
      { name: 'subsection', type: 'text' },
      { name: 'label', type: 'text' },
      { name: 'committee', type: 'text' },
      { name: 'budget_holder', type: 'text' },
      { name: 'sort_order', type: 'integer' },
      { name: 'gross_budget', type: 'integer', unit: 'gbp_000' },
      { name: 'income_budget', type: 'integer', unit: 'gbp_000' },
      { name: 'actual', type: 'integer', unit: 'gbp_000' },
      { name: 'forecast_variance', type: 'integer', unit: 'gbp_000' },
    ],
    period: 'period',
  },
  {
    name: 'revenue_commentaries',
    entity: 'revenue_commentary',
    key: ['period', 'subject_key'],
    columns: [
      { name: 'title', type: 'text' },
      { name: 'body', type: 'text' },
      { name: 'carried', type: 'integer' },
      { name: 'sort_order', type: 'integer' },
    ],
    period: 'period',
  },
  {
    name: 'revenue_narratives',
    entity: 'revenue_narrative',
    key: ['period', 'narrative_key'],
    columns: [
      { name: 'body', type: 'text' },
      { name: 'carried', type: 'integer' },
    ],
    period: 'period',
  },
];
