import type { Hundredths } from '../../../units';
import { divideRounded } from './money';
import { HashedKeys, TextHash } from './duplicates';
import { financialYearAround, monthEnd, ymdNumber, ymdOf, type Day } from './days';
import { reasonIndex, reasonKey, serviceFor, type ExtractMapping, type ReasonRule } from './mapping';

/**
 * Key Activity Data computed from a care-package extract (one row per person, package and cost
 * period). Pure: rows go in as read, a month's figures come out. Person IDs are never given to it;
 * dates of birth are kept only as the year and day of the year each element's age is worked from, in
 * memory, for as long as the file is being read and computed.
 *
 * The definitions (defaults the FMR uses):
 * - An element applies from its start to its end (blank: open), cut the day before a later-starting
 *   element of the same package begins. A package is open at month end D when an element applies on D.
 * - Its service comes from the element's primary support reason and the person's age on D (a
 *   birthday on D counts); its type is the element's service type.
 * - Current Care Packages: packages open at D; Current Average Unit Cost: Σ weekly cost ÷ packages,
 *   rounded half away from zero to £1.
 * - Committed full-year spend at D: over every package with an element starting on or before D, Σ
 *   weekly cost × the days each such element applies within D's financial year (an open end runs to
 *   31 March; elements starting after D are not known at D, so cut nothing) ÷ 7 ÷ 1,000, attributed to
 *   the package's latest known element (its type, and its service by age on D), rounded half away from
 *   zero to £1k. Client contributions the same way, for the Care Contributions line (income: negative).
 */
export interface ExtractRow {
  /** Row number in the file, for findings. */
  row: number;
  packageId: string;
  reason: string;
  serviceType: string;
  start: Day;
  end: Day | null;
  weeklyPence: number | null;
  contributionPence: number | null;
  dateOfBirth: Day | null;
  /** A fingerprint of the whole row as read (two 32-bit hashes, not a copy), to tell exact duplicates. */
  fingerprint: number;
  fingerprint2: number;
}

export type FindingKind = 'duplicate' | 'ends-before-start' | 'unknown-reason' | 'missing-cost' | 'unknown-type' | 'missing-birth-date';

export interface ExtractFinding {
  row: number;
  packageId: string;
  kind: FindingKind;
  /** For a duplicate: the row it repeats. For an unknown reason or type: the text as written. */
  detail: string | null;
}

export const FINDING_TEXT: Record<FindingKind, string> = {
  duplicate: 'repeats an earlier row exactly, so it was counted once',
  'ends-before-start': 'ends before it starts, so it was left out',
  'unknown-reason': 'has a primary support reason that no service is set to take, so it was left out',
  'missing-cost': 'has no weekly cost, so it was left out',
  'unknown-type': 'has a service type Key Activity Data does not list, so it was left out',
  'missing-birth-date': 'has no date of birth, which its support reason needs to choose a service by age, so it was left out',
};

export function describeFinding(f: ExtractFinding): string {
  const detail = f.kind === 'duplicate' ? ` (row ${f.detail})` : f.detail !== null ? ` ("${f.detail}")` : '';
  return `Row ${f.row}, package ${f.packageId}: ${FINDING_TEXT[f.kind].replace(/, so/, `${detail}, so`)}`;
}

export interface ExtractLine {
  typeId: string;
  packages: Hundredths;
  unitCost: Hundredths | null;
  committedK: Hundredths;
}

export interface ExtractService {
  serviceId: string;
  lines: ExtractLine[];
  /** Committed client contributions for the year, £k, negative as income is published. */
  contributionsK: Hundredths;
}

export interface ExtractMonth {
  month: string;
  services: ExtractService[];
}

const OPEN = 2_147_483_647;

class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}
const ints = (n = 1024) => new Column(new Int32Array(n), (m) => new Int32Array(m));
const floats = (n = 1024) => new Column(new Float64Array(n), (m) => new Float64Array(m));

export class ExtractAggregator {
  readonly findings: ExtractFinding[] = [];
  findingCount = 0;
  private readonly seen = new HashedKeys();
  /** Package IDs by a hash of their text, not the text: each package's number plus one. */
  private readonly packages = new HashedKeys();
  private readonly packageHash = new TextHash();
  private packageCount = 0;
  private readonly rules: ReasonRule[] = [];
  private readonly ruleOf = new Map<string, number>();
  private readonly reasonRules: Map<string, ReasonRule>;
  private readonly types: string[] = [];
  private readonly typeOf = new Map<string, number>();
  // One entry per element counted, column by column.
  private readonly pkg = ints();
  private readonly start = ints();
  private readonly end = ints();
  private readonly weekly = floats();
  private readonly contribution = floats();
  private readonly rule = ints();
  private readonly type = ints();
  /** Birth year × 10,000 + month × 100 + day: enough to tell an age, nothing more is kept. */
  private readonly born = ints();

  constructor(
    private readonly mapping: ExtractMapping,
    /** The KAD service type a row's text names, or null. */
    private readonly typeId: (text: string) => string | null,
    private readonly maxFindings = 1000,
  ) {
    this.reasonRules = reasonIndex(mapping);
  }

  get elements(): number {
    return this.pkg.length;
  }

  /** The earliest and latest element starts, for a default range of months. */
  startRange(): { first: Day; last: Day } | null {
    if (!this.start.length) return null;
    let first = OPEN;
    let last = -OPEN;
    for (let i = 0; i < this.start.length; i++) {
      const s = this.start.data[i]!;
      if (s < first) first = s;
      if (s > last) last = s;
    }
    return { first, last };
  }

  private find(row: ExtractRow, kind: FindingKind, detail: string | null = null): void {
    this.findingCount++;
    if (this.findings.length < this.maxFindings) this.findings.push({ row: row.row, packageId: row.packageId, kind, detail });
  }

  add(row: ExtractRow): void {
    const first = this.seen.firstOrAdd(row.fingerprint, row.fingerprint2, row.row);
    if (first !== 0) return this.find(row, 'duplicate', String(first));
    if (row.end !== null && row.end < row.start) return this.find(row, 'ends-before-start');
    let rule = this.ruleOf.get(row.reason);
    if (rule === undefined) {
      const found = this.reasonRules.get(reasonKey(row.reason));
      rule = found ? this.rules.push(found) - 1 : -1;
      this.ruleOf.set(row.reason, rule);
    }
    if (rule < 0) return this.find(row, 'unknown-reason', row.reason.trim());
    if (row.weeklyPence === null) return this.find(row, 'missing-cost');
    let type = this.typeOf.get(row.serviceType);
    if (type === undefined) {
      const id = this.typeId(row.serviceType);
      type = id === null ? -1 : this.types.indexOf(id) >= 0 ? this.types.indexOf(id) : this.types.push(id) - 1;
      this.typeOf.set(row.serviceType, type);
    }
    if (type < 0) return this.find(row, 'unknown-type', row.serviceType.trim());
    let born = 0;
    if (row.dateOfBirth !== null) born = ymdNumber(row.dateOfBirth);
    else if (!('service' in this.rules[rule]!)) return this.find(row, 'missing-birth-date');
    const id = this.packageHash.of(row.packageId);
    const known = this.packages.firstOrAdd(id.a, id.b, this.packageCount + 1);
    const p = known ? known - 1 : this.packageCount++;
    this.pkg.push(p);
    this.start.push(row.start);
    this.end.push(row.end ?? OPEN);
    this.weekly.push(row.weeklyPence);
    this.contribution.push(row.contributionPence ?? 0);
    this.rule.push(rule);
    this.type.push(type);
    this.born.push(born);
  }

  /** Reading is over: rows no longer need telling apart. */
  doneReading(): void {
    this.seen.clear();
  }

  /** Each month's figures, per service and service type (only the pairs with any package). */
  compute(months: readonly string[]): ExtractMonth[] {
    this.doneReading();
    const n = this.pkg.length;
    const pkg = this.pkg.data;
    const start = this.start.data;
    // Elements of a package together (packages numbered as first met), earliest start first, file order
    // among equal starts: one counting pass by package, then each package's few elements put in order.
    const packages = this.packageCount;
    const groupStart = new Int32Array(packages + 1);
    for (let i = 0; i < n; i++) groupStart[pkg[i]! + 1]!++;
    for (let p = 0; p < packages; p++) groupStart[p + 1]! += groupStart[p]!;
    const order = new Int32Array(n);
    const next = groupStart.slice(0, packages);
    for (let i = 0; i < n; i++) order[next[pkg[i]!]!++] = i;
    for (let p = 0; p < packages; p++) {
      for (let i = groupStart[p]! + 1; i < groupStart[p + 1]!; i++) {
        const e = order[i]!;
        let j = i - 1;
        for (; j >= groupStart[p]! && start[order[j]!]! > start[e]!; j--) order[j + 1] = order[j]!;
        order[j + 1] = e;
      }
    }
    const groups = groupStart;
    // A package whose every element ended before a financial year began counts for none of its months.
    // Most of a long extract's packages ended years ago: each month looks only at those still running in
    // the first month's financial year.
    const sorted = [...months].sort();
    const firstYear = sorted.length ? financialYearAround(monthEnd(sorted[0]!)).first : OPEN;
    const lastEnd = new Int32Array(packages);
    const live = new Int32Array(packages);
    let lives = 0;
    for (let g = 0; g < packages; g++) {
      let e = -OPEN;
      for (let i = groups[g]!; i < groups[g + 1]!; i++) e = Math.max(e, this.end.data[order[i]!]!);
      lastEnd[g] = e;
      if (e >= firstYear) live[lives++] = g;
    }
    return sorted.map((m) => this.month(m, order, groups, lastEnd, live.subarray(0, lives)));
  }

  private month(month: string, order: Int32Array, groups: Int32Array, lastEnd: Int32Array, live: Int32Array): ExtractMonth {
    const d = monthEnd(month);
    const fy = financialYearAround(d);
    const ymd = ymdOf(d);
    const dKey = ymd.month * 100 + ymd.day;
    const start = this.start.data;
    const end = this.end.data;
    const weekly = this.weekly.data;
    const contribution = this.contribution.data;
    const threshold = this.mapping.ageThreshold;
    type Cell = { count: number; weekly: number; committed: number };
    const cells = new Map<string, Map<number, Cell>>();
    const contributions = new Map<string, number>();
    const cellOf = (service: string, type: number): Cell => {
      let byType = cells.get(service);
      if (!byType) cells.set(service, (byType = new Map()));
      let cell = byType.get(type);
      if (!cell) byType.set(type, (cell = { count: 0, weekly: 0, committed: 0 }));
      return cell;
    };
    for (let l = 0; l < live.length; l++) {
      const g = live[l]!;
      if (lastEnd[g]! < fy.first) continue;
      const from = groups[g]!;
      const to = groups[g + 1]!;
      // The latest element known at D: elements are in start order, so the known ones come first.
      let k = -1;
      for (let i = from; i < to && start[order[i]!]! <= d; i++) k = i;
      if (k < 0) continue;
      const last = order[k]!;
      const rule = this.rules[this.rule.data[last]!]!;
      let service: string;
      if ('service' in rule) service = rule.service;
      else {
        const born = this.born.data[last]!;
        const by = Math.floor(born / 10_000);
        const age = ymd.year - by - (dKey < born % 10_000 ? 1 : 0);
        service = serviceFor(rule, age, threshold);
      }
      const open = end[last]! >= d;
      let spend = 0;
      let income = 0;
      for (let i = from; i <= k; i++) {
        const e = order[i]!;
        const cut = i < k ? Math.min(end[e]!, start[order[i + 1]!]! - 1) : end[e]!;
        const days = Math.min(cut, fy.last) - Math.max(start[e]!, fy.first) + 1;
        if (days <= 0) continue;
        spend += weekly[e]! * days;
        income += contribution[e]! * days;
      }
      if (open || spend) {
        const cell = cellOf(service, this.type.data[last]!);
        if (open) {
          cell.count++;
          cell.weekly += weekly[last]!;
        }
        cell.committed += spend;
      }
      if (income) contributions.set(service, (contributions.get(service) ?? 0) + income);
    }
    // £ a week and £k are whole pounds rounded half away from zero; figures are in hundredths.
    const PENCE_DAYS_PER_K = 7 * 100 * 1000;
    const services = [...new Set([...cells.keys(), ...contributions.keys()])].sort().map((serviceId) => ({
      serviceId,
      lines: [...(cells.get(serviceId) ?? new Map<number, Cell>())]
        .map(([type, c]) => ({
          typeId: this.types[type]!,
          packages: c.count * 100,
          unitCost: c.count ? divideRounded(c.weekly, c.count * 100) * 100 : null,
          committedK: divideRounded(c.committed, PENCE_DAYS_PER_K) * 100,
        }))
        .sort((a, b) => a.typeId.localeCompare(b.typeId)),
      contributionsK: -divideRounded(contributions.get(serviceId) ?? 0, PENCE_DAYS_PER_K) * 100 || 0,
    }));
    return { month, services };
  }
}
