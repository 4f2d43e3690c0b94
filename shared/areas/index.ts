import type { ApiSpec, PackSectionInfo, SharedArea } from '../area';
import { kadShared } from './kad/area';
import { capitalShared } from './capital/area';
import { reservesShared } from './reserves/area';
import { revenueShared } from './revenue/area';

/**
 * THE list of areas, shared side. Adding an area means adding its line here (and on the main and
 * renderer sides); nothing generic changes. Order is the nav's order.
 */
export const BUILT_IN_AREAS = [kadShared, revenueShared, capitalShared, reservesShared] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every built-in area's methods, as one type: the contract is the core's methods and these. */
export type AreaApi = UnionToIntersection<(typeof BUILT_IN_AREAS)[number]['api']>;

export const AREA_API = Object.assign({}, ...BUILT_IN_AREAS.map((a) => a.api)) as AreaApi;

const extra: SharedArea[] = [];

/** Built-in areas, then any registered at run time (a test's throwaway area). */
export function sharedAreas(): readonly SharedArea[] {
  return [...BUILT_IN_AREAS, ...extra];
}

export function sharedArea(id: string): SharedArea | undefined {
  return sharedAreas().find((a) => a.id === id);
}

/** For tests: adds an area's shared part; returns a function that removes it again. */
export function registerSharedArea(area: SharedArea): () => void {
  if (sharedAreas().some((a) => a.id === area.id)) throw new Error(`an area called ${area.id} is already registered`);
  extra.push(area);
  return () => {
    const i = extra.indexOf(area);
    if (i >= 0) extra.splice(i, 1);
  };
}

/** Methods of areas registered at run time, which the static contract cannot know. */
export function extraAreaApi(): ApiSpec {
  return Object.assign({}, ...extra.map((a) => a.api)) as ApiSpec;
}

/** The committee pack's sections in print order: the contents first, then every area's. */
export function packSections(): PackSectionInfo[] {
  return [{ id: 'contents', title: 'Contents', label: 'Contents (cover page with the council, committee, meeting and the list of sections)', order: 0 }, ...sharedAreas().flatMap((a) => a.packSections)].sort((a, b) => a.order - b.order);
}
