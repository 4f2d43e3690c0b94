import type { MonthEndState } from '../../../shared/monthend';
import { formatWhen } from '../import/format';

/** The month's status in a sentence, as the Month-end page heads it. */
export function statusSentence(s: MonthEndState): string {
  if (s.status === 'ready') return `Ready for review: marked ready by ${s.readyBy}${s.readyAt ? ` on ${formatWhen(s.readyAt)}` : ''}. A reviewer can sign it off.`;
  if (s.status === 'closed' && s.signOff) return `Signed off by ${s.signOff.signedOffBy} on ${formatWhen(s.signOff.signedOffAt)}, and closed. Nothing in ${s.label} can change until it is reopened.`;
  if (s.status === 'closed') return `Closed without sign-off by ${s.closedBy ?? 'unknown'}${s.closedAt ? ` on ${formatWhen(s.closedAt)}` : ''}. Nothing in ${s.label} can change until it is reopened.`;
  return `Open: ${s.label} is being prepared.`;
}

export const STATUS_LABEL: Record<MonthEndState['status'], string> = { open: 'Open', ready: 'Ready for review', closed: 'Closed' };

export const shortSha = (sha: string) => `${sha.slice(0, 12)}…`;
