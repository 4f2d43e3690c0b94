import { z } from 'zod';

/**
 * A finding of any area's check engine: a disagreement between a reported and a computed figure, or a
 * data-quality warning. Findings are not errors. `outturn check` prints them one per line; the Checks
 * page groups them by area and table and takes the officer to `target`.
 */
export const TargetSchema = z.object({ area: z.string(), params: z.record(z.string(), z.string()) });

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
});
export type Finding = z.infer<typeof FindingSchema>;

/** One line per finding, as CONVENTIONS.md gives: area | table | row | column | reported X | computed Y | rule. */
export function formatFinding(f: Finding): string {
  return `${f.area} | ${f.table} | ${f.row} | ${f.column} | reported ${f.reported ?? '-'} | computed ${f.computed ?? '-'} | ${f.rule}`;
}

/** The keys CONVENTIONS.md fixes for `outturn check --json`. */
export function findingForJson(f: Finding) {
  return { area: f.area, table: f.table, row: f.row, column: f.column, reported: f.reported, computed: f.computed, rule: f.rule };
}
