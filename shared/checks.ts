import { z } from 'zod';

/**
 * A finding of any area's check engine: a disagreement between a reported and a computed figure, or a
 * data-quality warning. Findings are not errors. `outturn check` prints them one per line; the Checks
 * page groups them by area and table and takes the officer to `target`.
 */
export const TargetSchema = z.object({ area: z.string(), params: z.record(z.string(), z.string()) });

export const ReviewSchema = z.object({
  status: z.enum(['accepted', 'acknowledged']),
  note: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const FindingSchema = z.object({
  area: z.string(),
  table: z.string(),
  row: z.string(),
  column: z.string(),
  reported: z.string().nullable(),
  computed: z.string().nullable(),
  rule: z.string(),
  period: z.string(),
  /** The page showing the figure, when there is one. */
  target: TargetSchema.nullable(),
  rowKey: z.string().nullable(),
  columnKey: z.string().nullable(),
  /**
   * Set by the area when the reported figure no longer stands because an officer corrected a line it
   * is built from: "superseded by your correction of Residential on 2023-09-14". Not a published error.
   */
  supersededBy: z.string().nullable().default(null),
  /** An officer's review, while the figures are the ones reviewed; null while the finding is open. */
  review: ReviewSchema.nullable().default(null),
});
export type Finding = z.infer<typeof FindingSchema>;
/** What an area's check engine reports: a finding before the core has looked up its reviews. */
export type RawFinding = z.input<typeof FindingSchema>;

/** A finding is open until an officer accepts it (superseded by a correction) or acknowledges it with a note. */
export function isOpen(f: Pick<Finding, 'review'>): boolean {
  return f.review === null;
}

/** What a review is of: the finding, and the figures it had (a changed figure reopens it). */
export function findingKey(f: Pick<Finding, 'period' | 'area' | 'table' | 'rowKey' | 'column' | 'columnKey' | 'rule' | 'row'>): { period: string; area: string; table: string; rowKey: string; columnKey: string; rule: string } {
  return { period: f.period, area: f.area, table: f.table, rowKey: f.rowKey ?? f.row, columnKey: f.columnKey ?? f.column, rule: f.rule };
}

export function fingerprint(f: Pick<Finding, 'reported' | 'computed'>): string {
  return `${f.reported ?? ''}|${f.computed ?? ''}`;
}

/** One line per finding, as CONVENTIONS.md gives: area | table | row | column | reported X | computed Y | rule. */
export function formatFinding(f: Pick<Finding, 'area' | 'table' | 'row' | 'column' | 'reported' | 'computed' | 'rule'>): string {
  return `${f.area} | ${f.table} | ${f.row} | ${f.column} | reported ${f.reported ?? '-'} | computed ${f.computed ?? '-'} | ${f.rule}`;
}

/** The keys CONVENTIONS.md fixes for `outturn check --json`. */
export function findingForJson(f: Pick<Finding, 'area' | 'table' | 'row' | 'column' | 'reported' | 'computed' | 'rule'>) {
  return { area: f.area, table: f.table, row: f.row, column: f.column, reported: f.reported, computed: f.computed, rule: f.rule };
}
