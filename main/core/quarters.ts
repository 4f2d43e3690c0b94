import { UserError } from '../../shared/api/errors';
import { DEFAULT_QUARTER_PUBLISHING, QuarterPublishingSchema, type QuarterPublishing } from '../../shared/periods';
import { getSetting, setSetting } from '../store/settings';
import type { Channel, Workspace } from '../store/workspace';

/** Which month publishes each quarter's tables: a workspace setting (CONVENTIONS.md defaults until changed). */
const KEY = 'periods.quarterPublishing';

export function quarterPublishing(ws: Workspace): QuarterPublishing {
  const raw = getSetting(ws, KEY);
  if (!raw) return DEFAULT_QUARTER_PUBLISHING;
  try {
    const parsed = QuarterPublishingSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_QUARTER_PUBLISHING;
  } catch {
    return DEFAULT_QUARTER_PUBLISHING;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function setQuarterPublishing(ws: Workspace, changes: Partial<QuarterPublishing>, channel: Channel = 'grid'): QuarterPublishing {
  const next = QuarterPublishingSchema.safeParse({ ...quarterPublishing(ws), ...changes });
  if (!next.success) throw new UserError('invalid_input', 'Each quarter is published in a month from 1 (January) to 12 (December).');
  const before = quarterPublishing(ws);
  const changed = (Object.keys(next.data) as (keyof QuarterPublishing)[]).filter((k) => before[k] !== next.data[k]);
  if (changed.length) {
    ws.write({ channel, label: `Quarters published in: ${changed.map((k) => `${k.toUpperCase()} ${MONTHS[next.data[k] - 1]}`).join(', ')}`, undoable: true }, () => setSetting(ws, KEY, JSON.stringify(next.data)));
  }
  return quarterPublishing(ws);
}
