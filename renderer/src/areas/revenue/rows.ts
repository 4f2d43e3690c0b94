import type { RevenueTable } from '../../../../shared/areas/revenue/api';
import { ENTERED_FIELDS, isEnteredField, type EnteredField, type RevenueLine } from '../../../../shared/areas/revenue/model';
import { appendixRows, planAppendix, type AppendixPlan, type AppendixRow } from '../../../../shared/areas/revenue/totals';
import type { Hundredths } from '../../../../shared/units';
import type { CellChange, GridBand, GridColumn, GridRow } from '../../grid/types';

/** Appendix 1's published columns; net budget, the % and the previous variance are computed, never typed. */
export function appendixColumns(table: RevenueTable): GridColumn[] {
  const prev = table.previous;
  const prevNote = prev.source === 'computed' ? `from ${prev.periodLabel}` : prev.source === 'reported' ? 'as reported in the published FMR' : 'blank: no earlier FMR this financial year';
  const money = (colId: string, header: string, kind: 'figure' | 'computed', tooltip?: string): GridColumn => ({ colId, header, spokenHeader: header, band: 'figures', kind, unit: 'gbp_000', tooltip });
  return [
    { colId: 'label', header: 'Budget Line', spokenHeader: 'Budget Line', band: 'line', kind: 'label', minWidth: 260 },
    { colId: 'committee', header: 'Committee', spokenHeader: 'Committee', band: 'line', kind: 'text' },
    { ...money('previousVariance', 'Forecast Outturn Variance (Previous)', 'computed', `Previous month's variance, ${prevNote}`), cellClass: prev.source === 'reported' ? 'revenue-cell--reported' : undefined },
    money('grossBudget', 'Gross Budget', 'figure'),
    money('incomeBudget', 'Income Budget', 'figure'),
    money('netBudget', 'Net Budget', 'computed', 'Gross Budget + Income Budget'),
    money('actual', 'Actual', 'figure'),
    money('forecastVariance', 'Forecast Outturn Variance', 'figure'),
    { colId: 'variancePct', header: 'Forecast Outturn Variance %', spokenHeader: 'Forecast Outturn Variance %', band: 'figures', kind: 'computed', unit: 'percent', unitOptions: { decimals: 0 } },
  ];
}

export function appendixBands(table: RevenueTable): GridBand[] {
  return [
    { id: 'line', header: `Appendix ${table.directorate.appendix} – ${table.directorate.name}`, alignStart: true },
    { id: 'figures', header: `£000 (${table.periodLabel})` },
  ];
}

const KIND: Record<AppendixRow['kind'], string> = { heading: 'group', subheading: 'group', line: 'line', subtotal: 'subtotal', section_total: 'subtotal', expenditure_total: 'total', overall_total: 'total' };

// A line's row is rebuilt only when the line (or the base) changes, so an edit hands the grid one new row.
const lineRows = new Map<string, WeakMap<RevenueLine, GridRow>>();

function gridRow(r: AppendixRow): GridRow {
  const line = r.kind === 'line';
  return {
    key: r.key,
    label: r.label,
    kind: KIND[r.kind],
    values: r.kind === 'heading' || r.kind === 'subheading' ? {} : { committee: r.committee ?? '', ...r.figures },
    editable: line ? ENTERED_FIELDS : [],
  };
}

/**
 * The grid's rows: headings, lines and heading totals inline in the published order; the directorate's
 * expenditure total and the overall total pinned at the foot. Every total is recomputed from the lines
 * with the area's shared totals on every change (never the server's, never the reported figures).
 */
export function gridRows(plan: AppendixPlan, base: RevenueTable['settings']['pctBaseAppendix1']): { body: GridRow[]; foot: GridRow[] } {
  const rows = appendixRows(plan, base);
  const cache = lineRows.get(base) ?? new WeakMap<RevenueLine, GridRow>();
  lineRows.set(base, cache);
  const byKey = new Map(plan.lines.map((l) => [l.key, l]));
  const toGrid = (r: AppendixRow): GridRow => {
    const line = r.kind === 'line' ? byKey.get(r.key) : undefined;
    if (!line) return gridRow(r);
    const held = cache.get(line);
    if (held) return held;
    const made = gridRow(r);
    cache.set(line, made);
    return made;
  };
  const pinned = (r: AppendixRow) => r.kind === 'expenditure_total' || r.kind === 'overall_total';
  return { body: rows.filter((r) => !pinned(r)).map(toGrid), foot: rows.filter(pinned).map(toGrid) };
}

export function planOf(table: RevenueTable): AppendixPlan {
  return planAppendix(table.directorate, table.sections, table.lines);
}

export interface CellValue {
  lineKey: string;
  field: EnteredField;
  value: Hundredths | null;
}

export function revenueCells(changes: readonly CellChange[]): CellValue[] {
  return changes.filter((c) => isEnteredField(c.colId)).map((c) => ({ lineKey: c.rowKey, field: c.colId as EnteredField, value: c.value }));
}

/** The table with figures changed, shown at once while the server confirms. */
export function withCellValues(table: RevenueTable, cells: readonly CellValue[]): RevenueTable {
  const byLine = new Map<string, CellValue[]>();
  for (const c of cells) byLine.set(c.lineKey, [...(byLine.get(c.lineKey) ?? []), c]);
  return {
    ...table,
    lines: table.lines.map((l): RevenueLine => {
      const changes = byLine.get(l.key);
      if (!changes) return l;
      const next = { ...l };
      for (const c of changes) next[c.field] = c.value;
      return next;
    }),
  };
}
