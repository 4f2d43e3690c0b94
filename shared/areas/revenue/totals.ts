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

/**
 * A plan for new figures of the same table: `previous`'s structure with `lines` (the same lines in the same
 * places, those at `changed` new objects). Its figures are the previous plan's, with the changed lines'
 * read again, and its totals are the previous plan's moved by those lines alone (computeTotals).
 */
export function derivePlan(previous: AppendixPlan, lines: readonly RevenueLine[], changed: readonly number[]): AppendixPlan {
  const plan = { ...previous, lines };
  // The figures of the lines an edit left alone are copied, not read again from thousands of objects.
  const held = planValues.get(previous);
  if (held) {
    const values = held.slice();
    for (const i of changed) putLineValues(values, i, lines[i]!);
    planValues.set(plan, values);
  }
  // Only the latest step holds its previous plan: the one before is not needed to update totals, and
  // holding it would keep every plan of a long session alive.
  const before = planEdits.get(previous);
  if (before) before.previous = null;
  planEdits.set(plan, { previous, previousLines: previous.lines, changed });
  return plan;
}

/** The lines (plan indices) that differ between `previous` and `plan`, when derivePlan made one from the other. */
export function editedLines(plan: AppendixPlan, previous: AppendixPlan): readonly number[] | null {
  const edit = planEdits.get(plan);
  return edit && edit.previousLines === previous.lines && plan.slots === previous.slots ? edit.changed : null;
}

/**
 * Every total of the plan from the lines' current figures: one pass adding each line's five summed
 * figures into the totals it counts in. `values` may be given as a flat array (5 per line, NaN for a
 * blank) for a caller that keeps its figures that way; otherwise they are read from the plan's lines,
 * and a plan derivePlan made after an edit moves its previous plan's totals by the edited lines alone.
 */
export function computeTotals(plan: AppendixPlan, base: PctBase, values?: Float64Array): Figures[] {
  const { sums, counts } = values ? addLines(plan, values) : sumsOf(plan);
  const n = plan.totals.length;
  const out: Figures[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const get = (f: number) => (counts[j * NF + f] ? sums[j * NF + f]! : null);
    const grossBudget = get(1);
    const incomeBudget = get(2);
    const netBudget = netOf(grossBudget, incomeBudget);
    const forecastVariance = get(4);
    out[j] = { previousVariance: get(0), grossBudget, incomeBudget, netBudget, actual: get(3), forecastVariance, variancePct: variancePct(forecastVariance, { netBudget, grossBudget }, base) };
  }
  return out;
}

/** Each total's five sums, and how many lines gave each sum a figure (none: the total is blank). */
interface Sums {
  sums: Float64Array;
  counts: Int32Array;
}

function addLines(plan: AppendixPlan, flat: Float64Array): Sums {
  const sums = new Float64Array(plan.totals.length * NF);
  const counts = new Int32Array(plan.totals.length * NF);
  const { targets } = plan;
  // The five figures unrolled and written out, read once per line: this runs over thousands of lines, and
  // a helper per figure ran half as fast whenever the engine chose not to inline it (README, Benchmarks).
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const o = i * NF;
    const v0 = flat[o]!, v1 = flat[o + 1]!, v2 = flat[o + 2]!, v3 = flat[o + 3]!, v4 = flat[o + 4]!;
    // NaN is a blank: it adds nothing and is not counted.
    const h0 = v0 === v0, h1 = v1 === v1, h2 = v2 === v2, h3 = v3 === v3, h4 = v4 === v4;
    for (let k = 0; k < t.length; k++) {
      const at = t[k]! * NF;
      if (h0) {
        sums[at] = sums[at]! + v0;
        counts[at] = counts[at]! + 1;
      }
      if (h1) {
        sums[at + 1] = sums[at + 1]! + v1;
        counts[at + 1] = counts[at + 1]! + 1;
      }
      if (h2) {
        sums[at + 2] = sums[at + 2]! + v2;
        counts[at + 2] = counts[at + 2]! + 1;
      }
      if (h3) {
        sums[at + 3] = sums[at + 3]! + v3;
        counts[at + 3] = counts[at + 3]! + 1;
      }
      if (h4) {
        sums[at + 4] = sums[at + 4]! + v4;
        counts[at + 4] = counts[at + 4]! + 1;
      }
    }
  }
  return { sums, counts };
}

interface PlanEdit {
  previous: AppendixPlan | null;
  previousLines: readonly RevenueLine[];
  changed: readonly number[];
}
const planEdits = new WeakMap<AppendixPlan, PlanEdit>();
// Each plan's sums. Figures are whole numbers of hundredths (HundredthsSchema: safe integers), so moving
// a sum by an edit's old and new figures gives exactly what adding every line again would.
const planSums = new WeakMap<AppendixPlan, Sums>();

function sumsOf(plan: AppendixPlan): Sums {
  let sums = planSums.get(plan);
  if (sums) return sums;
  const flat = valuesOf(plan);
  const edit = planEdits.get(plan);
  const before = edit?.previous ? planSums.get(edit.previous) : undefined;
  sums = before ? movedSums(plan, before, valuesOf(edit!.previous!), flat, edit!.changed) : addLines(plan, flat);
  planSums.set(plan, sums);
  return sums;
}

/** `before` moved by the changed lines' old and new figures (NaN: a blank, counted in no sum). */
function movedSums(plan: AppendixPlan, before: Sums, was: Float64Array, now: Float64Array, changed: readonly number[]): Sums {
  const sums = before.sums.slice();
  const counts = before.counts.slice();
  for (const i of changed) {
    for (let f = 0; f < NF; f++) {
      const a = was[i * NF + f]!;
      const b = now[i * NF + f]!;
      if (a === b || (a !== a && b !== b)) continue;
      for (const t of plan.targets[i]!) {
        const at = t * NF + f;
        if (a === a) {
          sums[at] = sums[at]! - a;
          counts[at] = counts[at]! - 1;
        }
        if (b === b) {
          sums[at] = sums[at]! + b;
          counts[at] = counts[at]! + 1;
        }
      }
    }
  }
  return { sums, counts };
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
