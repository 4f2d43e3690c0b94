import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { monthLabel } from '../../shared/periods';
import { areas } from '../areas';
import type { Workspace } from '../store/workspace';
import { TEMPLATE_SHEET, TEMPLATE_VERSION } from './read/template-info';

/**
 * Outturn's own layout (CONVENTIONS.md "Template layout"): a hidden `_outturn` sheet naming the layout
 * version, the period and which sheet holds which table, then one sheet per table, written by the area
 * that owns it. Import reads it back exactly.
 */
export interface TemplateTableRow {
  sheet: string;
  /** The import layout that reads the sheet back. */
  spec: string;
  subjectId: string;
  /** In full: sheet names stop at 31 characters, and a workspace without the subject creates it. */
  subjectName: string;
}

/** Adds sheets to the template; `taken` holds the sheet names used (lower case); `register` lists each. */
export type TemplateSheets = (wb: ExcelJS.Workbook, taken: Set<string>, register: (row: TemplateTableRow) => void) => void;

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case, never `_outturn`. */
export function templateSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Table';
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

/**
 * Every template sheet shows its month twice (in the print header and in a note one column right of
 * the headers, which row 1 keeps for the headers themselves) and prints A4 landscape, one page wide.
 * The hidden `_outturn` sheet stays the one the import trusts for the month.
 */
export function finishTemplateSheet(ws: ExcelJS.Worksheet, period: string, title: string, lastColumn: number): void {
  const note = ws.getCell(1, lastColumn + 2);
  note.value = `Month: ${monthLabel(period)}`;
  note.font = { bold: true, italic: true };
  ws.getColumn(lastColumn + 2).width = 22;
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  ws.headerFooter = { oddHeader: `&C${`${title} – ${monthLabel(period)}`.replace(/&/g, '&&')}`, oddFooter: '&RPage &P of &N' };
}

/** Writes a template workbook to `filePath` (beside it first, renamed once complete). */
export async function writeTemplate(filePath: string, period: string, sheets: readonly TemplateSheets[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Outturn';
  // First in the workbook, so a streaming reader meets it before the sheets it describes.
  const info = wb.addWorksheet(TEMPLATE_SHEET, { state: 'hidden' });
  info.addRow(['layout version', Number(TEMPLATE_VERSION)]);
  info.addRow(['period', period]);
  const taken = new Set<string>();
  for (const add of sheets) add(wb, taken, (r) => info.addRow(['table', r.sheet, r.spec, r.subjectId, r.subjectName]));
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

/** "Download template": every area's tables for a month, empty or filled with what the workspace holds. */
export async function templateFile(ws: Workspace, period: string, filled: boolean): Promise<{ fileName: string; data: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-template-'));
  const fileName = `Outturn template ${monthLabel(period)}${filled ? '' : ' (empty)'}.xlsx`;
  const file = path.join(dir, fileName);
  try {
    await writeTemplate(
      file,
      period,
      areas().flatMap((a) => (a.template ? [a.template(ws, period, filled)] : [])),
    );
    return { fileName, data: fs.readFileSync(file) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
