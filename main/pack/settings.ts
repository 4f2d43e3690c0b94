import { UserError } from '../../shared/api/errors';
import { DEFAULT_PACK_SETTINGS, DEMO_MEETING_DATE, PACK_SETTING_KEYS, PackSettingsSchema, PackSettingsUpdateSchema, type PackSettings } from '../../shared/pack/settings';
import { getSetting, getSettings, setSetting } from '../store/settings';
import type { Channel, Workspace } from '../store/workspace';

/** Pack settings live in the settings table as `pack.<name>`; a missing one takes its default. */
const PREFIX = 'pack.';

function defaults(ws: Workspace): PackSettings {
  // The demo is the published August 2023 FMR, presented to the committee on 5 October 2023.
  return getSetting(ws, 'workspace.kind') === 'demo' ? { ...DEFAULT_PACK_SETTINGS, meetingDate: DEMO_MEETING_DATE } : { ...DEFAULT_PACK_SETTINGS };
}

export function packSettings(ws: Workspace): PackSettings {
  const stored = getSettings(ws, PREFIX);
  const merged: PackSettings = defaults(ws);
  for (const key of PACK_SETTING_KEYS) {
    const value = stored[key];
    if (value === undefined) continue;
    // A stored value that no longer passes (hand-edited database) falls back to the default, field by field.
    const one = PackSettingsSchema.shape[key].safeParse(value);
    if (one.success) merged[key] = one.data;
  }
  return merged;
}

function explain(issues: { path: PropertyKey[]; message: string }[]): string {
  const names: Record<string, string> = { councilName: 'Council name', committee: 'Committee', reportTitle: 'Report title', meetingDate: 'Meeting date', author: 'Author' };
  return issues.map((i) => `${names[String(i.path[0])] ?? String(i.path[0] ?? 'Settings')} ${i.message}`).join('; ');
}

/** Validates the change as a whole, then writes only what changed, as one audited step. */
export function updatePackSettings(ws: Workspace, changes: unknown, channel: Channel = 'grid'): PackSettings {
  const partial = PackSettingsUpdateSchema.safeParse(changes);
  if (!partial.success) throw new UserError('invalid_input', `Those pack settings cannot be saved: ${explain(partial.error.issues)}.`);
  const current = packSettings(ws);
  const next = PackSettingsSchema.safeParse({ ...current, ...partial.data });
  if (!next.success) throw new UserError('invalid_input', `Those pack settings cannot be saved: ${explain(next.error.issues)}.`);
  const changed = PACK_SETTING_KEYS.filter((k) => next.data[k] !== current[k]);
  if (changed.length) {
    const label = `Change committee pack settings: ${changed.map((k) => `${k} = ${next.data[k] === '' ? 'blank' : next.data[k]}`).join(', ')}`;
    ws.write({ channel, label }, () => {
      for (const k of changed) setSetting(ws, PREFIX + k, next.data[k]);
    });
  }
  return packSettings(ws);
}
