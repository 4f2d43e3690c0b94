import { z } from 'zod';
import { MonthId } from './periods';

/**
 * The month-end workflow, for every area of a month: open → ready for review (marked by its preparer)
 * → signed off by a reviewer, which closes it. A plain close (without sign-off) stays available unless
 * the workspace says a close requires a sign-off. What the API and the Month-end page share.
 */
export const MonthStatusSchema = z.enum(['open', 'ready', 'closed']);
export type MonthStatus = z.infer<typeof MonthStatusSchema>;

export const MonthEndSettingsSchema = z.object({
  /** The OS user who marked a month ready cannot sign it off. */
  reviewerMustDiffer: z.boolean(),
  /** A plain close is refused: a month closes only by a reviewer's sign-off. */
  closeRequiresSignOff: z.boolean(),
});
export type MonthEndSettings = z.infer<typeof MonthEndSettingsSchema>;

export const DEFAULT_MONTH_END_SETTINGS: MonthEndSettings = { reviewerMustDiffer: true, closeRequiresSignOff: false };

/** As the Month-end page and the audit trail name the settings. */
export const MONTH_END_SETTING_LABELS: Record<keyof MonthEndSettings, string> = {
  reviewerMustDiffer: 'reviewer must differ from preparer',
  closeRequiresSignOff: 'close requires sign-off',
};

export const SignOffSchema = z.object({
  id: z.number(),
  preparedBy: z.string().nullable(),
  preparedAt: z.string().nullable(),
  signedOffBy: z.string(),
  signedOffAt: z.string(),
  figuresSha256: z.string(),
  packSha256: z.string(),
  voidedBy: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type SignOff = z.infer<typeof SignOffSchema>;

export const ArchivedPackSchema = z.object({
  id: z.number(),
  period: MonthId,
  archivedAt: z.string(),
  /** Archived when the month was signed off, or closed without sign-off. */
  kind: z.enum(['signed-off', 'closed']),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number(),
});
export type ArchivedPack = z.infer<typeof ArchivedPackSchema>;

/** One step of the month's month-end history, said in words. */
export const MonthEventSchema = z.object({ at: z.string(), kind: z.string(), by: z.string().nullable(), text: z.string() });
export type MonthEvent = z.infer<typeof MonthEventSchema>;

export const MonthEndStateSchema = z.object({
  period: MonthId,
  label: z.string(),
  status: MonthStatusSchema,
  readyBy: z.string().nullable(),
  readyAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** "signed off by … on …" or "closed without sign-off by … on …" while closed. */
  closedText: z.string().nullable(),
  /** The sign-off in force (not voided), while the month is closed by one. */
  signOff: SignOffSchema.nullable(),
  /** Open findings (neither resolved nor acknowledged), per area: what blocks marking the month ready. */
  openFindings: z.array(z.object({ area: z.string(), name: z.string(), count: z.number() })),
  /** Why each step cannot be taken now, in plain words; null when it can. */
  refusals: z.object({ markReady: z.string().nullable(), signOff: z.string().nullable(), close: z.string().nullable(), reopen: z.string().nullable() }),
  signOffs: z.array(SignOffSchema),
  archivedPacks: z.array(ArchivedPackSchema),
  history: z.array(MonthEventSchema),
  settings: MonthEndSettingsSchema,
  /** Who this window acts as (the OS user). */
  user: z.string(),
});
export type MonthEndState = z.infer<typeof MonthEndStateSchema>;

export const CloseResultSchema = z.object({
  label: z.string(),
  packSha256: z.string(),
  /** Set by a sign-off. */
  figuresSha256: z.string().nullable(),
  /** The month-end backup (kept out of the rotation), or null when it could not be taken. */
  backup: z.string().nullable(),
  /** Why the month-end backup could not be taken; the month is closed all the same. */
  backupProblem: z.string().nullable(),
  /** The month after: created or refreshed from the closed one. */
  next: z.object({ period: MonthId, rolledForward: z.array(z.string()), refreshed: z.array(z.string()) }).nullable(),
});
export type CloseResult = z.infer<typeof CloseResultSchema>;

/** A figure of a month, as the figures hash serialises it. */
export interface FigureCell {
  /** The area registering the table (`core` for the core's tables, such as reported_values). */
  area: string;
  /** The SQL table. */
  table: string;
  /** The row's key columns' values joined by "|", as the audit trail's entity_key. */
  key: string;
  /** The column. */
  field: string;
  value: number | string | null;
}

export const FIGURES_FORMAT = 'outturn-figures/1';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The fixed serialisation a sign-off hashes (SHA-256 of its UTF-8 bytes). First line
 * `outturn-figures/1 <YYYY-MM>`, then one line per field of every row of the month:
 * `["<area>","<table>","<key>","<field>",<value>]` (a JSON array; the value a JSON number, string or
 * null), each line ending in "\n". Lines are sorted by area, then table, key and field, comparing
 * strings by UTF-16 code units, so the order rows were written in never matters. A blank is `null`,
 * never 0, so a cell cleared and a zero typed hash differently.
 */
export function serialiseFigures(period: string, cells: readonly FigureCell[]): string {
  const sorted = [...cells].sort((x, y) => compare(x.area, y.area) || compare(x.table, y.table) || compare(x.key, y.key) || compare(x.field, y.field));
  return `${FIGURES_FORMAT} ${period}\n${sorted.map((c) => `${JSON.stringify([c.area, c.table, c.key, c.field, c.value])}\n`).join('')}`;
}
