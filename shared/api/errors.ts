/**
 * Errors a user can cause carry a code and a message in plain English; the transports pass them to the
 * renderer unchanged. Anything else is an internal error and is reported as such.
 */
export const USER_ERROR_CODES = [
  'invalid_input',
  'period_closed',
  'read_only',
  'not_found',
  'nothing_to_undo',
  'nothing_to_redo',
  'not_demo',
  'no_space',
  'reason_required',
  /** The workspace is busy with a long step (an import being applied): try again when it ends. */
  'busy',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export interface WireError {
  code: UserErrorCode | 'internal';
  message: string;
  details?: Record<string, unknown>;
}

export function toWireError(err: unknown): WireError {
  if (err instanceof UserError) return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  return { code: 'internal', message: 'Outturn hit an internal error and did not save anything. Please try again; if it keeps happening, send the log to support.' };
}
