import { z } from 'zod';
import { MonthId } from './periods';
import { BackupInfoSchema } from './import/schemas';

/**
 * Offline returns on the wire: the returns of a period and their status, and the preview of returned
 * workbooks before they are applied. The engine is main/returns; areas plug in through MainArea.returns.
 */
export const RETURN_STATUSES = ['issued', 'overdue', 'returned', 'applied', 'superseded'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const ReturnInfoSchema = z.object({
  id: z.string(),
  area: z.string(),
  areaName: z.string(),
  period: MonthId,
  periodLabel: z.string(),
  owner: z.string(),
  fileName: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  /** YYYY-MM-DD. */
  dueDate: z.string(),
  status: z.enum(RETURN_STATUSES),
  returnedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  appliedBy: z.string().nullable(),
  rows: z.number().int(),
});
export type ReturnInfo = z.infer<typeof ReturnInfoSchema>;

export const ReturnsAreaSchema = z.object({ id: z.string(), name: z.string(), noun: z.string(), owners: z.array(z.string()), unowned: z.array(z.string()) });
export type ReturnsArea = z.infer<typeof ReturnsAreaSchema>;

export const DueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a due date is written YYYY-MM-DD, for example 2023-11-14');

/**
 * One returned cell that differs from the return as issued: what it was when issued, what the owner
 * returned and what Outturn holds now. change: taken as returned; conflict: Outturn changed it since
 * the return was issued, so the officer chooses; already: Outturn already holds the returned value.
 */
export const ReturnCellSchema = z.object({
  rowKey: z.string(),
  label: z.string(),
  column: z.string(),
  header: z.string(),
  issued: z.string(),
  returned: z.string(),
  current: z.string(),
  kind: z.enum(['change', 'conflict', 'already']),
  /** Names the cell in a resolution: `rowKey:column`. */
  token: z.string(),
});
export type ReturnCell = z.infer<typeof ReturnCellSchema>;

export const ReturnPreviewSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  returnId: z.string().nullable(),
  owner: z.string().nullable(),
  areaName: z.string().nullable(),
  periodLabel: z.string().nullable(),
  /** refused: tampered, foreign, superseded, unreadable…; received: to apply; nothing-to-do: this very file is applied already. */
  state: z.enum(['refused', 'received', 'nothing-to-do']),
  reason: z.string().nullable(),
  cells: z.array(ReturnCellSchema),
});
export type ReturnPreview = z.infer<typeof ReturnPreviewSchema>;

export const ReturnsBatchSchema = z.object({
  batchId: z.string(),
  returns: z.array(ReturnPreviewSchema),
  changes: z.number().int(),
  conflicts: z.number().int(),
  refused: z.number().int(),
});
export type ReturnsBatch = z.infer<typeof ReturnsBatchSchema>;

export const ResolutionSchema = z.enum(['mine', 'theirs']);
export type Resolution = z.infer<typeof ResolutionSchema>;

/** What taking back a previewed batch did: applied, nothing to do, or returned with conflicts still to resolve. */
export const ReturnsAppliedSchema = z.object({
  state: z.enum(['applied', 'nothing-to-do', 'returned']),
  message: z.string(),
  changedCells: z.number().int(),
  backup: BackupInfoSchema.nullable(),
  unresolved: z.array(ReturnCellSchema),
  /** Refused files left out of the step at the officer's request. */
  leftOut: z.number().int(),
});
export type ReturnsApplied = z.infer<typeof ReturnsAppliedSchema>;
