import { z } from 'zod';
import { HundredthsSchema } from '../model';

/** What the last care-package extract imported for a month gave for one line, and which file it was. */
export const ExtractFigureSchema = z.object({
  lineKey: z.string(),
  currentPackages: HundredthsSchema.nullable(),
  currentUnitCost: HundredthsSchema.nullable(),
  /** Committed full-year spend (£k); on the Care Contributions line, committed client contributions (negative). */
  committedK: HundredthsSchema.nullable(),
  fileName: z.string(),
  sha256: z.string(),
  /** Whether the import wrote them into the month's figures (not so for figures kept only beside them). */
  applied: z.boolean(),
});
export type ExtractFigure = z.infer<typeof ExtractFigureSchema>;

/** The figures a line of record shares with the extract, and whether each still matches it. */
export const EXTRACT_FIELDS = ['currentPackages', 'currentUnitCost'] as const;
