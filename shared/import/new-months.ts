import { monthLabel, previousMonth } from '../periods';

interface NewMonthTable {
  period: string;
  newMonth: boolean;
  rollsFrom: string | null;
}

/** Months as runs of consecutive months: "April 2022 to July 2023, September 2023". */
export function monthRuns(months: readonly string[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: [string, string][] = [];
  for (const m of sorted) {
    const last = runs.at(-1);
    if (last && previousMonth(m) === last[1]) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? monthLabel(a) : `${monthLabel(a)} to ${monthLabel(b)}`)).join(', ');
}

/**
 * What applying does about months not held yet, in plain words: those after a month held are rolled
 * forward from it (each area's figures copied, then the file's written over them); those before every
 * month held have nothing to roll forward from, so they are created holding only the file's figures.
 */
export function newMonthSentences(tables: readonly NewMonthTable[]): string[] {
  const fresh = tables.filter((t) => t.newMonth);
  if (!fresh.length) return [];
  const out: string[] = [];
  const byBase = new Map<string, string[]>();
  for (const t of fresh) if (t.rollsFrom) byBase.set(t.rollsFrom, [...(byBase.get(t.rollsFrom) ?? []), t.period]);
  for (const [base, months] of [...byBase].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`Creates ${monthRuns(months)} by rolling forward from ${monthLabel(base)}: its figures are copied into each new month, then this file's figures are written over them.`);
  }
  // No month to roll forward from: the area holds none before these.
  const first = fresh.filter((t) => !t.rollsFrom).map((t) => t.period);
  if (first.length) {
    const one = new Set(first).size === 1;
    out.push(
      `Creates ${monthRuns(first)}, before the first month this workspace holds: there is no earlier month to roll ${one ? 'it' : 'them'} forward from, so ${one ? 'it holds' : 'they hold'} only this file's figures (budgets, and anything else the file does not give, are left blank).`,
    );
  }
  return out;
}
