import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fromHundredths } from '../../shared/money';
import { CARE_CONTRIBUTION_FIELDS, CARE_CONTRIBUTIONS_KEY, KAD_FIELDS, type KadField, type KadLine, type KadUnit } from '../../shared/kad/model';
import { financialYearOf } from '../../shared/periods';
import { SERVICE_TYPES } from '../kad/catalog';
import { TEMPLATE_SHEET, TEMPLATE_VERSION } from './read/template-info';

/**
 * Outturn's own KAD layout (CONVENTIONS.md "Template layout"): a hidden `_outturn` sheet naming the
 * period and which sheet holds which service, then one sheet per table with the published headers after
 * a Key column, one row per line, no totals. Values are written in the unit the table displays, as
 * numbers with number formats, so the reader gets back exactly what was written.
 */
export interface TemplateTable {
  serviceId: string;
  serviceName: string;
  /** null: an empty template, the lines' keys and labels only. */
  lines: readonly KadLine[] | null;
  /** Lines of an empty template; the published service types when not given. */
  serviceTypes?: readonly { id: string; name: string }[];
}

export const NUMBER_FORMATS: Record<KadUnit, string> = {
  count: '#,##0',
  gbp_week: '"£"#,##0',
  gbp_k: '"£"#,##0"k"',
};

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const FIRST_FIELD_COLUMN = 3;

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
export function sheetNameFor(serviceName: string, taken: Set<string>): string {
  const base = serviceName.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Table';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, 31 - suffix.length).trim() + suffix;
    const key = name.toLowerCase();
    if (key !== TEMPLATE_SHEET && key !== 'history' && !taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

function header(field: (typeof KAD_FIELDS)[number], period: string): string {
  // As published: "Expected No. of Care Packages 2023/24".
  return field.key === 'expectedPackages' ? `${field.header} ${financialYearOf(period).replace('-', '/')}` : field.header;
}

function addTableSheet(wb: ExcelJS.Workbook, name: string, table: TemplateTable, period: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.columns = [
    { header: 'Key', width: 22 },
    { header: 'Service Type', width: 24 },
    ...KAD_FIELDS.map((f) => ({ header: header(f, period), width: 18 })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  KAD_FIELDS.forEach((f, i) => (ws.getColumn(FIRST_FIELD_COLUMN + i).numFmt = NUMBER_FORMATS[f.unit]));

  const lines: { key: string; label: string; line: KadLine | null }[] = table.lines
    ? table.lines.map((l) => ({ key: l.key, label: l.label, line: l }))
    : [...(table.serviceTypes ?? SERVICE_TYPES).map((t) => ({ key: t.id, label: t.name, line: null })), { key: CARE_CONTRIBUTIONS_KEY, label: 'Care Contributions', line: null }];

  lines.forEach(({ key, label, line }, i) => {
    const row = ws.getRow(i + 2);
    // Strings are written as strings: a label such as "=1+1" stays text, never a formula.
    row.getCell(1).value = key;
    row.getCell(2).value = label;
    const care = key === CARE_CONTRIBUTIONS_KEY;
    KAD_FIELDS.forEach((f, j) => {
      const cell = row.getCell(FIRST_FIELD_COLUMN + j);
      cell.numFmt = NUMBER_FORMATS[f.unit];
      const unused = care && !CARE_CONTRIBUTION_FIELDS.includes(f.key as KadField);
      if (unused) cell.fill = GREY;
      const value = line && !unused ? line[f.key] : null;
      if (value !== null) cell.value = fromHundredths(value);
    });
    if (line && !line.inUse) for (let c = 1; c < FIRST_FIELD_COLUMN + KAD_FIELDS.length; c++) row.getCell(c).fill = GREY;
  });
}

export async function writeKadTemplate(filePath: string, input: { period: string; tables: readonly TemplateTable[] }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Outturn';
  // First in the workbook, so a streaming reader meets it before the sheets it describes.
  const info = wb.addWorksheet(TEMPLATE_SHEET, { state: 'hidden' });
  info.addRow(['layout version', Number(TEMPLATE_VERSION)]);
  info.addRow(['period', input.period]);
  const taken = new Set<string>();
  for (const table of input.tables) {
    const name = sheetNameFor(table.serviceName, taken);
    // The service's full name too: sheet names stop at 31 characters, and a workspace without the service creates it.
    info.addRow(['table', name, 'kad', table.serviceId, table.serviceName]);
    addTableSheet(wb, name, table, input.period);
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 1, activeTab: 1, visibility: 'visible' }];

  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    await wb.xlsx.writeFile(temp);
    await fs.promises.rename(temp, filePath);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}
