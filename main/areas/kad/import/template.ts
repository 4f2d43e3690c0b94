import type { TemplateSheets } from '../../../import/template';
import type { Workspace } from '../../../store/workspace';
import { getLines, listServices } from '../repository';
import { kadTemplateSheets } from './template-write';

/** Key Activity Data's part of "Download template": one sheet per service, empty or filled. */
export function kadTemplate(ws: Workspace, period: string, filled: boolean): TemplateSheets {
  const tables = listServices(ws).map((s) => ({ serviceId: s.id, serviceName: s.name, lines: filled ? getLines(ws, period, s.id) : null }));
  return kadTemplateSheets({ period, tables });
}
