import { isOpen } from '../../shared/checks';
import { monthLabel } from '../../shared/periods';
import { sharedArea } from '../../shared/areas';
import { areas } from '../areas';
import { periodPackSettings } from '../pack/settings';
import type { Workspace } from '../store/workspace';
import { monthFindings } from './checks';
import { areasWithData } from './months';

/**
 * What stands between a month and its committee pack: figures still as carried forward, findings no
 * officer has accepted or acknowledged, pack settings carried from last month and not confirmed, or no
 * figures at all. The export says so before writing (the app in a dialog, the CLI on stderr); with
 * --strict it refuses instead.
 */
export interface Readiness {
  period: string;
  /** The month holds no figures of any area. */
  empty: boolean;
  /** One plain-English line per thing not ready, for the dialog and the CLI. */
  lines: string[];
  openFindings: number;
  ready: boolean;
}

const SETTING_NAMES: Record<string, string> = { meetingDate: 'meeting date', reportTitle: 'report title', author: 'author' };

export function exportReadiness(ws: Workspace, period: string): Readiness {
  const label = monthLabel(period);
  const empty = areasWithData(ws, period).length === 0;
  const lines: string[] = [];
  if (empty) lines.push(`${label} holds no figures: the pack would be empty.`);
  for (const a of areas()) lines.push(...(a.notReady?.(ws, period) ?? []));
  const open = monthFindings(ws, period).filter(isOpen);
  const byArea = new Map<string, number>();
  for (const f of open) byArea.set(f.area, (byArea.get(f.area) ?? 0) + 1);
  for (const [area, n] of byArea) {
    lines.push(`${n} ${sharedArea(area)?.name ?? area} finding${n === 1 ? '' : 's'} not yet accepted or acknowledged (Checks lists them).`);
  }
  const { carried } = periodPackSettings(ws, period);
  if (carried.length) lines.push(`The pack's ${carried.map((k) => SETTING_NAMES[k] ?? k).join(', ')} ${carried.length === 1 ? 'is' : 'are'} still as carried from last month: confirm ${carried.length === 1 ? 'it' : 'them'} under Committee pack settings.`);
  return { period, empty, lines, openFindings: open.length, ready: lines.length === 0 };
}
