import ExcelJS from 'exceljs';
import { readReference } from './reference';

/**
 * Appendix 4 as the committee report publishes it, written from the reference transcription (never from
 * Outturn's own output): the appendix heading, each tracker's numbered title, its header row, its rows
 * with the published texts ("-1,125", "96%") and its unlabelled Total row.
 */
export interface PublishedRow { rag: string; bp_ref: string; title: string; original_saving: number; forecast_saving: number; variance_from_plan: number; pct_variance: number; commentary: string; raw: string[] }
export interface PublishedTracker { tracker_id: string; title: string; rows: PublishedRow[]; published_totals: { raw: string[] }[] }
export interface PublishedTrackers { title: string; columns: { published_header: string }[]; trackers: PublishedTracker[] }

export const publishedTrackers = (): PublishedTrackers => readReference<PublishedTrackers>('savings-tracker-q1.json');

export function committeeTrackerWorkbook(edit: (t: PublishedTrackers) => void = () => undefined): ExcelJS.Workbook {
  const p = publishedTrackers();
  edit(p);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Appendix 4');
  sheet.addRow([p.title]);
  for (const t of p.trackers) {
    sheet.addRow([]);
    sheet.addRow([t.title]);
    sheet.addRow(p.columns.map((c) => c.published_header));
    for (const r of t.rows) sheet.addRow([...r.raw.slice(0, 7), r.commentary]);
    for (const total of t.published_totals) sheet.addRow(total.raw.map((v) => (v === '' ? null : v)));
  }
  return wb;
}
