import type { RevenueTable } from '../../../../shared/areas/revenue/api';
import { ENTERED_FIELDS, isEnteredField, type EnteredField, type Figures, type RevenueLine } from '../../../../shared/areas/revenue/model';
import { computeTotals, replanAppendix, slotRow, type AppendixPlan, type AppendixRow } from '../../../../shared/areas/revenue/totals';
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

// A line's row is rebuilt only when the line (or the base) changes; a heading's when the plan changes; a
// total's when a figure in it changes. So an edit hands the grid the edited line and the totals it moved.
const lineRows = new Map<string, WeakMap<RevenueLine, GridRow>>();
const headingRows = new WeakMap<object, GridRow>();
const totalRows = new Map<string, GridRow>();

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

function sameRow(a: GridRow, b: GridRow): boolean {
  if (a.key !== b.key || a.label !== b.label || a.kind !== b.kind) return false;
  const keys = Object.keys(b.values);
  return keys.length === Object.keys(a.values).length && keys.every((k) => a.values[k] === b.values[k]);
}

/** The rows shown, with what they were made from: the next edit's rows start from them. */
export interface ShownRows {
  plan: AppendixPlan;
  base: RevenueTable['settings']['pctBaseAppendix1'];
  totals: readonly Figures[];
  body: GridRow[];
  foot: GridRow[];
}

// Where each slot's row sits: its index in the body, or -1 - its index in the foot. One per plan structure.
const placesOf = new WeakMap<readonly unknown[], Int32Array>();

function slotPlaces(plan: AppendixPlan): Int32Array {
  let places = placesOf.get(plan.slots);
  if (places) return places;
  places = new Int32Array(plan.slots.length);
  let b = 0;
  let f = 0;
  plan.slots.forEach((slot, i) => {
    const pinned = slot.type === 'total' && isPinned(plan, slot.index);
    places![i] = pinned ? -1 - f++ : b++;
  });
  placesOf.set(plan.slots, places);
  return places;
}

const isPinned = (plan: AppendixPlan, t: number) => plan.totals[t]!.kind === 'expenditure_total' || plan.totals[t]!.kind === 'overall_total';

function sameFigures(a: Figures, b: Figures): boolean {
  for (const k in b) if (a[k as keyof Figures] !== b[k as keyof Figures]) return false;
  return true;
}

/**
 * The grid's rows: headings, lines and heading totals inline in the published order; the directorate's
 * expenditure total and the overall total pinned at the foot. Every total is recomputed from the lines
 * with the area's shared totals on every change (never the server's, never the reported figures).
 *
 * Given the rows shown before and a plan of the same structure (an edit), only the rows of changed lines
 * and of totals whose figures moved are made again, in place in copies of the shown arrays: a keystroke
 * does not walk the thousands of rows of a long table again.
 */
export function gridRows(plan: AppendixPlan, base: RevenueTable['settings']['pctBaseAppendix1'], shown?: ShownRows | null): ShownRows {
  const totals = computeTotals(plan, base);
  if (shown && shown.base === base && shown.plan.slots === plan.slots && shown.plan.totals === plan.totals) return patchRows(shown, plan, totals);
  const cache = lineRows.get(base) ?? new WeakMap<RevenueLine, GridRow>();
  lineRows.set(base, cache);
  const body: GridRow[] = [];
  const foot: GridRow[] = [];
  for (const slot of plan.slots) {
    if (slot.type === 'line') {
      const line = plan.lines[slot.index]!;
      let row = cache.get(line);
      if (!row) cache.set(line, (row = gridRow(slotRow(plan, slot, totals, base))));
      body.push(row);
    } else if (slot.type === 'heading') {
      let row = headingRows.get(slot.row);
      if (!row) headingRows.set(slot.row, (row = gridRow(slotRow(plan, slot, totals, base))));
      body.push(row);
    } else {
      const made = gridRow(slotRow(plan, slot, totals, base));
      const held = totalRows.get(`${base}|${made.key}`);
      const row = held && sameRow(held, made) ? held : made;
      totalRows.set(`${base}|${made.key}`, row);
      (isPinned(plan, slot.index) ? foot : body).push(row);
    }
  }
  return { plan, base, totals, body, foot };
}

function patchRows(shown: ShownRows, plan: AppendixPlan, totals: readonly Figures[]): ShownRows {
  const places = slotPlaces(plan);
  const { base } = shown;
  let body = shown.body;
  let foot = shown.foot;
  const put = (s: number, row: GridRow) => {
    const at = places[s]!;
    if (at >= 0) {
      if (body === shown.body) body = body.slice();
      body[at] = row;
    } else {
      if (foot === shown.foot) foot = foot.slice();
      foot[-1 - at] = row;
    }
  };
  const cache = lineRows.get(base) ?? new WeakMap<RevenueLine, GridRow>();
  lineRows.set(base, cache);
  for (let s = 0; s < plan.slots.length; s++) {
    const slot = plan.slots[s]!;
    if (slot.type === 'line') {
      const line = plan.lines[slot.index]!;
      if (line === shown.plan.lines[slot.index]) continue;
      let row = cache.get(line);
      if (!row) cache.set(line, (row = gridRow(slotRow(plan, slot, totals, base))));
      put(s, row);
    } else if (slot.type === 'total' && !sameFigures(shown.totals[slot.index]!, totals[slot.index]!)) {
      const row = gridRow(slotRow(plan, slot, totals, base));
      totalRows.set(`${base}|${row.key}`, row);
      put(s, row);
    }
  }
  return { plan, base, totals, body, foot };
}

/** The plan of the table, keeping the previous plan's structure when only figures changed. */
export function planOf(table: RevenueTable, previous: AppendixPlan | null = null): AppendixPlan {
  return replanAppendix(previous, table.directorate, table.sections, table.lines);
}

// A plain loop, no array of keys per line: a save's answer is compared line by line over thousands of them.
function sameLine(a: RevenueLine, b: RevenueLine): boolean {
  for (const k in b) if (a[k as keyof RevenueLine] !== b[k as keyof RevenueLine]) return false;
  return true;
}
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The table the server sent back, keeping the objects of what is shown where nothing changed: the saved
 * line's neighbours, the directorate, the sections. Then only what the save changed is redrawn.
 */
export function keepUnchanged(shown: RevenueTable, next: RevenueTable): RevenueTable {
  // Lines come back in the order shown: each is looked for in its own place first, by key only if moved.
  let byKey: Map<string, RevenueLine> | null = null;
  const heldOf = (l: RevenueLine, i: number) => {
    const same = shown.lines[i];
    if (same?.key === l.key) return same;
    byKey ??= new Map(shown.lines.map((s) => [s.key, s]));
    return byKey.get(l.key);
  };
  return {
    ...next,
    directorate: sameJson(shown.directorate, next.directorate) ? shown.directorate : next.directorate,
    previous: sameJson(shown.previous, next.previous) ? shown.previous : next.previous,
    sections: sameJson(shown.sections, next.sections) ? shown.sections : next.sections,
    lines: next.lines.map((l, i) => {
      const before = heldOf(l, i);
      return before && sameLine(before, l) ? before : l;
    }),
  };
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
