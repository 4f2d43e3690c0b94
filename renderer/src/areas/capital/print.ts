import { CAPITAL_AREA_ID } from '../../../../shared/areas/capital/ids';
import { capitalPackSection } from '../../../../shared/areas/capital/pack-layout';
import { send } from '../../api/client';
import { printTableSection } from '../../print/TableSection';
import type { PrintContext, PrintedSection } from '../types';

/** Appendix 3 for the print view, from the same layout as the workbook. */
export async function printCapitalSection(ctx: PrintContext): Promise<PrintedSection> {
  return printTableSection(capitalPackSection(CAPITAL_AREA_ID, await send('capital.table', { period: ctx.period })));
}
