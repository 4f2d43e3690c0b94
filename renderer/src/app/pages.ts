import { sharedArea } from '../../../shared/areas';
import { rendererAreas } from '../areas';
import type { AreaPage } from '../areas/types';
import type { PageAddress } from './address';

/** The pages every workspace has, after the area pages in the nav. */
export const CORE_PAGES = [
  // Findings are about the month on screen, for every area; the nav shows their count.
  { id: 'checks', name: 'Checks' },
  // The month's status, ready for review, sign-off, close and reopen, for every area; the audit report.
  { id: 'monthend', name: 'Month-end' },
  // Offline returns (workbooks sent to budget holders and commissioners) and where each stands.
  { id: 'returns', name: 'Returns' },
  // Import brings figures in; Backups holds the snapshot taken before each import (the Electron menu opens both by address).
  { id: 'import', name: 'Import' },
  { id: 'backups', name: 'Backups' },
  // The workbook export and the print view (#area=print, renderer/src/print/) for the toolbar's month.
  { id: 'pack', name: 'Committee pack' },
  { id: 'settings', name: 'Settings' },
  { id: 'help', name: 'Help' },
] as const;

export type CorePageId = (typeof CORE_PAGES)[number]['id'];

/** Area pages edit figures: undo, redo and roll forward act there, and nowhere else. */
export type NavPage = PageAddress & { name: string } & ({ kind: 'area' } | { kind: 'core'; id: CorePageId });

/** The nav's pages: each registered area's page in the registry's order, then the core pages. */
export function navPages(): NavPage[] {
  return [
    ...rendererAreas().flatMap((a): NavPage[] => [
      { id: a.id, name: sharedArea(a.id)?.name ?? a.id, params: a.page.params, kind: 'area' },
      ...(a.morePages ?? []).map((m): NavPage => ({ id: m.id, name: m.name, params: m.page.params, kind: 'area' })),
    ]),
    ...CORE_PAGES.map((p): NavPage => ({ id: p.id, name: p.name, params: [], kind: 'core' })),
  ];
}

/** The page an area shows at a nav id: its main page, or one of its further pages. */
export function areaPageAt(id: string): AreaPage | undefined {
  for (const a of rendererAreas()) {
    if (a.id === id) return a.page;
    const more = a.morePages?.find((m) => m.id === id);
    if (more) return more.page;
  }
  return undefined;
}
