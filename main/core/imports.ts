import { areas } from '../areas';
import type { ImportEngine } from '../import/preview';
import type { Workspace } from '../store/workspace';

/**
 * Every area's import layouts, and whether an area holds a month: what the import engine needs of the
 * registry. One engine answers for one state of the workspace (a preview, a plan): it asks each area
 * about each month once, however many tables of that month a file holds.
 */
export function importEngine(ws: Workspace): ImportEngine {
  const held = new Map<string, boolean>();
  const monthHeld = (area: string, period: string): boolean => {
    const key = `${area}|${period}`;
    let answer = held.get(key);
    if (answer === undefined) held.set(key, (answer = areas().find((a) => a.shared.id === area)?.hasData(ws, period) ?? false));
    return answer;
  };
  let periods: string[] | null = null;
  return {
    specs: areas().flatMap((a) => a.imports ?? []),
    monthHeld,
    rollForwardSource: (area, period) => {
      const a = areas().find((x) => x.shared.id === area);
      if (!a?.rollForward) return null;
      periods ??= ws.db.prepare('SELECT id FROM periods ORDER BY id DESC').pluck().all() as string[];
      return periods.find((p) => p < period && monthHeld(area, p)) ?? null;
    },
  };
}
