import { describe, expect, it } from 'vitest';
import { sharedAreas } from '../../shared/areas';
import { rendererAreas, printSection } from '../../renderer/src/areas';
import { CORE_PAGES, navPages } from '../../renderer/src/app/pages';

/** Names the address uses for the shell's own parameters: no page may keep one of its own by these names. */
const RESERVED_PARAMS = ['area', 'period', 'token', 'sections'];

describe('the renderer registry', () => {
  it('has an area for every shared area and none other, in the same order', () => {
    expect(rendererAreas().map((a) => a.id)).toEqual(sharedAreas().map((a) => a.id));
  });

  it('lists the nav: each area page in the registry order, each followed by its further pages, then the core pages', () => {
    const pages = navPages();
    const more = (id: string) => rendererAreas().find((a) => a.id === id)?.morePages ?? [];
    expect(pages.map((p) => p.id)).toEqual([...rendererAreas().flatMap((a) => [a.id, ...more(a.id).map((m) => m.id)]), ...CORE_PAGES.map((p) => p.id)]);
    expect(pages.filter((p) => p.kind === 'area').map((p) => p.name)).toEqual(sharedAreas().flatMap((a) => [a.name, ...more(a.id).map((m) => m.name)]));
    expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
    // The print view is opened by address, never from the nav: no page may take its name.
    expect(pages.map((p) => p.id)).not.toContain('print');
  });

  it.each(rendererAreas().map((a) => [a.id, a] as const))('area %s: keeps its own parameters only, under names the shell does not use', (_id, area) => {
    for (const page of [area.page, ...(area.morePages ?? []).map((m) => m.page)]) {
      expect(page.params.filter((p) => RESERVED_PARAMS.includes(p))).toEqual([]);
      expect(new Set(page.params).size).toBe(page.params.length);
    }
  });

  it.each(sharedAreas().map((a) => [a.id, a] as const))('area %s: every committee pack section it declares is laid out in the print view, by the same area', (id, shared) => {
    const area = rendererAreas().find((a) => a.id === id)!;
    for (const section of shared.packSections) {
      expect(printSection(section.id), section.id).toBeDefined();
      expect(Object.keys(area.print)).toContain(section.id);
    }
    expect(Object.keys(area.print).filter((s) => !shared.packSections.some((p) => p.id === s))).toEqual([]);
  });

  it.each(sharedAreas().map((a) => [a.id, a] as const))('area %s: thresholds are given for its own check rules only', (id, shared) => {
    const area = rendererAreas().find((a) => a.id === id)!;
    expect(Object.keys(area.checkThresholds ?? {}).filter((r) => !(r in shared.checkRules))).toEqual([]);
  });
});
