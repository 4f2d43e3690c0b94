import { registerSharedArea } from '../../shared/areas';
import type { ApiSpec } from '../../shared/area';
import { kadArea } from './kad/area';
import { capitalArea } from './capital/area';
import { reservesArea } from './reserves/area';
import type { MainArea } from './types';
import { revenueArea } from './revenue/area';

/**
 * THE list of areas, main side. Adding an area means adding its line here (and on the shared and
 * renderer sides); nothing generic changes. Order is the nav's and the roll forward's order.
 */
const builtInAreas = () => [kadArea, revenueArea, capitalArea, reservesArea] as const;

const extra: MainArea[] = [];

// The list is read when asked for, not when this file loads: an area's own modules reach the store,
// which asks for the areas, while that area may still be loading (a test importing its queries first).
export function areas(): readonly MainArea[] {
  return [...(builtInAreas() as readonly MainArea<ApiSpec>[]), ...extra];
}

export function area(id: string): MainArea | undefined {
  return areas().find((a) => a.shared.id === id);
}

/** For tests: adds an area (open workspaces afterwards); returns a function that removes it again. */
export function registerArea(area: MainArea): () => void {
  const unregisterShared = registerSharedArea(area.shared);
  extra.push(area);
  return () => {
    unregisterShared();
    const i = extra.indexOf(area);
    if (i >= 0) extra.splice(i, 1);
  };
}
