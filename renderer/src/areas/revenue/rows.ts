import type { RevenueSaved, RevenueTable } from '../../../../shared/areas/revenue/api';
import { ENTERED_FIELDS, isEnteredField, type EnteredField, type Figures, type RevenueLine } from '../../../../shared/areas/revenue/model';
import { noteLinesEdited, replanAppendix } from '../../../../shared/areas/revenue/replan';
import { computeTotals, editedLines, slotRow, type AppendixPlan, type AppendixRow } from '../../../../shared/areas/revenue/totals';
import type { Hundredths } from '../../../../shared/units';
import { notePatched } from '../../grid/rowUpdates';
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

/**
 * Where each slot's row sits (`row`: its index in the body, or -1 - its index in the foot), and the slot of
 * each line and of each total. One per plan structure.
 */
interface SlotPlaces {
  row: Int32Array;
  ofLine: Int32Array;
  ofTotal: Int32Array;
}
const placesOf = new WeakMap<readonly unknown[], SlotPlaces>();

function slotPlaces(plan: AppendixPlan): SlotPlaces {
  let places = placesOf.get(plan.slots);
  if (places) return places;
  const row = new Int32Array(plan.slots.length);
  const ofLine = new Int32Array(plan.lines.length);
  const ofTotal = new Int32Array(plan.totals.length);
  let b = 0;
  let f = 0;
  plan.slots.forEach((slot, i) => {
    const pinned = slot.type === 'total' && isPinned(plan, slot.index);
    row[i] = pinned ? -1 - f++ : b++;
    if (slot.type === 'line') ofLine[slot.index] = i;
    else if (slot.type === 'total') ofTotal[slot.index] = i;
  });
  placesOf.set(plan.slots, (places = { row, ofLine, ofTotal }));
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
  const bodyPlaces: number[] = [];
  const footPlaces: number[] = [];
  const put = (s: number, row: GridRow) => {
    const at = places.row[s]!;
    if (at >= 0) {
      if (body === shown.body) body = body.slice();
      body[at] = row;
      bodyPlaces.push(at);
    } else {
      if (foot === shown.foot) foot = foot.slice();
      foot[-1 - at] = row;
      footPlaces.push(-1 - at);
    }
  };
  const cache = lineRows.get(base) ?? new WeakMap<RevenueLine, GridRow>();
  lineRows.set(base, cache);
  const putLine = (i: number) => {
    const line = plan.lines[i]!;
    if (line === shown.plan.lines[i]) return;
    const s = places.ofLine[i]!;
    let row = cache.get(line);
    if (!row) cache.set(line, (row = gridRow(slotRow(plan, plan.slots[s]!, totals, base))));
    put(s, row);
  };
  const putTotal = (t: number) => {
    if (sameFigures(shown.totals[t]!, totals[t]!)) return;
    const row = gridRow(slotRow(plan, plan.slots[places.ofTotal[t]!]!, totals, base));
    totalRows.set(`${base}|${row.key}`, row);
    put(places.ofTotal[t]!, row);
  };
  // An edit says which lines it changed: only they, and the totals they count in, can differ.
  const edited = editedLines(plan, shown.plan);
  if (edited) {
    const moved = new Set<number>();
    for (const i of edited) {
      putLine(i);
      for (const t of plan.targets[i]!) moved.add(t);
    }
    for (const t of moved) putTotal(t);
  } else {
    for (let i = 0; i < plan.lines.length; i++) putLine(i);
    for (let t = 0; t < plan.totals.length; t++) putTotal(t);
  }
  notePatched(body, shown.body, bodyPlaces);
  notePatched(foot, shown.foot, footPlaces);
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

/**
 * A save's answer put into the table shown: each line it names, as stored now, with the edits still
 * waiting for their own answers put back on top. Saves are answered in the order they were sent, so the
 * answer to an earlier one does not hold a later edit yet: taken as it is, it would show that cell (and
 * its totals) as before the later edit until the next answer came. A line that comes back as shown keeps
 * its object, and the table its very list of lines, so nothing is planned or drawn again.
 */
export function withSaved(shown: RevenueTable, saved: RevenueSaved, waiting: readonly (readonly CellValue[])[]): RevenueTable {
  const at = lineIndex(shown.lines);
  const later = waiting.flat();
  let lines: RevenueLine[] | null = null;
  const edited: number[] = [];
  for (const stored of saved.lines) {
    const i = at.get(stored.key);
    if (i === undefined) continue;
    let line = stored;
    for (const c of later) if (c.lineKey === stored.key) line = { ...line, [c.field]: c.value };
    if (sameLine(shown.lines[i]!, line)) continue;
    (lines ??= shown.lines.slice())[i] = line;
    edited.push(i);
  }
  if (!lines) return saved.lockedReason === shown.lockedReason ? shown : { ...shown, lockedReason: saved.lockedReason };
  keepLineIndex(lines, shown.lines);
  noteLinesEdited(lines, shown.lines, edited);
  return { ...shown, lines, lockedReason: saved.lockedReason };
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
  const at = lineIndex(table.lines);
  const lines = table.lines.slice();
  const edited: number[] = [];
  for (const c of cells) {
    const i = at.get(c.lineKey);
    if (i === undefined) continue;
    // A line edited twice in one batch (a paste) is copied once.
    if (lines[i] === table.lines[i]) {
      lines[i] = { ...lines[i]! };
      edited.push(i);
    }
    (lines[i] as Record<EnteredField, Hundredths | null>)[c.field] = c.value;
  }
  // The same keys in the same places: the next edit finds its lines with the same index.
  keepLineIndex(lines, table.lines);
  // The plan then swaps in the edited lines alone, rather than comparing the thousands of others.
  noteLinesEdited(lines, table.lines, edited);
  return { ...table, lines };
}

const lineIndexes = new WeakMap<readonly RevenueLine[], ReadonlyMap<string, number>>();

/** Lines with the same keys in the same places as `from` share its index, if it has one. */
function keepLineIndex(lines: readonly RevenueLine[], from: readonly RevenueLine[]): void {
  const at = lineIndexes.get(from);
  if (at) lineIndexes.set(lines, at);
}

function lineIndex(lines: readonly RevenueLine[]): ReadonlyMap<string, number> {
  let at = lineIndexes.get(lines);
  if (!at) lineIndexes.set(lines, (at = new Map(lines.map((l, i) => [l.key, i]))));
  return at;
}
