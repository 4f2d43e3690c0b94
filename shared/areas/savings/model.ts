import { z } from 'zod';
import { RAG_VALUES, type Hundredths, type Rag } from '../../units';

/**
 * The savings register: each saving agreed in the Business Plan (or carried forward unachieved from an
 * earlier year) with one current forecast. Money is hundredths of £000, negative = a saving, as published.
 */
export const RagSchema = z.enum(RAG_VALUES);
export const MoneySchema = z.number().int().refine(Number.isSafeInteger, 'too large');

export const RagOverrideSchema = z.object({ rag: RagSchema, reason: z.string(), by: z.string(), at: z.string() });
export type RagOverride = z.infer<typeof RagOverrideSchema>;

export const SavingLineSchema = z.object({
  id: z.string(),
  financialYear: z.string(),
  directorateId: z.string(),
  seq: z.number().int(),
  /** Business Plan reference as published: "A/R.6.176", "C/F 22-23 Saving", "A/R.6.200 plus C/F 22-23". */
  bpRef: z.string(),
  title: z.string(),
  /** The commissioner who owns the saving (returns are issued per owner). */
  owner: z.string().nullable(),
  originalSaving: MoneySchema.nullable(),
  forecastSaving: MoneySchema.nullable(),
  commentary: z.string().nullable(),
  /** An officer's RAG in place of the rule's, with the mandatory reason; null when the rule's RAG stands. */
  ragOverride: RagOverrideSchema.nullable(),
  /** The saving this one carries forward (a "C/F yy-yy Saving" line), when it is one. */
  carriedFrom: z.string().nullable(),
});
export type SavingLine = z.infer<typeof SavingLineSchema>;

export const DirectorateSchema = z.object({ id: z.string(), name: z.string() });
export type Directorate = z.infer<typeof DirectorateSchema>;

/** The figures an officer (or a return) types. */
export const SAVING_FIGURES = [
  { key: 'originalSaving', header: 'Original Saving £000' },
  { key: 'forecastSaving', header: 'Forecast Saving £000' },
] as const;
export type SavingFigure = (typeof SAVING_FIGURES)[number]['key'];
export const SavingFigureSchema = z.enum(['originalSaving', 'forecastSaving']);

export const SAVING_TEXTS = [
  { key: 'bpRef', header: 'BP Ref', max: 80, required: true },
  { key: 'title', header: 'Title', max: 300, required: true },
  { key: 'owner', header: 'Owner', max: 120, required: false },
  { key: 'commentary', header: 'Commentary for publication', max: 4000, required: false },
] as const;
export type SavingText = (typeof SAVING_TEXTS)[number]['key'];
export const SavingTextSchema = z.enum(['bpRef', 'title', 'owner', 'commentary']);

/** Words marking an officer's RAG wherever a RAG is shown: the grid, the print view and the pack. */
export const OVERRIDE_MARK = '(override)';

export function ragText(rag: Rag | null, overridden: boolean): string {
  if (!rag) return '';
  return overridden ? `${rag} ${OVERRIDE_MARK}` : rag;
}

/** "C/F 23-24 Saving": the BP Ref of a saving carried forward from a financial year. */
export function carryForwardRef(financialYear: string): string {
  return `C/F ${financialYear.slice(2, 4)}-${financialYear.slice(5, 7)} Saving`;
}

/**
 * The unachieved part of a saving, negative like a saving: the shortfall of the forecast, never more
 * than the saving itself (a blank forecast delivers nothing); 0 when achieved in full or more.
 */
export function unachieved(original: Hundredths | null, forecast: Hundredths | null): Hundredths {
  if (original === null || original >= 0) return 0;
  const shortfall = (forecast ?? 0) - original;
  return shortfall <= 0 ? 0 : -Math.min(shortfall, -original);
}
