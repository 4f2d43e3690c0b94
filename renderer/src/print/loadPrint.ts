import { listPackSections } from '../../../shared/pack/sections';
import { reportTitleFor, type PackSettings } from '../../../shared/pack/settings';
import { monthLabel } from '../../../shared/periods';
import { ApiError, send } from '../api/client';
import { printSection } from '../areas';
import type { PrintedSection } from '../areas/types';
import type { PrintRequest } from './printHash';

export interface PrintData {
  settings: PackSettings;
  reportTitle: string;
  periodLabel: string;
  /** The requested sections other than the cover, in the pack's order, each laid out by its area. */
  sections: { id: string; printed: PrintedSection }[];
}

/**
 * Everything the print view shows, through the same API as the rest of the app: the pack settings for
 * the cover, then each requested section from the area that brings it (renderer/src/areas).
 */
export async function loadPrintData(req: PrintRequest): Promise<PrintData> {
  const [{ settings }, periods] = await Promise.all([send('pack.settings', { period: req.period }), send('periods.list', {})]);
  if (!periods.months.some((m) => m.id === req.period)) {
    throw new ApiError('not_found', `${monthLabel(req.period)} is not a period of this workspace. Choose a month that exists and open the print view again.`);
  }
  const ctx = { period: req.period, periodLabel: monthLabel(req.period) };
  const titles = new Map(listPackSections().map((s) => [s.id, s.title]));
  const sections = await Promise.all(
    req.sections.flatMap((id) => {
      if (id === 'contents') return [];
      const load = printSection(id);
      if (!load) throw new ApiError('not_found', `The print view cannot lay out ${titles.get(id) ?? id} yet. Export the workbook to include it.`);
      return [load(ctx).then((printed) => ({ id, printed }))];
    }),
  );
  return { settings, reportTitle: reportTitleFor(settings, req.period), periodLabel: ctx.periodLabel, sections };
}
