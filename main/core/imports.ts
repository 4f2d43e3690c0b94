import { areas } from '../areas';
import type { ImportEngine } from '../import/preview';
import type { Workspace } from '../store/workspace';

/** Every area's import layouts, and whether an area holds a month: what the import engine needs of the registry. */
export function importEngine(ws: Workspace): ImportEngine {
  return {
    specs: areas().flatMap((a) => a.imports ?? []),
    monthHeld: (area, period) => areas().find((a) => a.shared.id === area)?.hasData(ws, period) ?? false,
    rollForwardSource: (area, period) => {
      const a = areas().find((x) => x.shared.id === area);
      if (!a?.rollForward) return null;
      const earlier = ws.db.prepare('SELECT id FROM periods WHERE id < ? ORDER BY id DESC').pluck().all(period) as string[];
      return earlier.find((p) => a.hasData(ws, p)) ?? null;
    },
  };
}
