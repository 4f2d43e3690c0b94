import { formatMeetingDate } from '../../shared/pack/settings';
import type { Workspace } from '../store/workspace';

/**
 * What a pack says about the month's approval: "Approved by … on …" for a month a reviewer signed off,
 * "Closed without sign-off by … on …" for a plain close, nothing while the month is open. Carried in the
 * workbook's document properties (description), on the contents sheet and in every sheet's footer.
 */
export interface PackApproval {
  kind: 'signed-off' | 'closed';
  by: string;
  /** ISO timestamp. */
  at: string;
}

export function approvalText(a: PackApproval): string {
  const on = formatMeetingDate(a.at.slice(0, 10));
  return a.kind === 'signed-off' ? `Approved by ${a.by} on ${on}` : `Closed without sign-off by ${a.by} on ${on}`;
}

/** The month's approval as the workspace holds it now. */
export function packApproval(ws: Workspace, period: string): PackApproval | null {
  const row = ws.db
    .prepare(
      `SELECT p.status, p.closed_by, p.closed_at, s.signed_off_by, s.signed_off_at FROM periods p
       LEFT JOIN period_signoffs s ON s.id = (SELECT MAX(id) FROM period_signoffs WHERE period = p.id AND voided_at IS NULL)
       WHERE p.id = ?`,
    )
    .get(period) as { status: string; closed_by: string | null; closed_at: string | null; signed_off_by: string | null; signed_off_at: string | null } | undefined;
  if (!row || row.status !== 'closed') return null;
  if (row.signed_off_by && row.signed_off_at) return { kind: 'signed-off', by: row.signed_off_by, at: row.signed_off_at };
  return { kind: 'closed', by: row.closed_by ?? 'unknown', at: row.closed_at ?? new Date().toISOString() };
}
