import type { KadTable } from '../../../../shared/areas/kad/api';
import { tableDots } from '../../../../shared/areas/kad/dot';
import { CARE_CONTRIBUTION_FIELDS, KAD_FIELDS, KAD_GROUPS, type KadField, type KadLine } from '../../../../shared/areas/kad/model';
import { runRate } from '../../../../shared/areas/kad/runrate';
import { computeKadTotals, variance } from '../../../../shared/areas/kad/totals';
import type { Hundredths } from '../../../../shared/units';
import type { CellChange, CellContent, GridRow } from '../../grid/types';
import { EXTRACT_FIELDS, type ExtractFigure } from '../../../../shared/areas/kad/extract/figures';

const ALL_FIELDS: readonly KadField[] = KAD_FIELDS.map((f) => f.key);

/** Where this table's arrows come from: computed against last month, or the published ones as reported. */
export type DotSource = { kind: 'computed'; against: string } | { kind: 'reported' };

export function dotSource(table: KadTable): DotSource {
  return table.previous ? { kind: 'computed', against: table.previous.periodLabel } : { kind: 'reported' };
}

type Values = Record<string, CellContent>;

function runRateValues(lines: readonly KadLine[], weeks: number): Values {
  const rr = runRate(lines, weeks);
  return { runRateK: rr.runRateK, runRateVsBudgetK: rr.vsBudgetK, runRateVsOutturnK: rr.vsOutturnK };
}

function figures(from: Record<KadField, Hundredths | null>): Values {
  return Object.fromEntries(ALL_FIELDS.map((f) => [f, from[f]]));
}

/** Figures an extract's import wrote, still as it gave them, carry a note naming the file. */
function extractNotes(line: KadLine, x: ExtractFigure | undefined): Record<string, string> | undefined {
  if (!x?.applied) return undefined;
  const notes: Record<string, string> = {};
  for (const f of EXTRACT_FIELDS) if (line[f] !== null && line[f] === x[f]) notes[f] = `computed from the care-package extract ${x.fileName} (SHA-256 ${x.sha256.slice(0, 12)}…)`;
  return notes;
}

/** Committed full-year spend of the lines, from the extract; null without one. */
function committedOf(table: KadTable, keys: readonly string[]): Hundredths | null {
  const figures = table.extract.filter((x) => keys.includes(x.lineKey));
  return figures.length ? figures.reduce((n, x) => n + (x.committedK ?? 0), 0) : null;
}

/** A line or Care Contributions: its figures, arrows and run rate, and which of its cells take input. */
function lineRow(table: KadTable, line: KadLine, dots: ReturnType<typeof tableDots>): GridRow {
  const care = line.kind === 'care_contributions';
  const x = table.extract.find((e) => e.lineKey === line.key);
  const notes = extractNotes(line, x);
  return {
    key: line.key,
    label: line.label,
    kind: line.kind,
    ...(notes ? { notes } : {}),
    values: {
      ...figures(line),
      varianceK: variance(line.totalSpendK, line.annualBudgetK),
      ...dots(line.key),
      ...runRateValues([line], table.runRateWeeks),
      committedK: x?.committedK ?? null,
    },
    editable: care ? CARE_CONTRIBUTION_FIELDS : ALL_FIELDS,
    // Each ACTUAL and Outturn figure still last month's, copied by a roll forward and not yet updated.
    carried: line.inUse ? line.carried : [],
    disabled: !line.inUse,
    refusal: !line.inUse
      ? `lands on ${line.label}, a type this service does not use (greyed out)`
      : care
        ? 'lands on Care Contributions, which have only an Annual Budget and a Total spend/ income'
        : undefined,
  };
}

/** The scrolling body: each group's header row followed by its service types, in the published order. */
export function bodyRows(table: KadTable): GridRow[] {
  const dots = tableDots(table);
  const rows: GridRow[] = [];
  for (const group of KAD_GROUPS) {
    rows.push({ key: `group_${group.id}`, label: group.label, kind: 'group', values: {}, editable: [] });
    for (const line of table.lines) if (line.kind === 'line' && line.group === group.id) rows.push(lineRow(table, line, dots));
  }
  return rows;
}

/**
 * The pinned foot: subtotals and the total are recomputed from the lines on every render (never stored,
 * never the server's reported figures), then Care Contributions, which is a real line.
 */
export function footRows(table: KadTable): GridRow[] {
  const dots = tableDots(table);
  const expenditure = table.lines.filter((l) => l.kind === 'line');
  const totals: GridRow[] = computeKadTotals(table.lines, table.averagingRule).map((t) => ({
    key: t.key,
    label: t.label,
    kind: t.kind,
    values: {
      ...figures(t),
      varianceK: t.varianceK,
      ...dots(t.key),
      ...runRateValues(t.group ? expenditure.filter((l) => l.group === t.group) : expenditure, table.runRateWeeks),
      committedK: committedOf(table, (t.group ? expenditure.filter((l) => l.group === t.group) : expenditure).map((l) => l.key)),
    },
    editable: [],
  }));
  const care = table.lines.filter((l) => l.kind === 'care_contributions').map((l) => lineRow(table, l, dots));
  return [...totals, ...care];
}

/** Figures still as last month's, for the note above the grid. */
export function carriedFigureCount(table: KadTable): number {
  return table.lines.filter((l) => l.inUse).reduce((n, l) => n + l.carried.length, 0);
}

/** A KAD cell as the API names it. */
export interface CellValue {
  lineKey: string;
  field: KadField;
  value: Hundredths | null;
}

const isKadField = (colId: string): colId is KadField => (ALL_FIELDS as readonly string[]).includes(colId);

/** The grid's changes as KAD cells (the grid only ever changes figure columns, which are KAD fields). */
export function kadCells(changes: readonly CellChange[]): CellValue[] {
  return changes.filter((c) => isKadField(c.colId)).map((c) => ({ lineKey: c.rowKey, field: c.colId as KadField, value: c.value }));
}

/**
 * The table with figures changed, shown at once while the server confirms. An edited actual figure loses
 * its own carried-forward mark, as the server will; the line's other figures keep theirs.
 */
export function withCellValues(table: KadTable, cells: readonly CellValue[]): KadTable {
  const byLine = new Map<string, CellValue[]>();
  for (const c of cells) byLine.set(c.lineKey, [...(byLine.get(c.lineKey) ?? []), c]);
  return {
    ...table,
    lines: table.lines.map((l) => {
      const changes = byLine.get(l.key);
      if (!changes) return l;
      const next: KadLine = { ...l };
      for (const c of changes) {
        next.carried = next.carried.filter((f) => f !== c.field);
        next[c.field] = c.value;
      }
      return next;
    }),
  };
}
