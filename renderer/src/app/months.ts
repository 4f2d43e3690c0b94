import type { PeriodInfo } from '../../../shared/api/contract';
import { monthLabel } from '../../../shared/periods';

/** The month after `id` (YYYY-MM), across a year end. */
export function nextMonth(id: string): string {
  const [y, m] = id.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface RollForwardPlan {
  from: PeriodInfo;
  to: string;
  toLabel: string;
  /** The areas whose figures it would carry: those `from` holds and `to` does not yet. */
  areas: string[];
  /** Why the month cannot be rolled forward, or null when it can. */
  blocked: string | null;
}

/**
 * Mirrors the server's rules (main/core/months.ts) so the button is only offered when the month-level
 * roll forward would be accepted: the month holds figures, and next month lacks some area's, and is open.
 */
export function rollForwardPlan(from: PeriodInfo, months: readonly PeriodInfo[]): RollForwardPlan {
  const to = nextMonth(from.id);
  const next = months.find((m) => m.id === to);
  const toLabel = next?.label ?? monthLabel(to);
  const areas = from.areas.filter((a) => !next?.areas.includes(a));
  let blocked: string | null = null;
  if (!from.areas.length) blocked = `${from.label} holds no figures to roll forward.`;
  else if (!areas.length) blocked = `${toLabel} already holds figures.`;
  else if (next?.status === 'closed') blocked = `${toLabel} is closed.`;
  return { from, to, toLabel, areas, blocked };
}
