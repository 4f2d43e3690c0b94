import { computeKadTotals } from '../../../shared/areas/kad/totals';
import { monthLabel } from '../../../shared/periods';
import { UserError } from '../../../shared/api/errors';
import type { KadTrend } from '../../../shared/areas/kad/trend';
import type { Workspace } from '../../store/workspace';
import { getLines, periodsWithKad } from './repository';
import { requireService } from './service';
import { kadSettings } from './settings';

/** Current packages and average weekly cost per month, for accommodation- and community-based care. */
export function kadTrend(ws: Workspace, serviceId: string, from: string, to: string): KadTrend {
  const service = requireService(ws, serviceId);
  if (from > to) throw new UserError('invalid_input', `The chart range starts (${monthLabel(from)}) after it ends (${monthLabel(to)}).`);
  const points = periodsWithKad(ws)
    .filter((p) => p >= from && p <= to)
    .map((period) => {
      const totals = computeKadTotals(getLines(ws, period, serviceId), kadSettings(ws, period).averagingRule);
      const pick = (key: string) => {
        const t = totals.find((x) => x.key === key)!;
        return { packages: t.currentPackages, unitCost: t.currentUnitCost };
      };
      return { period, label: monthLabel(period), accommodation: pick('subtotal_accommodation'), community: pick('subtotal_community') };
    });
  return { serviceId, serviceName: service.name, from, to, points };
}
