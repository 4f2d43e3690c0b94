import type { PackSectionId } from '../../shared/pack/sections';
import { monthLabel } from '../../shared/periods';
import type { Workspace } from '../store/workspace';
import type { PackApproval } from './approval';
import { buildPackWithOutline } from './build';
import { packSettings } from './settings';

/** The pack as bytes for the app to save (and for a closing month to archive): the same workbook `outturn export` writes to a file. */
export async function packFile(
  ws: Workspace,
  period: string,
  sections?: readonly PackSectionId[],
  approval?: PackApproval,
): Promise<{ fileName: string; data: Buffer; sheets: number; figures: number }> {
  const built = await buildPackWithOutline(ws, { period, ...(sections ? { sections } : {}), ...(approval ? { approval } : {}) });
  const data = Buffer.from(await built.workbook.xlsx.writeBuffer());
  const council = packSettings(ws, period).councilName.replace(/[\\/:*?"<>|]+/g, ' ').trim();
  return { fileName: `${council ? `${council} ` : ''}committee pack ${monthLabel(period)}.xlsx`, data, sheets: built.workbook.worksheets.length, figures: built.figures };
}
