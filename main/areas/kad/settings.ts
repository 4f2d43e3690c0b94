import { UserError } from '../../../shared/api/errors';
import { DEFAULT_KAD_SETTINGS, KadSettingsSchema, type KadSettings } from '../../../shared/areas/kad/checks';
import { getSettings, setSetting } from '../../store/settings';
import { frozenSettings } from '../../store/frozen';
import { FROZEN_TYPES_KEY as SERVICE_TYPES_KEY, listServiceTypes } from './repository';
import type { Channel, Workspace } from '../../store/workspace';
import { EXTRACT_MAPPING_KEY, extractMapping } from './extract/settings';

/** KAD settings live in the settings table as `kad.<name>`; a missing one takes its documented default. */
const PREFIX = 'kad.';

/**
 * The settings in force: for a closed month, those frozen with it when it closed (a setting changed
 * afterwards moves no closed month's totals); otherwise the workspace's current ones.
 */
export function kadSettings(ws: Workspace, period?: string): KadSettings {
  const frozen = period ? frozenSettings(ws, period) : new Map<string, string>();
  const stored = frozen.size ? Object.fromEntries([...frozen].filter(([k]) => k.startsWith(PREFIX) && k !== SERVICE_TYPES_KEY).map(([k, v]) => [k.slice(PREFIX.length), v])) : getSettings(ws, PREFIX);
  const merged: Record<string, unknown> = { ...DEFAULT_KAD_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_KAD_SETTINGS)) continue;
    merged[key] = typeof DEFAULT_KAD_SETTINGS[key as keyof KadSettings] === 'number' ? Number(value) : value;
  }
  const parsed = KadSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_KAD_SETTINGS;
}


/** What closing a month freezes of Key Activity Data: every setting, the service types, and the extract's support reason mapping. */
export function freezeKad(ws: Workspace): Record<string, string> {
  const settings = kadSettings(ws);
  return {
    ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [PREFIX + k, String(v)])),
    [SERVICE_TYPES_KEY]: JSON.stringify(listServiceTypes(ws)),
    [EXTRACT_MAPPING_KEY]: JSON.stringify(extractMapping(ws)),
  };
}

export function updateKadSettings(ws: Workspace, changes: Partial<KadSettings>, channel: Channel = 'grid'): KadSettings {
  const next = KadSettingsSchema.safeParse({ ...kadSettings(ws), ...changes });
  if (!next.success) throw new UserError('invalid_input', `Those settings cannot be saved: ${next.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  const changed = Object.entries(next.data).filter(([k, v]) => String(kadSettings(ws)[k as keyof KadSettings]) !== String(v));
  if (changed.length) {
    ws.write({ channel, label: `Change Key Activity Data settings: ${changed.map(([k, v]) => `${k} = ${v}`).join(', ')}` }, () => {
      for (const [k, v] of changed) setSetting(ws, PREFIX + k, String(v));
    });
  }
  return kadSettings(ws);
}
