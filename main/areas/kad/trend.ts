import { computeKadTotals } from '../../../shared/areas/kad/totals';
import { monthLabel } from '../../../shared/periods';
import { UserError } from '../../../shared/api/errors';
import type { KadTrend } from '../../../shared/areas/kad/trend';
import type { Workspace } from '../../store/workspace';
import { getLines, periodsWithKad } from './repository';
import { requireService } from './service';
import { kadSettings } from './settings';
import { extractLines, periodsWithExtract } from './extract/figures';

/**
 * Current packages and average weekly cost per month, for accommodation- and community-based care: the
 * figures of record where the month is held, else a care-package extract's.
 */
export function kadTrend(ws: Workspace, serviceId: string, from: string, to: string): KadTrend {
  const service = requireService(ws, serviceId);
  if (from > to) throw new UserError('invalid_input', `The chart range starts (${monthLabel(from)}) after it ends (${monthLabel(to)}).`);
  // Months held, and before them or between them months only a care-package extract gave figures for.
  const held = new Set(periodsWithKad(ws));
  const months = [...new Set([...held, ...periodsWithExtract(ws, serviceId)])].sort();
  const points = months
    .filter((p) => p >= from && p <= to)
    .map((period) => {
      const lines = held.has(period) ? getLines(ws, period, serviceId) : extractLines(ws, period, serviceId);
      const totals = computeKadTotals(lines, kadSettings(ws, period).averagingRule);
      const pick = (key: string) => {
        const t = totals.find((x) => x.key === key)!;
        return { packages: t.currentPackages, unitCost: t.currentUnitCost };
      };
      return { period, label: monthLabel(period), accommodation: pick('subtotal_accommodation'), community: pick('subtotal_community') };
    });
  return { serviceId, serviceName: service.name, from, to, points };
}
