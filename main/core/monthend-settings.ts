import { UserError } from '../../shared/api/errors';
import { DEFAULT_MONTH_END_SETTINGS, MONTH_END_SETTING_LABELS, type MonthEndSettings } from '../../shared/monthend';
import { getSettings, setSetting } from '../store/settings';
import type { Channel, Workspace } from '../store/workspace';

/** The month-end settings are the workspace's (settings table, `monthEnd.<name>`), so every change is audited. */
const PREFIX = 'monthEnd.';

export function monthEndSettings(ws: Workspace): MonthEndSettings {
  const stored = getSettings(ws, PREFIX);
  const flag = (key: keyof MonthEndSettings) => (stored[key] === 'true' ? true : stored[key] === 'false' ? false : DEFAULT_MONTH_END_SETTINGS[key]);
  return { reviewerMustDiffer: flag('reviewerMustDiffer'), closeRequiresSignOff: flag('closeRequiresSignOff') };
}

export function updateMonthEndSettings(ws: Workspace, changes: Partial<MonthEndSettings>, channel: Channel): MonthEndSettings {
  const current = monthEndSettings(ws);
  const changed = (Object.keys(changes) as (keyof MonthEndSettings)[]).filter((k) => changes[k] !== undefined && changes[k] !== current[k]);
  if (!changed.length) throw new UserError('invalid_input', 'Nothing to change: the month-end settings are already as asked.');
  const said = changed.map((k) => `"${MONTH_END_SETTING_LABELS[k]}" ${changes[k] ? 'on' : 'off'}`).join(', ');
  ws.write({ channel, label: `Month-end setting ${said}` }, () => {
    for (const k of changed) setSetting(ws, `${PREFIX}${k}`, String(changes[k]));
  });
  return monthEndSettings(ws);
}
