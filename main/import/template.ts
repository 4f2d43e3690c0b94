import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthLabel } from '../../shared/periods';
import { getLines, listServices } from '../kad/repository';
import type { Workspace } from '../store/workspace';
import { writeKadTemplate } from './template-write';

/** "Download template": the KAD template for a month, empty or filled with what the workspace holds. */
export async function kadTemplateFile(ws: Workspace, period: string, filled: boolean): Promise<{ fileName: string; data: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-template-'));
  const fileName = `Outturn KAD template ${monthLabel(period)}${filled ? '' : ' (empty)'}.xlsx`;
  const file = path.join(dir, fileName);
  try {
    const tables = listServices(ws).map((s) => ({ serviceId: s.id, serviceName: s.name, lines: filled ? getLines(ws, period, s.id) : null }));
    await writeKadTemplate(file, { period, tables });
    return { fileName, data: fs.readFileSync(file) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
