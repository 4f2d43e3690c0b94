import type { Hundredths, NumericUnitId } from '../units';

/**
 * A pack section made of plain published tables (a heading, column headers, lines, totals, notes under
 * each table): the shape an area hands to the workbook writer (main/pack/table-section.ts) and to the
 * print view (renderer/src/print/TableSection.tsx), so both print the same table from one layout.
 */
export type PackCell = string | null | { value: Hundredths | null; unit: NumericUnitId; zero?: string };

export interface PackTableRow {
  /** heading: a category line in bold across the table; total: a computed total, ruled above. */
  kind: 'line' | 'heading' | 'total';
  cells: readonly PackCell[];
}

export interface PackTable {
  /** As printed before the title and listed in the contents: "5.3.1". */
  number: string;
  title: string;
  headers: readonly string[];
  /** Column widths in characters, for the workbook; the print view sizes itself. */
  widths: readonly number[];
  rows: readonly PackTableRow[];
  /** Printed under the table: a sign legend, a reconciliation, a rule's sentence. */
  notes: readonly string[];
  /** Charts printed under the notes (a reserve's history): drawn by the workbook and the print view alike. */
  charts?: readonly PackChart[];
}

/**
 * A chart of a pack table: ECharts options (plain data, bars and lines with titles and axes), its size
 * in pixels, and its words: a title for the caption and the figures as alt text, for a screen reader and
 * for the workbook (whose pictures take no alt text, so the caption carries it).
 */
export interface PackChart {
  title: string;
  altText: string;
  option: Record<string, unknown>;
  width: number;
  height: number;
}

export interface PackTableSection {
  /** The section's anchor and sheet: its pack section id. */
  id: string;
  number: string;
  title: string;
  intro: readonly string[];
  tables: readonly PackTable[];
}

/** The figure a cell holds, in the unit it displays (what an exported cell holds, CONVENTIONS.md). */
export function cellNumber(cell: PackCell): number | null {
  return cell !== null && typeof cell === 'object' && cell.value !== null ? cell.value / 100 : null;
}
