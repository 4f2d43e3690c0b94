import { registerSharedArea } from '../../shared/areas';
import type { ApiSpec } from '../../shared/area';
import { kadArea } from './kad/area';
import { savingsArea } from './savings/area';
import type { MainArea } from './types';
import { revenueArea } from './revenue/area';

/**
 * THE list of areas, main side. Adding an area means adding its line here (and on the shared and
 * renderer sides); nothing generic changes. Order is the nav's and the roll forward's order.
 */
export const BUILT_IN_AREAS = [kadArea, revenueArea, savingsArea] as const;

const extra: MainArea[] = [];

export function areas(): readonly MainArea[] {
  return [...(BUILT_IN_AREAS as readonly MainArea<ApiSpec>[]), ...extra];
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
