import type ExcelJS from 'exceljs';
import { fromHundredths } from '../../../../shared/units';
import { CARE_CONTRIBUTION_FIELDS, CARE_CONTRIBUTIONS_KEY, KAD_FIELDS, type KadField, type KadLine, type KadUnit } from '../../../../shared/areas/kad/model';
import { financialYearOf } from '../../../../shared/periods';
import { SERVICE_TYPES } from '../catalog';
import { finishTemplateSheet, templateSheetName, writeTemplate, type TemplateSheets } from '../../../import/template';
import { KAD_AREA_ID } from '../../../../shared/areas/kad/ids';

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

/** Excel sheet names for a service's sheet (see templateSheetName). */
export const sheetNameFor = templateSheetName;

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
  finishTemplateSheet(ws, period, `Key Activity Data: ${table.serviceName}`, FIRST_FIELD_COLUMN + KAD_FIELDS.length - 1);
}

/** Key Activity Data's sheets of the template: one per service. */
export function kadTemplateSheets(input: { period: string; tables: readonly TemplateTable[] }): TemplateSheets {
  return (wb, taken, register) => {
    for (const table of input.tables) {
      const name = templateSheetName(table.serviceName, taken);
      register({ sheet: name, spec: KAD_AREA_ID, subjectId: table.serviceId, subjectName: table.serviceName });
      addTableSheet(wb, name, table, input.period);
    }
  };
}

/** A KAD-only template file (the template download adds other areas' sheets beside these). */
export async function writeKadTemplate(filePath: string, input: { period: string; tables: readonly TemplateTable[] }): Promise<void> {
  await writeTemplate(filePath, input.period, [kadTemplateSheets(input)]);
}
