import type { Hundredths } from '../../units';
import { lineKeyFor, slug, type Directorate, type Figures, type RevenueLine, type Section } from './model';
import { variancePct, type PctBase } from './percent';

/**
 * Appendix 1's computed rows: heading totals (a subsection's Total row, or a section's where the table
 * prints one), the directorate's expenditure total, each mitigation section's total and the overall
 * total. Never stored: recomputed from the lines whenever they change. The structure (which line counts
 * in which total) is planned once; recomputing after an edit is then one pass over the lines.
 */
export type AppendixRowKind = 'heading' | 'subheading' | 'line' | 'subtotal' | 'section_total' | 'expenditure_total' | 'overall_total';

export interface AppendixRow {
  key: string;
  kind: AppendixRowKind;
  label: string;
  section: string | null;
  subsection: string | null;
  /** Lines: the line's key; totals: null. */
  lineKey: string | null;
  committee: string | null;
  isMitigation: boolean;
  figures: Figures;
}

const SUMMED = ['previousVariance', 'grossBudget', 'incomeBudget', 'actual', 'forecastVariance'] as const;
const NF = SUMMED.length;

export const totalKey = {
  subsection: (dir: string, section: string, subsection: string) => `t:${dir}:${slug(section)}:${slug(subsection)}`,
  section: (dir: string, section: string) => `t:${dir}:${slug(section)}`,
  expenditure: (dir: string) => `t:${dir}:expenditure`,
  overall: (dir: string) => `t:${dir}:overall`,
};

/** net = gross + income; blank only when both are blank. */
export function netOf(gross: Hundredths | null, income: Hundredths | null): Hundredths | null {
  return gross === null && income === null ? null : (gross ?? 0) + (income ?? 0);
}

export function lineFigures(line: RevenueLine, base: PctBase): Figures {
  const netBudget = netOf(line.grossBudget, line.incomeBudget);
  return {
    previousVariance: line.previousVariance,
    grossBudget: line.grossBudget,
    incomeBudget: line.incomeBudget,
    netBudget,
    actual: line.actual,
    forecastVariance: line.forecastVariance,
    variancePct: variancePct(line.forecastVariance, { netBudget, grossBudget: line.grossBudget }, base),
  };
}

interface PlannedTotal {
  key: string;
  kind: Exclude<AppendixRowKind, 'heading' | 'subheading' | 'line'>;
  label: string;
  section: string | null;
  subsection: string | null;
  isMitigation: boolean;
}

export type Slot = { type: 'heading'; row: Omit<AppendixRow, 'figures'> } | { type: 'line'; index: number } | { type: 'total'; index: number };

/** Which totals each line counts in, and the printed order of headings, lines and totals. */
export interface AppendixPlan {
  directorate: Directorate;
  /** As given to planAppendix: a later replan with the same sections (and lines in the same places) keeps the structure. */
  sections: readonly Section[];
  lines: readonly RevenueLine[];
  totals: PlannedTotal[];
  /** For line i, the indices of the totals it counts in. */
  targets: Int32Array[];
  slots: Slot[];
  /** Names of the directorate's mitigation and funding sections. */
  mitigationSections: ReadonlySet<string>;
}

export function planAppendix(directorate: Directorate, sections: readonly Section[], allLines: readonly RevenueLine[]): AppendixPlan {
  const dir = directorate.id;
  const own = sections.filter((s) => s.directorateId === dir).sort((a, b) => a.order - b.order);
  const lines = allLines.filter((l) => l.directorateId === dir).sort((a, b) => a.order - b.order);
  const bySection = new Map<string, RevenueLine[]>();
  for (const l of lines) {
    const list = bySection.get(l.section);
    if (list) list.push(l);
    else bySection.set(l.section, [l]);
  }
  const index = new Map(lines.map((l, i) => [l.key, i]));
  const totals: PlannedTotal[] = [];
  const targets: number[][] = lines.map(() => []);
  const slots: Slot[] = [];
  const addTotal = (t: PlannedTotal, members: readonly RevenueLine[]) => {
    const at = totals.push(t) - 1;
    for (const m of members) targets[index.get(m.key)!]!.push(at);
    slots.push({ type: 'total', index: at });
  };
  const heading = (kind: 'heading' | 'subheading', label: string, section: string, subsection: string | null, isMitigation: boolean) =>
    slots.push({ type: 'heading', row: { key: `h:${dir}:${slug(section)}${subsection ? `:${slug(subsection)}` : ''}`, kind, label, section, subsection, lineKey: null, committee: null, isMitigation } });

  const emitSection = (s: Section) => {
    const members = bySection.get(s.name) ?? [];
    heading('heading', s.name, s.name, null, s.isMitigation);
    const state: { open: { name: string; members: RevenueLine[] } | null } = { open: null };
    const close = () => {
      const open = state.open;
      if (!open) return;
      addTotal({ key: totalKey.subsection(dir, s.name, open.name), kind: 'subtotal', label: `${open.name} Total`, section: s.name, subsection: open.name, isMitigation: s.isMitigation }, open.members);
      state.open = null;
    };
    for (const l of members) {
      if (l.subsection !== (state.open?.name ?? null)) {
        close();
        if (l.subsection) {
          state.open = { name: l.subsection, members: [] };
          heading('subheading', l.subsection, s.name, l.subsection, s.isMitigation);
        }
      }
      state.open?.members.push(l);
      slots.push({ type: 'line', index: index.get(l.key)! });
    }
    close();
    if (s.totalLabel) addTotal({ key: totalKey.section(dir, s.name), kind: 'section_total', label: s.totalLabel, section: s.name, subsection: null, isMitigation: s.isMitigation }, members);
  };

  const spend = own.filter((s) => !s.isMitigation);
  const mitigation = own.filter((s) => s.isMitigation);
  spend.forEach(emitSection);
  addTotal({ key: totalKey.expenditure(dir), kind: 'expenditure_total', label: directorate.expenditureTotalLabel, section: null, subsection: null, isMitigation: false }, lines.filter((l) => !mitigation.some((m) => m.name === l.section)));
  mitigation.forEach(emitSection);
  addTotal({ key: totalKey.overall(dir), kind: 'overall_total', label: directorate.overallTotalLabel, section: null, subsection: null, isMitigation: false }, lines);
  return { directorate, sections, lines, totals, targets: targets.map((t) => Int32Array.from(t)), slots, mitigationSections: new Set(mitigation.map((m) => m.name)) };
}

const samePlace = (a: RevenueLine, b: RevenueLine) => a.key === b.key && a.directorateId === b.directorateId && a.section === b.section && a.subsection === b.subsection && a.order === b.order;

type KeptLines = { lines: RevenueLine[]; changed: number[] };

/** The usual case, an edit: the directorate's lines come in the order planned, so no lookup by key. */
function linesInPlace(previous: AppendixPlan, dir: string, allLines: readonly RevenueLine[]): KeptLines | null {
  const lines: RevenueLine[] = new Array(previous.lines.length);
  const changed: number[] = [];
  let i = 0;
  for (const now of allLines) {
    if (now.directorateId !== dir) continue;
    const before = previous.lines[i];
    if (!before || now.key !== before.key) return null;
    if (now !== before) {
      if (!samePlace(now, before)) return null;
      changed.push(i);
    }
    lines[i++] = now;
  }
  return i === lines.length ? { lines, changed } : null;
}

/** The same lines in another order: each found by its key, and still under its heading and in its place. */
function linesMoved(previous: AppendixPlan, dir: string, allLines: readonly RevenueLine[]): KeptLines | null {
  const byKey = new Map<string, RevenueLine>();
  let count = 0;
  for (const l of allLines) {
    if (l.directorateId !== dir) continue;
    count++;
    byKey.set(l.key, l);
  }
  if (count !== previous.lines.length || byKey.size !== count) return null;
  const lines: RevenueLine[] = new Array(count);
  const changed: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = previous.lines[i]!;
    const now = byKey.get(before.key);
    if (!now || !samePlace(now, before)) return null;
    lines[i] = now;
    if (now !== before) changed.push(i);
  }
  return { lines, changed };
}

/**
 * The plan for new figures of the same table. When the directorate and sections are the same objects and
 * every line is still in its place (same key, heading and order), the structure is kept and only the
 * lines are swapped in, so an edit of a 5,000-line table re-plans nothing; otherwise it is planned afresh.
 */
export function replanAppendix(previous: AppendixPlan | null, directorate: Directorate, sections: readonly Section[], allLines: readonly RevenueLine[]): AppendixPlan {
  if (!previous || previous.directorate !== directorate || previous.sections !== sections) return planAppendix(directorate, sections, allLines);
  const kept = linesInPlace(previous, directorate.id, allLines) ?? linesMoved(previous, directorate.id, allLines);
  if (!kept) return planAppendix(directorate, sections, allLines);
  const { lines, changed } = kept;
  const plan = { ...previous, lines };
  // The figures of the lines an edit left alone are copied, not read again from thousands of objects.
  const held = planValues.get(previous);
  if (held) {
    const values = held.slice();
    for (const i of changed) putLineValues(values, i, lines[i]!);
    planValues.set(plan, values);
  }
  return plan;
}

/**
 * Every total of the plan from the lines' current figures: one pass adding each line's five summed
 * figures into the totals it counts in. `values` may be given as a flat array (5 per line, NaN for a
 * blank) for a caller that keeps its figures that way; otherwise they are read from the plan's lines.
 */
export function computeTotals(plan: AppendixPlan, base: PctBase, values?: Float64Array): Figures[] {
  const n = plan.totals.length;
  const sums = new Float64Array(n * NF);
  const any = new Uint8Array(n * NF);
  const flat = values ?? valuesOf(plan);
  const { targets } = plan;
  // The five figures unrolled, read once per line: this runs on every keystroke over thousands of lines.
  const add = (at: number, v: number) => {
    if (v !== v) return; // NaN: a blank
    sums[at] = sums[at]! + v;
    any[at] = 1;
  };
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const o = i * NF;
    const v0 = flat[o]!, v1 = flat[o + 1]!, v2 = flat[o + 2]!, v3 = flat[o + 3]!, v4 = flat[o + 4]!;
    for (let k = 0; k < t.length; k++) {
      const at = t[k]! * NF;
      add(at, v0);
      add(at + 1, v1);
      add(at + 2, v2);
      add(at + 3, v3);
      add(at + 4, v4);
    }
  }
  const out: Figures[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const get = (f: number) => (any[j * NF + f] ? sums[j * NF + f]! : null);
    const grossBudget = get(1);
    const incomeBudget = get(2);
    const netBudget = netOf(grossBudget, incomeBudget);
    const forecastVariance = get(4);
    out[j] = { previousVariance: get(0), grossBudget, incomeBudget, netBudget, actual: get(3), forecastVariance, variancePct: variancePct(forecastVariance, { netBudget, grossBudget }, base) };
  }
  return out;
}

/** Line i's summed figures into its five places of the flat array, in SUMMED's order, a blank as NaN. */
function putLineValues(flat: Float64Array, i: number, l: RevenueLine): void {
  const o = i * NF;
  flat[o] = l.previousVariance ?? Number.NaN;
  flat[o + 1] = l.grossBudget ?? Number.NaN;
  flat[o + 2] = l.incomeBudget ?? Number.NaN;
  flat[o + 3] = l.actual ?? Number.NaN;
  flat[o + 4] = l.forecastVariance ?? Number.NaN;
}

/** The summed figures of the lines, five a line in SUMMED's order, a blank as NaN. */
export function lineValues(lines: readonly RevenueLine[]): Float64Array {
  const flat = new Float64Array(lines.length * NF);
  for (let i = 0; i < lines.length; i++) putLineValues(flat, i, lines[i]!);
  return flat;
}

/** Each plan's line figures, read once: a replan after an edit copies them and rereads the edited lines. */
const planValues = new WeakMap<AppendixPlan, Float64Array>();

function valuesOf(plan: AppendixPlan): Float64Array {
  let values = planValues.get(plan);
  if (!values) planValues.set(plan, (values = lineValues(plan.lines)));
  return values;
}

/** Appendix 1 as printed: headings, lines and computed totals in order. */
export function appendixRows(plan: AppendixPlan, base: PctBase): AppendixRow[] {
  const totals = computeTotals(plan, base);
  return plan.slots.map((slot) => slotRow(plan, slot, totals, base));
}

/** One printed row of the plan, given the totals computeTotals gave for it. */
export function slotRow(plan: AppendixPlan, slot: Slot, totals: readonly Figures[], base: PctBase): AppendixRow {
  if (slot.type === 'heading') return { ...slot.row, figures: EMPTY };
  if (slot.type === 'total') {
    const t = plan.totals[slot.index]!;
    return { key: t.key, kind: t.kind, label: t.label, section: t.section, subsection: t.subsection, lineKey: null, committee: null, isMitigation: t.isMitigation, figures: totals[slot.index]! };
  }
  const l = plan.lines[slot.index]!;
  return { key: l.key, kind: 'line', label: l.label, section: l.section, subsection: l.subsection, lineKey: l.key, committee: l.committee, isMitigation: plan.mitigationSections.has(l.section), figures: lineFigures(l, base) };
}

export const EMPTY: Figures = { previousVariance: null, grossBudget: null, incomeBudget: null, netBudget: null, actual: null, forecastVariance: null, variancePct: null };

export { lineKeyFor };
