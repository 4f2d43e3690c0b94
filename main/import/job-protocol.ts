import type { UserErrorCode } from '../../shared/api/errors';
import type { ImportJobStatus } from './jobs';

/** Between the host and its import thread (threaded.ts, job-thread.ts): plain data only. */
export type ToJobs =
  | { type: 'open'; file: string; readOnly: boolean; nativeBinding?: string }
  | { type: 'request'; id: number; op: 'start' | 'lines' | 'cancel' | 'apply'; args: unknown[] }
  | { type: 'close' };

export interface JobError {
  code: UserErrorCode | 'internal';
  message: string;
  details?: Record<string, unknown>;
}

export type FromJobs =
  | { type: 'opened' }
  | { type: 'status'; status: ImportJobStatus }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: JobError }
  | { type: 'closed' };
