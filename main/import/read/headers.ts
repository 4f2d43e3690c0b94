import type { ImportProblem } from '../types';
import { address } from './a1';
import { asFound, plainText, type Cell } from './cells';
import type { ImportColumn, ReadableSpec } from '../spec';
import { MSG } from './messages';
import { MONTH_NOTE } from './template-info';

/**
 * Header text as compared: case, runs of spaces, line breaks and non-breaking spaces inside a cell,
 * full stops ("No."), "/ " against "/", a trailing financial year ("2023/24", "2023-24") and unit
 * notes ("(£k)", "£000") make no difference. The financial year is returned for month-only titles.
 */
export function normaliseHeader(text: string): { norm: string; fyStart: number | null } {
  let t = text
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\(\s*£\s*(?:k|'?000)\s*\)|£\s*'?000\b|\(\s*£\s*\)/g, ' ')
    .replace(/\s£k\s*$/, ' ')
    .trim();
  let fyStart: number | null = null;
  const fy = /\(?\b(20\d{2}|\d{2})\s*[/-]\s*(\d{2}|20\d{2})\)?\s*$/.exec(t);
  if (fy) {
    const start = Number(fy[1]);
    fyStart = start < 100 ? 2000 + start : start;
    t = t.slice(0, fy.index);
  }
  t = t.replace(/\s*\/\s*/g, '/').replace(/\./g, '').replace(/[:*]+\s*$/, '').replace(/\s+/g, ' ').trim();
  return { norm: t, fyStart };
}

/** The figures a direction-of-travel column can follow, by their published headers. */
function dotFigures(spec: ReadableSpec): string[] {
  return Object.keys(spec.dotAfter).map((key) => spec.columns.find((c) => c.key === key)?.header ?? key);
}

export interface ResolvedColumn {
  col: number;
  spec: ImportColumn;
  /** The field or reported column: 'annualBudgetK', 'varianceK', 'packagesDot', … */
  key: string;
  header: string;
}

export interface HeaderMap {
  row: number;
  columns: ResolvedColumn[];
  keyCol: number | null;
  labelCol: number | null;
  /** The first financial year a header names ("Expected No. of Care Packages 2023/24"). */
  fyStart: number | null;
}

function aliasIndex(spec: ReadableSpec): Map<string, ImportColumn> {
  const index = new Map<string, ImportColumn>();
  for (const c of spec.columns) for (const a of c.aliases) index.set(normaliseHeader(a).norm, c);
  return index;
}

const indexes = new WeakMap<ReadableSpec, { aliases: Map<string, ImportColumn>; seen: Map<string, ImportColumn | null> }>();

/** Every row is asked whether it is a header row, so texts already seen are remembered. */
function lookup(spec: ReadableSpec, text: string): ImportColumn | undefined {
  let index = indexes.get(spec);
  if (!index) indexes.set(spec, (index = { aliases: aliasIndex(spec), seen: new Map() }));
  const known = index.seen.get(text);
  if (known !== undefined) return known ?? undefined;
  const found = text.length > 80 ? undefined : index.aliases.get(normaliseHeader(text).norm);
  if (index.seen.size > 10_000) index.seen.clear();
  index.seen.set(text, found ?? null);
  return found;
}

/** How many cells of a row name a column of the table: three or more make it a header row. */
export function headerScore(cells: readonly (Cell | undefined)[], spec: ReadableSpec): number {
  let score = 0;
  for (const cell of cells) {
    // Headers are text; a number never names a column.
    if (!cell || cell.value.kind !== 'text') continue;
    if (lookup(spec, cell.value.text.trim())) score++;
  }
  return score;
}

export function isHeaderRow(cells: readonly (Cell | undefined)[], spec: ReadableSpec): boolean {
  return headerScore(cells, spec) >= 3;
}

/** The column a header text names, if any. */
export function columnNamed(text: string, spec: ReadableSpec): ImportColumn | undefined {
  return lookup(spec, text.trim());
}

/** True when a band-row text would name a column (a header cell merged down over two rows). */
export function namesColumn(text: string, spec: ReadableSpec): boolean {
  return lookup(spec, text) !== undefined;
}

/**
 * Resolves a header row to columns by their text. `above` supplies texts of the band row for cells
 * merged down into the header row (the streaming reader sees a merge's text only in its first cell).
 */
export function resolveHeader(
  sheet: string,
  row: number,
  cells: readonly (Cell | undefined)[],
  spec: ReadableSpec,
  above: ReadonlyMap<number, string>,
): { map: HeaderMap; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columns: ResolvedColumn[] = [];
  const taken = new Map<string, ResolvedColumn>();
  let fyStart: number | null = null;
  let previous: ResolvedColumn | null = null;
  const width = Math.max(cells.length, ...above.keys(), 0);
  for (let col = 1; col < width + 1; col++) {
    const cell = cells[col];
    let text = cell ? plainText(cell.value) : '';
    if (!text) text = above.get(col) ?? '';
    if (!text) continue;
    // "Month: August 2023", which Outturn's template writes right of its headers, is a note, not a column.
    if (MONTH_NOTE.test(text)) continue;
    const where = cell?.address ?? address(col, row);
    const found = lookup(spec, text);
    if (!found) {
      problems.push({ sheet, cell: where, value: cell ? asFound(cell.value) : text, reason: MSG.unknownColumn(spec.name) });
      previous = null;
      continue;
    }
    fyStart ??= normaliseHeader(text).fyStart;
    let key = found.key;
    if (found.role === 'dot') {
      const of = previous ? spec.dotAfter[previous.key] : undefined;
      if (!of) {
        problems.push({ sheet, cell: where, value: text, reason: MSG.strayDot(dotFigures(spec)) });
        previous = null;
        continue;
      }
      key = of;
    }
    const earlier = taken.get(key);
    if (earlier) {
      problems.push({ sheet, cell: where, value: text, reason: MSG.duplicateColumn(`${sheet}!${address(earlier.col, row)}`) });
      previous = null;
      continue;
    }
    const resolved: ResolvedColumn = { col, spec: found, key, header: text };
    taken.set(key, resolved);
    columns.push(resolved);
    previous = resolved;
  }
  for (const c of spec.columns) {
    if (c.required && !taken.has(c.key)) problems.push({ sheet, cell: String(row), value: null, reason: MSG.missingColumn(c.header) });
  }
  const keyCol = taken.get('key')?.col ?? null;
  let labelCol = taken.get('label')?.col ?? null;
  // A table publishing its row labels under a blank header (5.2's "", "Eff. Period", "£'000", "Notes").
  if (keyCol === null && labelCol === null && spec.labelUnheaded && !(cells[1] && plainText(cells[1].value)) && !above.get(1)) labelCol = 1;
  if (keyCol === null && labelCol === null) {
    problems.push({ sheet, cell: String(row), value: null, reason: MSG.missingColumn(spec.labelHeader) });
  }
  return { map: { row, columns, keyCol, labelCol, fyStart }, problems };
}
