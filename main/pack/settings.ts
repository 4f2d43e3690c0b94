import { UserError } from '../../shared/api/errors';
import { DEFAULT_PACK_SETTINGS, PACK_SETTING_KEYS, PERIOD_SETTING_KEYS, PackSettingsSchema, PackSettingsUpdateSchema, type PackSettings, type PeriodSettingKey } from '../../shared/pack/settings';
import { getSettings, setSetting } from '../store/settings';
import type { Channel, Workspace } from '../store/workspace';

/**
 * What the committee pack says about itself. The council and committee are the workspace's (settings
 * table, `pack.<name>`); the meeting date, report title and author belong to a month
 * (pack_period_settings). The month's roll forward carries them, marked carried until an officer
 * confirms them, so October's pack never goes out with September's meeting date unnoticed.
 */
const PREFIX = 'pack.';
const WORKSPACE_KEYS = PACK_SETTING_KEYS.filter((k) => !(PERIOD_SETTING_KEYS as readonly string[]).includes(k));

export interface PeriodPackSettings {
  settings: PackSettings;
  /** The month's settings still as carried forward from the month before, not yet confirmed. */
  carried: PeriodSettingKey[];
}

function periodRows(ws: Workspace, period: string): { key: PeriodSettingKey; value: string; carried: number }[] {
  return ws.db.prepare('SELECT key, value, carried FROM pack_period_settings WHERE period = ?').all(period) as { key: PeriodSettingKey; value: string; carried: number }[];
}

export function packSettings(ws: Workspace, period?: string): PackSettings {
  return periodPackSettings(ws, period).settings;
}

export function periodPackSettings(ws: Workspace, period?: string): PeriodPackSettings {
  const stored: Record<string, string> = getSettings(ws, PREFIX);
  const rows = period ? periodRows(ws, period) : [];
  for (const r of rows) stored[r.key] = r.value;
  const merged: PackSettings = { ...DEFAULT_PACK_SETTINGS };
  for (const key of PACK_SETTING_KEYS) {
    const value = stored[key];
    if (value === undefined) continue;
    // A stored value that no longer passes (hand-edited database) falls back to the default, field by field.
    const one = PackSettingsSchema.shape[key].safeParse(value);
    if (one.success) merged[key] = one.data;
  }
  return { settings: merged, carried: rows.filter((r) => r.carried === 1).map((r) => r.key) };
}

function explain(issues: { path: PropertyKey[]; message: string }[]): string {
  const names: Record<string, string> = { councilName: 'Council name', committee: 'Committee', reportTitle: 'Report title', meetingDate: 'Meeting date', author: 'Author' };
  return issues.map((i) => `${names[String(i.path[0])] ?? String(i.path[0] ?? 'Settings')} ${i.message}`).join('; ');
}

/** Call inside Workspace.write: a month's setting, confirmed (carried 0) unless said. */
export function setPeriodPackSetting(ws: Workspace, period: string, key: PeriodSettingKey, value: string, carried = false): void {
  ws.db
    .prepare('INSERT INTO pack_period_settings (period, key, value, carried) VALUES (?, ?, ?, ?) ON CONFLICT(period, key) DO UPDATE SET value = excluded.value, carried = excluded.carried')
    .run(period, key, value, carried ? 1 : 0);
}

/**
 * Validates the change as a whole, then writes only what changed, as one audited step. Saving a
 * month's settings confirms them: a carried value saved unchanged is confirmed too.
 */
export function updatePackSettings(ws: Workspace, changes: unknown, channel: Channel = 'grid', period?: string): PeriodPackSettings {
  const partial = PackSettingsUpdateSchema.safeParse(changes);
  if (!partial.success) throw new UserError('invalid_input', `Those pack settings cannot be saved: ${explain(partial.error.issues)}.`);
  const current = periodPackSettings(ws, period);
  const next = PackSettingsSchema.safeParse({ ...current.settings, ...partial.data });
  if (!next.success) throw new UserError('invalid_input', `Those pack settings cannot be saved: ${explain(next.error.issues)}.`);
  const touched = Object.keys(partial.data) as (keyof PackSettings)[];
  const periodKeys = PERIOD_SETTING_KEYS.filter((k) => touched.includes(k) && (next.data[k] !== current.settings[k] || current.carried.includes(k)));
  if (periodKeys.length && !period) throw new UserError('invalid_input', 'The meeting date, report title and author belong to a month: choose the month first.');
  const workspaceKeys = WORKSPACE_KEYS.filter((k) => next.data[k] !== current.settings[k]);
  const changed = [...workspaceKeys, ...periodKeys];
  if (changed.length) {
    const label = `Change committee pack settings${period ? ` for ${period}` : ''}: ${changed.map((k) => `${k} = ${next.data[k] === '' ? 'blank' : next.data[k]}`).join(', ')}`;
    ws.write({ channel, label, ...(period ? { period } : {}) }, () => {
      for (const k of workspaceKeys) setSetting(ws, PREFIX + k, next.data[k]);
      for (const k of periodKeys) setPeriodPackSetting(ws, period!, k, next.data[k]);
    });
  }
  return periodPackSettings(ws, period);
}

/** The month's roll forward: next month takes this month's settings, marked carried. Call inside Workspace.write. */
export function carryPackSettings(ws: Workspace, from: string, to: string): void {
  ws.db
    .prepare(`INSERT OR IGNORE INTO pack_period_settings (period, key, value, carried) SELECT ?, key, value, 1 FROM pack_period_settings WHERE period = ?`)
    .run(to, from);
}
