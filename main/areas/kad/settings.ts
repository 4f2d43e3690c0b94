import { UserError } from '../../../shared/api/errors';
import { DEFAULT_KAD_SETTINGS, KadSettingsSchema, type KadSettings } from '../../../shared/areas/kad/checks';
import { getSettings, setSetting } from '../../store/settings';
import type { Channel, Workspace } from '../../store/workspace';

/** KAD settings live in the settings table as `kad.<name>`; a missing one takes its documented default. */
const PREFIX = 'kad.';

export function kadSettings(ws: Workspace): KadSettings {
  const stored = getSettings(ws, PREFIX);
  const merged: Record<string, unknown> = { ...DEFAULT_KAD_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_KAD_SETTINGS)) continue;
    merged[key] = typeof DEFAULT_KAD_SETTINGS[key as keyof KadSettings] === 'number' ? Number(value) : value;
  }
  const parsed = KadSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_KAD_SETTINGS;
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
