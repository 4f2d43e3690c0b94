import { UserError } from '../../../shared/api/errors';
import { DEFAULT_REVENUE_SETTINGS, RevenueSettingsSchema, type RevenueSettings } from '../../../shared/areas/revenue/settings';
import { frozenSettings } from '../../store/frozen';
import { getSettings, setSetting } from '../../store/settings';
import type { Channel, Workspace } from '../../store/workspace';

/** Revenue settings live in the settings table as `revenue.<name>`; a missing one takes its documented default. */
const PREFIX = 'revenue.';

function merge(stored: Record<string, string>): RevenueSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_REVENUE_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_REVENUE_SETTINGS)) continue;
    merged[key] = typeof DEFAULT_REVENUE_SETTINGS[key as keyof RevenueSettings] === 'number' ? Number(value) : value;
  }
  const parsed = RevenueSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_REVENUE_SETTINGS;
}

/** The settings in force: for a closed month those frozen with it, otherwise the workspace's. */
export function revenueSettings(ws: Workspace, period?: string): RevenueSettings {
  const frozen = period ? frozenSettings(ws, period) : new Map<string, string>();
  const mine = [...frozen].filter(([k]) => k.startsWith(PREFIX));
  return merge(mine.length ? Object.fromEntries(mine.map(([k, v]) => [k.slice(PREFIX.length), v])) : getSettings(ws, PREFIX));
}

/** What closing a month freezes of revenue: the percentage bases and the commentary threshold. */
export function freezeRevenue(ws: Workspace): Record<string, string> {
  return Object.fromEntries(Object.entries(revenueSettings(ws)).map(([k, v]) => [PREFIX + k, String(v)]));
}

export function updateRevenueSettings(ws: Workspace, changes: Partial<RevenueSettings>, channel: Channel = 'grid'): RevenueSettings {
  const current = revenueSettings(ws);
  const next = RevenueSettingsSchema.safeParse({ ...current, ...changes });
  if (!next.success) throw new UserError('invalid_input', `Those revenue settings cannot be saved: ${next.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}. Nothing was saved.`);
  const changed = Object.entries(next.data).filter(([k, v]) => String(current[k as keyof RevenueSettings]) !== String(v));
  if (changed.length) {
    ws.write({ channel, label: `Change revenue settings: ${changed.map(([k, v]) => `${k} = ${v}`).join(', ')}`, undoable: true }, () => {
      for (const [k, v] of changed) setSetting(ws, PREFIX + k, String(v));
    });
  }
  return revenueSettings(ws);
}
