import ExcelJS from 'exceljs';
import type { PublishedRow, PublishedTable } from './published';

/**
 * A committee workbook as officers keep it, built from the published tables' `raw` cell texts: title,
 * merged BUDGET / ACTUAL / Outturn band, header row, group rows, "~" lines, subtotals, total and Care
 * Contributions, prose and chart captions around the tables, and (optionally) the band and header rows
 * repeated after a page break.
 */
export interface CommitteeOptions {
  /** Every figure as the published text (`£2,271`, `£28,942k`, `-£289k`, `£k`, `1,819`) instead of a number. */
  asText: boolean;
  repeatHeaders: boolean;
  /** All six tables one under another on one sheet, else one sheet per table. */
  stacked: boolean;
  /** £k figures stored in pounds behind a `£#,##0,"k"` format: every table, none, or every other one. */
  scaled?: boolean | 'alternate';
  /** Replace cells before writing: `(table index, row as written, column index 0..10) => raw`. */
  edit?: (table: number, row: PublishedRow | 'header', col: number, raw: string) => string;
  /** Last touches before writing (formulas, dates, error values, extra columns). */
  patch?: (wb: ExcelJS.Workbook) => void;
}

type Unit = 'label' | 'count' | 'gbp_week' | 'gbp_k' | 'dot';
function unitOf(key: string): Unit {
  if (key === 'service_type') return 'label';
  if (key.endsWith('_dot') || key === 'outturn.dot') return 'dot';
  if (key.endsWith('packages')) return 'count';
  if (key.endsWith('per_week')) return 'gbp_week';
  return 'gbp_k';
}

/** "-£1,459k" -> -1459; "£k" -> 0; "1,819" -> 1819. */
export function rawNumber(raw: string): number {
  const negative = raw.trim().startsWith('-');
  const digits = raw.replace(/[-£k,\s]/g, '');
  const n = digits === '' ? 0 : Number(digits);
  return negative ? -n : n;
}

const FORMATS = { count: '#,##0', gbp_week: '"£"#,##0', gbp_k: '"£"#,##0"k"', gbp_k_scaled: '£#,##0,"k"' };

function ordered(t: PublishedTable): (PublishedRow | { heading: string })[] {
  const all = [...t.rows, ...t.published_totals].sort((a, b) => ((a as { seq?: number }).seq ?? 0) - ((b as { seq?: number }).seq ?? 0));
  const out: (PublishedRow | { heading: string })[] = [];
  let group: string | null = null;
  for (const r of all) {
    if (!r.kind && r.group && r.group !== group) {
      group = r.group;
      out.push({ heading: r.group });
    }
    out.push(r);
  }
  return out;
}

function writeTable(ws: ExcelJS.Worksheet, start: number, t: PublishedTable, index: number, opts: CommitteeOptions): number {
  let r = start;
  const scaled = opts.scaled === true || (opts.scaled === 'alternate' && index % 2 === 1);
  const edit = (row: PublishedRow | 'header', col: number, raw: string) => (opts.edit ? opts.edit(index, row, col, raw) : raw);
  ws.getCell(r, 1).value = t.caption;
  r += 2;
  const band = () => {
    const [service, budget, actual, outturn] = t.column_bands_published;
    ws.getCell(r, 1).value = service!;
    ws.getCell(r, 2).value = budget!;
    ws.mergeCells(r, 2, r, 4);
    ws.getCell(r, 5).value = actual!;
    ws.mergeCells(r, 5, r, 8);
    ws.getCell(r, 9).value = outturn!;
    ws.mergeCells(r, 9, r, 11);
    r++;
  };
  const header = () => {
    t.columns.forEach((c, i) => {
      const text = edit('header', i, c.published_header);
      // Autism's headers are italic in the source: write them as rich text.
      ws.getCell(r, i + 1).value = t.table_id === 'kad-autism' ? { richText: [{ text, font: { italic: true } }] } : text;
    });
    r++;
  };
  band();
  header();
  for (const item of ordered(t)) {
    if ('heading' in item) {
      ws.getCell(r++, 1).value = item.heading;
      continue;
    }
    item.raw.forEach((rawCell, i) => {
      const raw = edit(item, i, rawCell);
      if (raw === '') return;
      const unit = unitOf(t.columns[i]!.key);
      const cell = ws.getCell(r, i + 1);
      if (opts.asText || unit === 'label' || unit === 'dot' || !/^-?£?[\d,]*k?$/.test(raw)) {
        cell.value = raw;
        return;
      }
      if (unit === 'gbp_k' && scaled) {
        cell.value = rawNumber(raw) * 1000;
        cell.numFmt = FORMATS.gbp_k_scaled;
      } else {
        cell.value = rawNumber(raw);
        cell.numFmt = FORMATS[unit];
      }
    });
    if (opts.repeatHeaders && item.kind === 'subtotal' && item.group?.startsWith('Accommodation')) {
      ws.getRow(r).addPageBreak();
      r++;
      band();
      header();
      continue;
    }
    r++;
  }
  ws.getCell(r + 1, 1).value = `${t.title}: figures are a snapshot at the end of the month.`;
  ws.getCell(r + 3, 1).value = `${t.title} Weekly Costs & People (Apr 22 - Aug 23)`;
  return r + 6;
}

export async function buildCommitteeWorkbook(tables: readonly PublishedTable[], opts: CommitteeOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.stacked) {
    const ws = wb.addWorksheet('Key Activity Data');
    ws.getCell(1, 1).value = '5. Key Activity Data';
    ws.getCell(2, 1).value = 'In the following key activity data for Adults & Safeguarding, the information given in each column is as follows:';
    ws.getCell(3, 1).value = 'Budgeted number of care services: this is the number of full-time equivalent (52 weeks) service users anticipated at budget setting';
    let r = 5;
    tables.forEach((t, i) => (r = writeTable(ws, r, t, i, opts)));
  } else {
    tables.forEach((t, i) => writeTable(wb.addWorksheet(t.title.slice(0, 31)), 1, t, i, opts));
  }
  opts.patch?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
