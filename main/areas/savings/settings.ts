import { UserError } from '../../../shared/api/errors';
import { DEFAULT_RAG_SETTINGS, RagSettingsSchema, type RagSettings } from '../../../shared/areas/savings/rag';
import { frozenSettings } from '../../store/frozen';
import { getSettings, setSetting } from '../../store/settings';
import type { Channel, Workspace } from '../../store/workspace';

/** RAG boundaries live in the settings table as `savings.rag.<name>`; a missing one takes its documented default. */
const PREFIX = 'savings.rag.';

/** The boundaries in force: for a closed month those frozen with it, otherwise the workspace's. */
export function ragSettings(ws: Workspace, period?: string): RagSettings {
  const frozen = period ? frozenSettings(ws, period) : new Map<string, string>();
  const stored = frozen.size
    ? Object.fromEntries([...frozen].filter(([k]) => k.startsWith(PREFIX)).map(([k, v]) => [k.slice(PREFIX.length), v]))
    : getSettings(ws, PREFIX);
  const merged: Record<string, number> = { ...DEFAULT_RAG_SETTINGS };
  for (const [key, value] of Object.entries(stored)) if (key in DEFAULT_RAG_SETTINGS) merged[key] = Number(value);
  const parsed = RagSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_RAG_SETTINGS;
}

export function freezeSavings(ws: Workspace): Record<string, string> {
  return Object.fromEntries(Object.entries(ragSettings(ws)).map(([k, v]) => [PREFIX + k, String(v)]));
}

export function updateRagSettings(ws: Workspace, changes: Partial<RagSettings>, channel: Channel = 'grid'): RagSettings {
  const now = ragSettings(ws);
  const next = RagSettingsSchema.safeParse({ ...now, ...changes });
  if (!next.success) throw new UserError('invalid_input', `Those RAG boundaries cannot be saved: ${next.error.issues.map((i) => i.message).join('; ')}.`);
  const changed = Object.entries(next.data).filter(([k, v]) => now[k as keyof RagSettings] !== v);
  if (changed.length) {
    ws.write({ channel, label: `Change the RAG boundaries: ${changed.map(([k, v]) => `${k} = ${v}`).join(', ')}`, undoable: true }, () => {
      for (const [k, v] of changed) setSetting(ws, PREFIX + k, String(v));
    });
  }
  return ragSettings(ws);
}
