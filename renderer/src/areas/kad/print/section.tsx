import { KAD_SECTION_NUMBER, KAD_SECTION_TITLE } from '../../../../../shared/areas/kad/pack-layout';
import type { PrintedSection, PrintContext } from '../../types';
import { loadKadPrint } from './load';
import { kadSectionId, kadTableId, PrintKadSection } from './PrintKadSection';
import './print-kad.css';

/** Section 5 for the print view: its figures and charts, its line in the contents and one per service under it. */
export async function printKadSection(ctx: PrintContext): Promise<PrintedSection> {
  const data = await loadKadPrint(ctx.period);
  return {
    contents: {
      number: KAD_SECTION_NUMBER,
      title: KAD_SECTION_TITLE,
      anchor: kadSectionId,
      entries: data.services.map((s, i) => ({ number: `${KAD_SECTION_NUMBER}.${i + 1}`, title: s.table.service.name, anchor: kadTableId(s.table.service.id), entries: [] })),
    },
    render: (topLevel) => <PrintKadSection data={data} ctx={ctx} topLevel={topLevel} />,
  };
}
