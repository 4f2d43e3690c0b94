import type { TableSpec } from '../../store/tables';

const LINE_COLUMNS = [
  { name: 'financial_year', type: 'text' },
  { name: 'directorate_id', type: 'text' },
  { name: 'seq', type: 'integer' },
  { name: 'bp_ref', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'owner', type: 'text' },
  { name: 'original_saving', type: 'integer' },
  { name: 'forecast_saving', type: 'integer' },
  { name: 'commentary', type: 'text' },
  { name: 'rag_override', type: 'text' },
  { name: 'rag_override_reason', type: 'text' },
  { name: 'rag_override_by', type: 'text' },
  { name: 'rag_override_at', type: 'text' },
  { name: 'carried_from', type: 'text' },
] as const;

/** The Savings Tracker's tables, registered once: their triggers and undo come from this. */
export const SAVINGS_TABLES: readonly TableSpec[] = [
  {
    name: 'savings_directorates',
    entity: 'savings_directorate',
    key: ['id'],
    columns: [
      { name: 'name', type: 'text' },
      { name: 'sort_order', type: 'integer' },
    ],
  },
  // The register is not a month's: a write names the month it is made in (Workspace.write refuses a closed one).
  { name: 'savings_lines', entity: 'savings_line', key: ['id'], columns: LINE_COLUMNS, auditPeriod: 'financial_year' },
  {
    name: 'savings_snapshots',
    entity: 'savings_snapshot',
    key: ['period', 'line_id'],
    columns: [{ name: 'quarter', type: 'text' }, ...LINE_COLUMNS],
    period: 'period',
    // Written by closing the month (after the sign-off's figures hash is taken): a frozen copy of the
    // register, so it cannot be part of what the reviewer signed.
    figures: false,
  },
  // The pipeline: proposals for a coming Business Plan, not a month's figures.
  {
    name: 'savings_proposals',
    entity: 'savings_proposal',
    key: ['id'],
    columns: [
      { name: 'directorate_id', type: 'text' },
      { name: 'bp_ref', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'responsible_officer', type: 'text' },
      { name: 'full_year_effect', type: 'integer', unit: 'gbp_000' },
      { name: 'status', type: 'text' },
      { name: 'line_id', type: 'text' },
    ],
  },
  { name: 'savings_proposal_years', entity: 'savings_proposal_year', key: ['proposal_id', 'financial_year'], columns: [{ name: 'amount', type: 'integer', unit: 'gbp_000' }] },
];
