import { RESERVES_AREA_ID } from '../../../../shared/areas/reserves/ids';
import { reservesPackSection } from '../../../../shared/areas/reserves/pack-layout';
import { send } from '../../api/client';
import { printTableSection, tableSectionCharts } from '../../print/TableSection';
import type { PrintContext, PrintedSection } from '../types';

/** Appendix 5 for the print view, from the same layout as the workbook. */
export async function printReservesSection(ctx: PrintContext): Promise<PrintedSection> {
  const [grants, virements, schedules] = await Promise.all([send('reserves.grants', { period: ctx.period }), send('reserves.virements', { period: ctx.period }), send('reserves.schedules', { period: ctx.period })]);
  const section = reservesPackSection(RESERVES_AREA_ID, { grants, virements, schedules });
  return printTableSection(section, await tableSectionCharts(section));
}
