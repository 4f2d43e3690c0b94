import { z } from 'zod';
import { CommentarySettingsSchema, DEFAULT_COMMENTARY_SETTINGS } from './commentary';
import { DEFAULT_PCT_BASES, PctBaseSchema } from './percent';

/** Revenue's settings; closing a month freezes them with it, since each shapes the month's figures or findings. */
export const RevenueSettingsSchema = z
  .object({
    pctBaseAppendix1: PctBaseSchema,
    pctBaseSummary: PctBaseSchema,
    pctBaseCommentary: PctBaseSchema,
  })
  .extend(CommentarySettingsSchema.shape);
export type RevenueSettings = z.infer<typeof RevenueSettingsSchema>;

export const DEFAULT_REVENUE_SETTINGS: RevenueSettings = {
  pctBaseAppendix1: DEFAULT_PCT_BASES.appendix1,
  pctBaseSummary: DEFAULT_PCT_BASES.summary,
  pctBaseCommentary: DEFAULT_PCT_BASES.commentary,
  ...DEFAULT_COMMENTARY_SETTINGS,
};
