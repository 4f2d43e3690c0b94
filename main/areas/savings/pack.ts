import type ExcelJS from 'exceljs';
import { SAVINGS_AREA_ID } from '../../../shared/areas/savings/ids';
import { RAG_COLOURS, ragKeyBoundaries, ragKeyHeaders, ragKeyRows } from '../../../shared/areas/savings/key';
import { APPENDIX_HEADING, APPENDIX_TITLE, KEY_TITLE, notPublishedNote, OVERRIDE_HEADING, overrideNotes, PACK_COLUMNS, packRag, trackerCaption } from '../../../shared/areas/savings/pack-layout';
import { APPENDIX_NUMBER } from '../../../shared/areas/savings/tracker';
import { uniqueSheetName } from '../../../shared/pack/sheet-names';
import type { Rag } from '../../../shared/units';
import type { PackContext, PackSectionModule, SectionOutline } from '../../pack/sections/types';
import { ALIGN, applyPageSetup, BORDERS, FILLS, FONTS, numberFormat, ROW_HEIGHTS, wrappedHeight } from '../../pack/theme';
import { savingsTracker } from './service';

/**
 * Appendix 4, Savings Tracker, in the published layout and with the Key Activity Data section's
 * standards (named fonts, navy header rows, figures as numbers in £000, derived cells as live formulas
 * with Outturn's value cached): each directorate's tracker with its total row, every RAG cell filled in
 * its colour with the word written (an officer's marked "(override)", its reason listed below), then the
 * Key to RAG Ratings.
 */
const COLS = PACK_COLUMNS.length;
const col = (key: (typeof PACK_COLUMNS)[number]['key']) => PACK_COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: (typeof PACK_COLUMNS)[number]['key']) => String.fromCharCode(64 + col(key));
const WIDTH = PACK_COLUMNS.reduce((n, c) => n + c.width, 0);
const shown = (v: number | null) => (v === null ? null : v / 100);

function ragFill(rag: Rag | null): { fill?: ExcelJS.Fill; font: Partial<ExcelJS.Font> } {
  if (!rag) return { font: FONTS.body };
  const c = RAG_COLOURS[rag];
  return { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill}` }, bgColor: { argb: `FF${c.fill}` } }, font: { ...FONTS.bold, color: { argb: `FF${c.text}` } } };
}

function prose(sheet: ExcelJS.Worksheet, r: number, text: string, font: Partial<ExcelJS.Font>): number {
  sheet.mergeCells(r, 1, r, COLS);
  const cell = sheet.getCell(r, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = ALIGN.prose;
  sheet.getRow(r).height = wrappedHeight(text, WIDTH, font.size);
  return r + 1;
}

function headerRow(sheet: ExcelJS.Worksheet, r: number, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    const cell = sheet.getCell(r, i + 1);
    cell.value = h;
    cell.font = FONTS.tableHeader;
    cell.fill = FILLS.tableHeader;
    cell.alignment = ALIGN.header;
    cell.border = BORDERS.cell;
  });
  sheet.getRow(r).height = ROW_HEIGHTS.tableHeader;
}

export const savingsSection: PackSectionModule = {
  id: SAVINGS_AREA_ID,
  async build(ctx: PackContext): Promise<SectionOutline> {
    const name = uniqueSheetName(`${APPENDIX_NUMBER} ${APPENDIX_TITLE}`, ctx.sheetNames);
    ctx.sheetNames.push(name);
    const sheet = ctx.wb.addWorksheet(name, { properties: { tabColor: { argb: 'FF1F3864' } }, views: [{ state: 'normal', showGridLines: false }] });
    sheet.columns = PACK_COLUMNS.map((c) => ({ width: c.width }));
    applyPageSetup(sheet, { printTitlesRow: '1:1', footer: ctx.footer });
    const tracker = savingsTracker(ctx.ws, ctx.period);
    const heading = sheet.getCell(1, 1);
    // As published: "Appendix 4 – Savings Tracker (Quarter 1 2023/24)"; the import reads the year from it.
    heading.value = tracker.quarterLabel ? `${APPENDIX_HEADING} (${tracker.quarterLabel})` : APPENDIX_HEADING;
    heading.font = FONTS.heading;
    sheet.getRow(1).height = ROW_HEIGHTS.heading;

    const entries: SectionOutline['entries'] = [];
    let figures = 0;
    let r = 3;
    if (!tracker.quarter) {
      r = prose(sheet, r, notPublishedNote(tracker), FONTS.note);
      return { id: SAVINGS_AREA_ID, number: APPENDIX_NUMBER, title: APPENDIX_TITLE, sheet: name, entries, figures };
    }
    for (const group of tracker.groups) {
      const caption = sheet.getCell(r, 1);
      caption.value = trackerCaption(group);
      caption.font = FONTS.caption;
      // The directorate alone (as Key Activity Data lists its services): a contents line is never read back as a tracker's title.
      entries.push({ number: group.number, text: group.directorate.name, cell: `A${r}` });
      r += 2;
      headerRow(sheet, r, PACK_COLUMNS.map((c) => c.header));
      const first = r + 1;
      for (const row of group.rows) {
        r++;
        const values: Record<string, ExcelJS.CellValue> = {
          rag: packRag(row),
          bpRef: row.bpRef,
          title: row.title,
          originalSaving: shown(row.originalSaving),
          forecastSaving: shown(row.forecastSaving),
          // Derived cells are formulas, Outturn's own value cached: exceljs computes nothing.
          variance: { formula: `${letter('forecastSaving')}${r}-${letter('originalSaving')}${r}`, result: shown(row.variance) ?? undefined } as ExcelJS.CellFormulaValue,
          pctVariance: { formula: `IF(${letter('originalSaving')}${r}=0,"",${letter('variance')}${r}/ABS(${letter('originalSaving')}${r}))`, result: row.pctVariance === null ? '' : row.pctVariance / 10000 } as ExcelJS.CellFormulaValue,
          commentary: row.commentary ?? '',
        };
        PACK_COLUMNS.forEach((c, i) => {
          const cell = sheet.getCell(r, i + 1);
          cell.value = values[c.key] ?? null;
          cell.border = BORDERS.cell;
          cell.font = FONTS.body;
          const numeric = c.key === 'originalSaving' || c.key === 'forecastSaving' || c.key === 'variance';
          if (numeric) cell.numFmt = numberFormat('gbp_000');
          if (c.key === 'pctVariance') cell.numFmt = numberFormat('percent');
          cell.alignment = numeric || c.key === 'pctVariance' ? ALIGN.number : c.key === 'rag' ? ALIGN.centre : { ...ALIGN.text, wrapText: true, vertical: 'top' };
        });
        const rag = ragFill(row.rag);
        const ragCell = sheet.getCell(r, col('rag'));
        ragCell.font = rag.font;
        if (rag.fill) ragCell.fill = rag.fill;
        figures += [row.originalSaving, row.forecastSaving, row.variance, row.pctVariance].filter((v) => v !== null).length;
        sheet.getRow(r).height = Math.max(ROW_HEIGHTS.body, wrappedHeight(row.commentary ?? '', PACK_COLUMNS[col('commentary') - 1]!.width), wrappedHeight(row.title, PACK_COLUMNS[col('title') - 1]!.width));
      }
      // The total row, unlabelled and with % and commentary blank, as published.
      r++;
      const last = r - 1;
      for (let c = 1; c <= COLS; c++) {
        const cell = sheet.getCell(r, c);
        cell.border = BORDERS.grandTotal;
        cell.font = FONTS.bold;
        cell.fill = FILLS.total;
      }
      for (const key of ['originalSaving', 'forecastSaving', 'variance'] as const) {
        const cell = sheet.getCell(r, col(key));
        cell.value = { formula: `SUM(${letter(key)}${first}:${letter(key)}${last})`, result: shown(group.totals[key]) ?? undefined } as ExcelJS.CellFormulaValue;
        cell.numFmt = numberFormat('gbp_000');
        cell.alignment = ALIGN.number;
        figures++;
      }
      r += 2;
    }
    const notes = overrideNotes(tracker);
    if (notes.length) {
      r = prose(sheet, r, OVERRIDE_HEADING, FONTS.bold);
      for (const n of notes) r = prose(sheet, r, n, FONTS.body);
      r++;
    }
    const keyTitle = sheet.getCell(r, 1);
    keyTitle.value = KEY_TITLE;
    keyTitle.font = FONTS.caption;
    r += 2;
    // The key's last column spans the figures' columns, so "Below £100k" is as wide as the others.
    const keyWidths = [PACK_COLUMNS[0]!.width, PACK_COLUMNS[1]!.width, PACK_COLUMNS[2]!.width, PACK_COLUMNS.slice(3, 7).reduce((n, c) => n + c.width, 0)];
    headerRow(sheet, r, ragKeyHeaders(tracker.ragSettings));
    sheet.mergeCells(r, 4, r, 7);
    for (const k of ragKeyRows(tracker.ragSettings)) {
      r++;
      const rating = sheet.getCell(r, 1);
      rating.value = k.rating;
      const rag = ragFill(k.rating);
      rating.font = rag.font;
      rating.fill = rag.fill!;
      rating.alignment = ALIGN.centre;
      rating.border = BORDERS.cell;
      k.cells.forEach((text, i) => {
        const cell = sheet.getCell(r, i + 2);
        cell.value = text;
        cell.font = FONTS.body;
        cell.border = BORDERS.cell;
        cell.alignment = { ...ALIGN.text, wrapText: true };
      });
      sheet.mergeCells(r, 4, r, 7);
      sheet.getRow(r).height = Math.max(ROW_HEIGHTS.body, ...k.cells.map((text, i) => wrappedHeight(text, keyWidths[i + 1]!)));
    }
    r += 2;
    prose(sheet, r, ragKeyBoundaries(tracker.ragSettings), FONTS.note);
    return { id: SAVINGS_AREA_ID, number: APPENDIX_NUMBER, title: APPENDIX_TITLE, sheet: name, entries, figures };
  },
};
