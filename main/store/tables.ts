/**
 * A table holding user data, registered once by the core or by an area. From this registration the
 * store generates the table's triggers (write context required, closed-period guard, an audit record
 * per changed column of an UPDATE and per row of an INSERT or DELETE) and undoes or redoes any audited
 * change to it.
 */
import type { UnitId } from '../../shared/units';

export type ColumnType = 'integer' | 'text' | 'real';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The unit a figure column holds (hundredths of it), so the audit trail can show "£28,942k", not 2894200. */
  unit?: UnitId;
}

export interface TableSpec {
  /** The SQL table. */
  name: string;
  /** What the audit trail calls one of its rows: "setting", "period". */
  entity: string;
  /** Columns identifying a row; the audit's entity_key joins their values with "|". */
  key: readonly string[];
  /** Every other column; each change to one is audited. */
  columns: readonly ColumnSpec[];
  /** The column naming the month a row belongs to: writes to a closed month are refused. */
  period?: string;
  /** The column whose value the audit trail files the change under (the period, unless said). */
  auditPeriod?: string;
  /** How the key columns are typed (text unless said), so an undone delete is put back exactly. */
  keyTypes?: Readonly<Record<string, ColumnType>>;
  /**
   * For the table of periods itself: a row whose status is closed can be neither deleted nor changed,
   * except to reopen it (whatever the foreign-key setting).
   */
  closedRows?: { statusColumn: string };
  /**
   * False for what belongs to a month without being its figures (frozen settings, reviews, pack settings,
   * the month-end records): the figures hash a sign-off records leaves such tables out. Every other
   * table naming a period (every area's) is part of the month's figures.
   */
  figures?: boolean;
  /**
   * For a table whose rows come in large sets sharing the first N key columns (a table's reported figures
   * of a month): an insert of many rows at once is audited as one record per such set instead of one
   * per row (main/store/audit-cells.ts). Readers still see one record per cell.
   */
  auditGroupKey?: number;
}

/** Tables only ever appended to: the audit trail and the history of operations. */
export interface AppendOnlySpec {
  name: string;
}

/** The core's own user data. */
export const CORE_TABLES: readonly TableSpec[] = [
  {
    name: 'periods',
    entity: 'period',
    key: ['id'],
    auditPeriod: 'id',
    closedRows: { statusColumn: 'status' },
    columns: [
      { name: 'status', type: 'text' },
      { name: 'closed_by', type: 'text' },
      { name: 'closed_at', type: 'text' },
      { name: 'ready_by', type: 'text' },
      { name: 'ready_at', type: 'text' },
    ],
  },
  { name: 'settings', entity: 'setting', key: ['key'], columns: [{ name: 'value', type: 'text' }] },
  {
    name: 'reported_values',
    entity: 'reported_value',
    key: ['period', 'area', 'table_id', 'row_key', 'column_key'],
    columns: [
      { name: 'value_num', type: 'integer' },
      { name: 'value_text', type: 'text' },
      { name: 'source', type: 'text' },
    ],
    period: 'period',
    // An import states a month's published table whole: one record per table, not one per figure.
    auditGroupKey: 3,
  },
  {
    name: 'workspace_events',
    entity: 'workspace_event',
    key: ['id'],
    keyTypes: { id: 'integer' },
    columns: [
      { name: 'at', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'period', type: 'text' },
      { name: 'detail', type: 'text' },
    ],
    auditPeriod: 'period',
  },
  {
    name: 'period_settings',
    entity: 'period_setting',
    key: ['period', 'key'],
    columns: [{ name: 'value', type: 'text' }],
    period: 'period',
    figures: false,
  },
  {
    name: 'pack_period_settings',
    entity: 'pack_period_setting',
    key: ['period', 'key'],
    columns: [
      { name: 'value', type: 'text' },
      { name: 'carried', type: 'integer' },
    ],
    period: 'period',
    figures: false,
  },
  {
    name: 'finding_reviews',
    entity: 'finding_review',
    key: ['period', 'area', 'table_name', 'row_key', 'column_key', 'rule'],
    columns: [
      { name: 'fingerprint', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'note', type: 'text' },
      { name: 'reviewed_by', type: 'text' },
      { name: 'reviewed_at', type: 'text' },
    ],
    period: 'period',
    figures: false,
  },
  {
    name: 'period_signoffs',
    entity: 'period_signoff',
    key: ['id'],
    keyTypes: { id: 'integer' },
    columns: [
      { name: 'period', type: 'text' },
      { name: 'prepared_by', type: 'text' },
      { name: 'prepared_at', type: 'text' },
      { name: 'signed_off_by', type: 'text' },
      { name: 'signed_off_at', type: 'text' },
      { name: 'figures_sha256', type: 'text' },
      { name: 'pack_sha256', type: 'text' },
      { name: 'voided_by', type: 'text' },
      { name: 'voided_at', type: 'text' },
      { name: 'void_reason', type: 'text' },
    ],
    period: 'period',
    figures: false,
  },
  // Offline returns (main/returns): each issued return, and its rows with their values when issued.
  {
    name: 'returns',
    entity: 'return',
    key: ['id'],
    columns: [
      { name: 'area', type: 'text' },
      { name: 'period', type: 'text' },
      { name: 'owner', type: 'text' },
      { name: 'file_name', type: 'text' },
      { name: 'issued_at', type: 'text' },
      { name: 'issued_by', type: 'text' },
      { name: 'due_date', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'returned_at', type: 'text' },
      { name: 'returned_sha256', type: 'text' },
      { name: 'applied_at', type: 'text' },
      { name: 'applied_by', type: 'text' },
    ],
    period: 'period',
    // Who was sent what, and when it came back: the month's bookkeeping, not its figures.
    figures: false,
  },
  {
    name: 'return_rows',
    entity: 'return_row',
    key: ['return_id', 'row_key'],
    columns: [
      { name: 'seq', type: 'integer' },
      { name: 'label', type: 'text' },
      { name: 'issued', type: 'text' },
    ],
  },
];

/** Archived packs (main/core/archive.ts) are the exact files a committee saw: kept whole, like the audit trail. */
export const APPEND_ONLY_TABLES: readonly AppendOnlySpec[] = [{ name: 'audit_log' }, { name: 'operations' }, { name: 'archived_packs' }];

/**
 * The migrator's bookkeeping, the per-transaction write context and the workspace's secret (the key
 * signing returns, made once by its migration and never written again): the only tables without
 * triggers. The secret is kept out of the audit trail on purpose: no audited value ever holds it.
 */
export const UNGUARDED_TABLES = ['outturn_migrations', 'write_context', 'workspace_secret'] as const;
