import { z } from 'zod';
import { TargetSchema } from '../checks';

/** The import preview and job state as they cross the API. */
export const PreviewTableSchema = z.object({
  tableId: z.string(),
  sheet: z.string(),
  row: z.number(),
  layout: z.string(),
  spec: z.string(),
  area: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  subjectNoun: z.string(),
  target: TargetSchema,
  newSubject: z.boolean(),
  newMonth: z.boolean(),
  /** For a new month: the month it will be rolled forward from, or null when the area holds no earlier month. */
  rollsFrom: z.string().nullable(),
  newLines: z.number(),
  changedLines: z.number(),
  unchangedLines: z.number(),
  changedCells: z.number(),
  reportedValues: z.number(),
});

export const PreviewLineSchema = z.object({
  lineKey: z.string(),
  label: z.string(),
  sheet: z.string(),
  row: z.number(),
  status: z.enum(['new', 'changed', 'unchanged']),
  cells: z.array(z.object({ field: z.string(), header: z.string(), cell: z.string(), old: z.string().nullable(), new: z.string().nullable() })),
});

export const BackupInfoSchema = z.object({ file: z.string(), name: z.string(), createdAt: z.string(), reason: z.string(), bytes: z.number(), keep: z.boolean(), damaged: z.string().nullable() });

export const ImportJobStatusSchema = z.object({
  jobId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  state: z.enum(['reading', 'refused', 'ready', 'applied', 'nothing-to-do', 'cancelled', 'failed']),
  rowsRead: z.number(),
  totalRowsEstimate: z.number().nullable(),
  fraction: z.number().nullable(),
  remainingMs: z.number().nullable(),
  elapsedMs: z.number(),
  problems: z.array(z.string()),
  problemCount: z.number(),
  notes: z.array(z.string()),
  tables: z.array(PreviewTableSchema),
  message: z.string().nullable(),
  backup: BackupInfoSchema.nullable(),
});
export type ImportJobStatusWire = z.infer<typeof ImportJobStatusSchema>;

/** Files cross the API in base64 chunks small enough for any transport (the HTTP bridge takes 1 MB a call). */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
