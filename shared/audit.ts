import { z } from 'zod';
import { formatForEdit, formatValue, isNumericUnit, type UnitId } from './units';

/**
 * The audit trail as officers and auditors read it: one change of one cell (who, when, from what to
 * what, through which channel, the file for an import), for the cell history panel and the audit report.
 */
const CHANNEL_WORDS: Record<string, string> = {
  grid: 'Typed in the app',
  paste: 'Pasted in the app',
  import: 'Imported from a file',
  undo: 'Undo',
  redo: 'Redo',
  return: 'A return applied',
  cli: 'Command line',
  'close/reopen': 'Month-end (ready, sign-off, close, reopen)',
  seed: 'Workspace set-up',
  restore: 'Restore of a backup',
};

export function channelWords(channel: string): string {
  return CHANNEL_WORDS[channel] ?? channel;
}

const ACTION_WORDS: Record<string, string> = { insert: 'Added', update: 'Changed', delete: 'Removed' };

export function actionWords(action: string | null): string {
  return action ? (ACTION_WORDS[action] ?? action) : 'Changed';
}

/** A stored value as the column shows it ("£28,942k"), exact when it holds hidden decimals; "blank" for null. */
export function auditValueText(raw: string | null, unit?: UnitId | null): string {
  if (raw === null) return 'blank';
  if (!unit || !isNumericUnit(unit) || !/^-?\d+$/.test(raw)) return raw;
  const value = Number(raw);
  const shown = formatValue(value, unit);
  return value % 100 === 0 ? shown : `${shown} (exactly ${formatForEdit(value)})`;
}

export const AuditChangeSchema = z.object({
  id: z.number(),
  at: z.string(),
  osUser: z.string(),
  machine: z.string(),
  channel: z.string(),
  /** The channel in words: "Typed in the app", "Imported from a file". */
  how: z.string(),
  /** The step it was part of, as the undo history names it. */
  step: z.string().nullable(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  fileName: z.string().nullable(),
  fileSha256: z.string().nullable(),
});
export type AuditChange = z.infer<typeof AuditChangeSchema>;

/** One cell of a registered table, as the audit trail files it: the table, its key columns' values, the column. */
export const CellAddressSchema = z
  .object({
    table: z.string().min(1).max(64),
    key: z.record(z.string().max(64), z.union([z.string().max(200), z.number()])),
    field: z.string().min(1).max(64),
  })
  .strict();
export type CellAddress = z.infer<typeof CellAddressSchema>;

export const CellHistorySchema = z.object({
  table: z.string(),
  field: z.string(),
  entityKey: z.string(),
  /** The name of the area registering the table, or "Outturn" for the core's. */
  areaName: z.string(),
  changes: z.array(AuditChangeSchema),
});
export type CellHistory = z.infer<typeof CellHistorySchema>;
