import { kadRenderer } from './kad/area';
import { capitalRenderer } from './capital/area';
import { reservesRenderer } from './reserves/area';
import { revenueRenderer } from './revenue/area';
import type { PrintSectionLoader, RendererArea } from './types';

/**
 * THE list of areas, renderer side. Adding an area means adding its line here (and on the shared and
 * main sides); nothing generic changes. Order is the nav's order, as on the other two sides.
 */
export const RENDERER_AREAS: readonly RendererArea[] = [kadRenderer, revenueRenderer, capitalRenderer, reservesRenderer];

export function rendererAreas(): readonly RendererArea[] {
  return RENDERER_AREAS;
}

export function rendererArea(id: string): RendererArea | undefined {
  return RENDERER_AREAS.find((a) => a.id === id);
}

/** The print view's layout of a committee pack section, from whichever area brings it. */
export function printSection(sectionId: string): PrintSectionLoader | undefined {
  for (const a of RENDERER_AREAS) {
    if (Object.prototype.hasOwnProperty.call(a.print, sectionId)) return a.print[sectionId];
  }
  return undefined;
}
