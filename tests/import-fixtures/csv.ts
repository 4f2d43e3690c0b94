import type { PublishedTable } from './published';

/** A published table as a committee CSV: title, band, headers, groups, lines, totals, all as the raw texts. */
export function committeeCsvRows(t: PublishedTable): string[][] {
  const rows: string[][] = [[t.caption], [], [t.column_bands_published[0]!, 'BUDGET', '', '', 'ACTUAL (August 2023)', '', '', '', 'Outturn', '', ''], t.columns.map((c) => c.published_header)];
  const all = [...t.rows, ...t.published_totals].sort((a, b) => ((a as { seq?: number }).seq ?? 0) - ((b as { seq?: number }).seq ?? 0));
  let group: string | null = null;
  for (const r of all) {
    if (!r.kind && r.group && r.group !== group) rows.push([(group = r.group)]);
    rows.push(r.raw);
  }
  return rows;
}

export function toCsv(rows: string[][], delimiter = ',', eol = '\r\n'): string {
  const quote = (f: string) => (f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r') ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

/** Windows-1252 for the characters these tables use (ASCII, £ and the arrows Excel would turn into ?). */
export function toWindows1252(text: string): Buffer {
  return Buffer.from([...text].map((ch) => (ch === '£' ? 0xa3 : ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f)));
}
