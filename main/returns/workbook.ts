import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { formatForEdit, formatValue, parseAmount, UNITS, type NumericUnitId } from '../../shared/units';
import type { IssuedRow } from './records';
import type { ReturnColumn, ReturnValue } from './spec';

/**
 * One return workbook: the owner's rows on a protected sheet with only their cells unlocked (shaded,
 * with data validation on figures), and a hidden sheet saying which workspace, area, period, return and
 * rows it is, signed with the workspace's key so that an edited or forged identity is found out.
 */
export const RETURN_SHEET = 'Return';
export const IDENTITY_SHEET = '_outturn_return';
const HEADER_ROW = 5;
export const FIRST_ROW = HEADER_ROW + 1;
const FONT = 'Calibri';

/** What a return says about itself; the signature covers exactly this, serialised as identityText gives. */
export interface ReturnIdentity {
  version: 1;
  workspace: string;
  area: string;
  period: string;
  returnId: string;
  owner: string;
  dueDate: string;
  /** Each row's key and the sheet row it is on. */
  rows: [string, number][];
}


export interface WorkbookContent {
  identity: ReturnIdentity;
  signature: string;
  title: string;
  /** "For Jane Smith. Please send it back by 14 November 2023." */
  subtitle: string;
  instructions: string;
  columns: readonly ReturnColumn[];
  rows: readonly IssuedRow[];
}

const cellValue = (column: ReturnColumn, v: ReturnValue): ExcelJS.CellValue => (v === null ? null : column.unit === 'text' ? String(v) : (v as number) / 100);

export async function buildReturnWorkbook(c: WorkbookContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Outturn';
  wb.title = c.title;
  const sheet = wb.addWorksheet(RETURN_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, showGridLines: false }] });
  sheet.columns = c.columns.map((col) => ({ width: col.width }));
  const last = c.columns.length;
  const prose = (r: number, text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    sheet.mergeCells(r, 1, r, last);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (height) sheet.getRow(r).height = height;
  };
  prose(1, c.title, { size: 14, bold: true, color: { argb: 'FF1F3864' } }, 22);
  prose(2, c.subtitle, { size: 11, bold: true });
  prose(3, c.instructions, { size: 10 }, 30);
  c.columns.forEach((col, i) => {
    const cell = sheet.getCell(HEADER_ROW, i + 1);
    cell.value = col.header;
    cell.font = { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' }, bgColor: { argb: 'FF1F3864' } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  sheet.getRow(HEADER_ROW).height = 32;
  c.rows.forEach((row, j) => {
    const r = FIRST_ROW + j;
    c.columns.forEach((col, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = cellValue(col, row.issued[col.key] ?? null);
      cell.font = { name: FONT, size: 10 };
      cell.border = { top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
      cell.alignment = col.unit === 'text' ? { wrapText: true, vertical: 'top' } : { horizontal: 'right', vertical: 'top' };
      if (col.unit !== 'text') cell.numFmt = UNITS[col.unit].excelFormat();
      if (!col.editable) return;
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' }, bgColor: { argb: 'FFFFF2CC' } };
      cell.dataValidation =
        col.unit === 'text'
          ? { type: 'textLength', operator: 'lessThanOrEqual', formulae: [col.maxLength ?? 4000], allowBlank: true, showErrorMessage: true, errorTitle: col.header, error: `At most ${col.maxLength ?? 4000} characters.`, ...prompt(col) }
          : {
              type: 'decimal',
              operator: 'between',
              formulae: [col.range?.min ?? -1e9, col.range?.max ?? 1e9],
              allowBlank: true,
              showErrorMessage: true,
              errorTitle: col.header,
              error: `Type a number in ${UNITS[col.unit].label} between ${col.range?.min ?? -1e9} and ${col.range?.max ?? 1e9}.`,
              ...prompt(col),
            };
    });
  });
  // Protection keeps honest mistakes out; the signature below is what detects a change to the identity.
  await sheet.protect(crypto.randomBytes(12).toString('hex'), { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const hidden = wb.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  const id = c.identity;
  const pairs: [string, string][] = [
    ['Outturn return', 'Do not change this sheet: Outturn checks it when the return comes back.'],
    ['version', String(id.version)],
    ['workspace', id.workspace],
    ['area', id.area],
    ['period', id.period],
    ['return', id.returnId],
    ['owner', id.owner],
    ['due', id.dueDate],
    ['rows', JSON.stringify(id.rows)],
    ['signature', c.signature],
  ];
  // Every value is text, so no program re-formats a number or a date on the way back.
  pairs.forEach(([k, v], i) => {
    hidden.getCell(i + 1, 1).value = k;
    hidden.getCell(i + 1, 2).value = v;
  });
  await hidden.protect(crypto.randomBytes(12).toString('hex'), {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function prompt(col: ReturnColumn): Partial<ExcelJS.DataValidation> {
  return col.prompt ? { showInputMessage: true, promptTitle: col.header.slice(0, 32), prompt: col.prompt.slice(0, 255) } : {};
}

/** A returned workbook as read: its identity (unchecked: the engine checks it) and its owner's cells. */
export type ReadReturn =
  | { ok: true; identity: ReturnIdentity; signature: string; values: Map<string, Record<string, ReturnValue>> }
  | { ok: false; reason: string; notAReturn?: boolean };

function textOf(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return textOf(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}

/** A figure cell back in hundredths: numbers as Excel holds them, text as an officer would type it. */
function figureOf(v: ExcelJS.CellValue, unit: NumericUnitId): { ok: true; value: number | null } | { ok: false; reason: string } {
  const raw = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
  if (typeof raw === 'number') {
    const h = Math.round(raw * 100);
    if (!Number.isSafeInteger(h) || Math.abs(raw * 100 - h) > 1e-6) return { ok: false, reason: 'has more than two decimal places' };
    return { ok: true, value: h };
  }
  const parsed = parseAmount(textOf(raw as ExcelJS.CellValue) ?? '', { unit });
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.reason };
}

const IdentityShape = (m: Map<string, string>): ReturnIdentity | null => {
  try {
    const rows = JSON.parse(m.get('rows') ?? '') as unknown;
    if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.length === 2 && typeof r[0] === 'string' && Number.isInteger(r[1]))) return null;
    const id = { version: Number(m.get('version')) as 1, workspace: m.get('workspace') ?? '', area: m.get('area') ?? '', period: m.get('period') ?? '', returnId: m.get('return') ?? '', owner: m.get('owner') ?? '', dueDate: m.get('due') ?? '', rows: rows as [string, number][] };
    return id.version === 1 && id.workspace && id.returnId ? id : null;
  } catch {
    return null;
  }
};

/**
 * Reads a returned workbook against the columns of its area: the identity sheet and, for each row it
 * names, the owner's cells. Problems with a value are the file's reasons to be refused, addressed by cell.
 */
export async function readReturnWorkbook(file: string, columnsOf: (area: string) => readonly ReturnColumn[] | null, labels: (returnId: string) => Map<string, string>): Promise<ReadReturn> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    return { ok: false, reason: `could not be read as an Excel workbook (${err instanceof Error ? err.message : String(err)})`, notAReturn: true };
  }
  const hidden = wb.getWorksheet(IDENTITY_SHEET);
  if (!hidden) return { ok: false, reason: 'is not an Outturn return: it has no return identity sheet', notAReturn: true };
  const m = new Map<string, string>();
  hidden.eachRow((row) => m.set(textOf(row.getCell(1).value) ?? '', textOf(row.getCell(2).value) ?? ''));
  const identity = IdentityShape(m);
  if (!identity) return { ok: false, reason: "has been altered outside its owner's cells: its identity sheet cannot be read" };
  const columns = columnsOf(identity.area);
  const sheet = wb.getWorksheet(RETURN_SHEET);
  if (!columns || !sheet) return { ok: false, reason: columns ? `has no "${RETURN_SHEET}" sheet` : 'is a return of an area this version of Outturn does not have' };
  const problems: string[] = [];
  columns.forEach((col, i) => {
    const found = textOf(sheet.getCell(HEADER_ROW, i + 1).value);
    if (found !== col.header) problems.push(`${RETURN_SHEET}!${sheet.getCell(HEADER_ROW, i + 1).address}: columns were moved, added or removed (expected "${col.header}", found "${found ?? ''}")`);
  });
  const expectedLabels = labels(identity.returnId);
  const labelColumn = columns.findIndex((c) => c.namesRow) + 1;
  const values = new Map<string, Record<string, ReturnValue>>();
  for (const [key, r] of identity.rows) {
    const label = expectedLabels.get(key);
    if (label !== undefined && labelColumn && textOf(sheet.getCell(r, labelColumn).value) !== label) {
      problems.push(`${RETURN_SHEET}!${sheet.getCell(r, labelColumn).address}: rows were moved, added or removed (expected "${label}")`);
      continue;
    }
    const got: Record<string, ReturnValue> = {};
    columns.forEach((col, i) => {
      if (!col.editable) return;
      const cell = sheet.getCell(r, i + 1);
      if (col.unit === 'text') {
        const t = textOf(cell.value)?.trim() ?? '';
        got[col.key] = t === '' ? null : t;
        return;
      }
      const f = figureOf(cell.value, col.unit);
      if (f.ok) got[col.key] = f.value;
      else problems.push(`${RETURN_SHEET}!${cell.address}: "${textOf(cell.value) ?? ''}" ${f.reason}`);
    });
    values.set(key, got);
  }
  if (problems.length) return { ok: false, reason: `cannot be taken back: ${problems.join('; ')}` };
  return { ok: true, identity, signature: m.get('signature') ?? '', values };
}

/** A value as the preview shows it: a figure in its unit (exactly, never rounded away), words as they are, "blank". */
export function shownValue(column: ReturnColumn, v: ReturnValue): string {
  if (v === null) return 'blank';
  if (column.unit === 'text') return String(v);
  return (v as number) % 100 === 0 ? formatValue(v as number, column.unit) || 'blank' : formatForEdit(v as number);
}
