import { PACK_SETTING_KEYS, PackSettingsSchema, type PackSettings } from '../../../shared/pack/settings';

export type PackSettingKey = (typeof PACK_SETTING_KEYS)[number];
export type Draft = Record<PackSettingKey, string>;

export const FIELD_LABELS: Record<PackSettingKey, string> = {
  councilName: 'Council name',
  committee: 'Committee',
  reportTitle: 'Report title',
  meetingDate: 'Meeting date',
  author: 'Author',
};

export function toDraft(s: PackSettings): Draft {
  return { councilName: s.councilName, committee: s.committee, reportTitle: s.reportTitle, meetingDate: s.meetingDate, author: s.author };
}

export type Checked = { ok: true; changes: Partial<PackSettings> } | { ok: false; errors: Partial<Record<PackSettingKey, string>> };

/**
 * The form checked with the schema the server applies (shared/pack/settings.ts), so a mistake is named
 * beside its field before anything is sent; only the fields that differ from what is saved are sent.
 */
export function checkDraft(draft: Draft, saved: PackSettings): Checked {
  const parsed = PackSettingsSchema.safeParse(draft);
  if (!parsed.success) {
    const errors: Partial<Record<PackSettingKey, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as PackSettingKey;
      errors[key] ??= `${FIELD_LABELS[key]} ${issue.message}.`;
    }
    return { ok: false, errors };
  }
  const changes: Partial<PackSettings> = {};
  for (const key of PACK_SETTING_KEYS) if (parsed.data[key] !== saved[key]) changes[key] = parsed.data[key];
  return { ok: true, changes };
}
