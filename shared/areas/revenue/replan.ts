import type { Directorate, RevenueLine, Section } from './model';
import { derivePlan, planAppendix, type AppendixPlan } from './totals';

const samePlace = (a: RevenueLine, b: RevenueLine) => a.key === b.key && a.directorateId === b.directorateId && a.section === b.section && a.subsection === b.subsection && a.order === b.order;

type KeptLines = { lines: RevenueLine[]; changed: number[] };

/** The lines each plan was made from, so that lines edited from them are known to be the plan's own. */
const planSource = new WeakMap<AppendixPlan, readonly RevenueLine[]>();
/** Lines made from others by changing the lines at a few indices (noteLinesEdited). */
const lineEdits = new WeakMap<readonly RevenueLine[], { from: readonly RevenueLine[]; indices: readonly number[] }>();
/** Each plan structure's lines by key, to find an edited line's place without walking the others. */
const placeOfKey = new WeakMap<readonly unknown[], Map<string, number>>();

/**
 * Says that `next` is `from` with new objects at `indices` only (an edit), so replanAppendix can swap those
 * lines in without comparing thousands of others. Only the latest step is kept, so a long session of edits
 * does not hold every earlier array of lines.
 */
export function noteLinesEdited(next: readonly RevenueLine[], from: readonly RevenueLine[], indices: readonly number[]): void {
  lineEdits.delete(from);
  lineEdits.set(next, { from, indices });
}

/** An edit noted by noteLinesEdited: only the edited lines are looked at, each found in its planned place by key. */
function linesEdited(previous: AppendixPlan, dir: string, allLines: readonly RevenueLine[]): KeptLines | null {
  const edit = lineEdits.get(allLines);
  if (!edit || planSource.get(previous) !== edit.from) return null;
  let places = placeOfKey.get(previous.slots);
  if (!places) placeOfKey.set(previous.slots, (places = new Map(previous.lines.map((l, i) => [l.key, i]))));
  const lines = previous.lines.slice();
  const changed: number[] = [];
  for (const k of edit.indices) {
    const before = edit.from[k]!;
    const now = allLines[k]!;
    if (before.directorateId !== dir && now.directorateId !== dir) continue;
    const at = places.get(before.key);
    if (at === undefined || lines[at] !== before || !samePlace(now, before)) return null;
    lines[at] = now;
    changed.push(at);
  }
  return { lines, changed };
}

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
  const same = previous && previous.directorate === directorate && previous.sections === sections;
  // The very lines it was made from (a save's answer that changed nothing): the plan as it is.
  if (same && planSource.get(previous) === allLines) return previous;
  const dir = directorate.id;
  const kept = same ? (linesEdited(previous, dir, allLines) ?? linesInPlace(previous, dir, allLines) ?? linesMoved(previous, dir, allLines)) : null;
  const plan = kept ? derivePlan(previous!, kept.lines, kept.changed) : planAppendix(directorate, sections, allLines);
  planSource.set(plan, allLines);
  return plan;
}
