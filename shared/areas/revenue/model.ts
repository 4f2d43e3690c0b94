import { z } from 'zod';
import type { Hundredths } from '../../units';

/**
 * Revenue monitoring's model: budget lines in their published hierarchy, directorate (Appendix 1a, 1b)
 * → section (a plain heading) → optional subsection (an underlined heading closed by its Total row) →
 * line. Money is held in hundredths of £000, the unit Appendix 1 publishes; a blank is null.
 */

/** What an officer types on a line: net budget, percentages, totals and the previous variance are computed. */
export const ENTERED_FIELDS = ['grossBudget', 'incomeBudget', 'actual', 'forecastVariance'] as const;
export type EnteredField = (typeof ENTERED_FIELDS)[number];
export const EnteredFieldSchema = z.enum(ENTERED_FIELDS);
export const isEnteredField = (name: string): name is EnteredField => (ENTERED_FIELDS as readonly string[]).includes(name);
/** Where each entered figure is kept: a column of revenue_lines (keyed by period and line), for SQL and a cell's history. */
export const REVENUE_LINE_TABLE = 'revenue_lines';
export const REVENUE_LINE_COLUMNS: Record<EnteredField, string> = {
  grossBudget: 'gross_budget',
  incomeBudget: 'income_budget',
  actual: 'actual',
  forecastVariance: 'forecast_variance',
};

/** Every figure of a row as Appendix 1 prints it, in its column order. */
export const FIGURE_COLUMNS = ['previousVariance', 'grossBudget', 'incomeBudget', 'netBudget', 'actual', 'forecastVariance', 'variancePct'] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];
export const MONEY_COLUMNS = ['previousVariance', 'grossBudget', 'incomeBudget', 'netBudget', 'actual', 'forecastVariance'] as const;
export type MoneyColumn = (typeof MONEY_COLUMNS)[number];

export const COLUMN_HEADERS: Record<FigureColumn, string> = {
  previousVariance: 'Forecast Outturn Variance (Previous)',
  grossBudget: 'Gross Budget',
  incomeBudget: 'Income Budget',
  netBudget: 'Net Budget',
  actual: 'Actual',
  forecastVariance: 'Forecast Outturn Variance',
  variancePct: 'Forecast Outturn Variance %',
};

export type Figures = Record<FigureColumn, Hundredths | null>;

export const HundredthsSchema = z.number().int().refine(Number.isSafeInteger, 'too large');
const N = HundredthsSchema.nullable();

export const DirectorateSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** "1a": the Appendix 1 table and the Appendix 2 part ("2a") it belongs to. */
  appendix: z.string(),
  /** "Adults, Health & Commissioning Total" / "Total Expenditure". */
  expenditureTotalLabel: z.string(),
  overallTotalLabel: z.string(),
});
export type Directorate = z.infer<typeof DirectorateSchema>;

export const SectionSchema = z.object({
  directorateId: z.string(),
  name: z.string(),
  order: z.number().int(),
  /** The label of its Total row, or null when the section is a plain heading with no total. */
  totalLabel: z.string().nullable(),
  /** Mitigation and funding sections sit below the expenditure total. */
  isMitigation: z.boolean(),
  /** The row of the section 1.2 summary table the section counts under. */
  summaryRow: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;

/** Where the previous month's variance shown comes from. */
export const PreviousSourceSchema = z.enum(['computed', 'reported', 'none']);
export type PreviousSource = z.infer<typeof PreviousSourceSchema>;

export const RevenueLineSchema = z.object({
  key: z.string(),
  directorateId: z.string(),
  section: z.string(),
  subsection: z.string().nullable(),
  label: z.string(),
  committee: z.string().nullable(),
  budgetHolder: z.string().nullable(),
  order: z.number().int(),
  grossBudget: N,
  incomeBudget: N,
  actual: N,
  forecastVariance: N,
  /** Last FMR month's variance of the same line: computed from the month held, else as reported, else blank. */
  previousVariance: N,
  previousSource: PreviousSourceSchema,
});
export type RevenueLine = z.infer<typeof RevenueLineSchema>;

/** A figure the published table (or an imported file) states for a derived cell: kept, never trusted. */
export const ReportedValueSchema = z.object({ tableId: z.string(), rowKey: z.string(), column: z.string(), value: z.number().nullable() });
export type ReportedValue = z.infer<typeof ReportedValueSchema>;

/** "Executive Director - Adults, Health & Commissioning" in "ahc" → "ahc:executive-director-adults-health-commissioning". */
export function lineKeyFor(directorateId: string, label: string): string {
  return `${directorateId}:${slug(label)}`;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
