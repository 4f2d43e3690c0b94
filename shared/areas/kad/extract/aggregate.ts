import type { Hundredths } from '../../../units';
import { divideRounded } from './money';
import { ints, floats } from './column';
import { HashedKeys, PackageRows, TextHash } from './duplicates';
import { financialYearAround, monthEnd, ymdNumber, ymdOf, type Day } from './days';
import { reasonIndex, reasonKey, type ExtractMapping, type ReasonRule } from './mapping';

/**
 * Key Activity Data computed from a care-package extract (one row per person, package and cost
 * period). Pure: rows go in as read, a month's figures come out. Person IDs are never given to it;
 * dates of birth are kept only as the day numbers each element's age is worked from, in
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
  /**
   * The package ID's, support reason's and service type's hashes (TextHash of their trimmed text), when
   * the reader worked them out already: those texts are then told by number, not hashed again, and
   * `packageId`, `reason` and `serviceType` may be as written, spaces and all.
   */
  keys?: TextKeys | null;
}

export interface TextKeys {
  packageA: number;
  packageB: number;
  reasonA: number;
  reasonB: number;
  typeA: number;
  typeB: number;
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
/** No date of birth (only an element whose service does not go by age has none). */
const NO_BIRTH = -2_147_483_648;

/** The elements of the packages still running in the first month's financial year, each package's together in start order. */
interface Live {
  count: number;
  /** Package l's elements are from[l] to from[l + 1] - 1. */
  from: Int32Array;
  lastEnd: Int32Array;
  start: Int32Array;
  end: Int32Array;
  weekly: Float64Array;
  contribution: Float64Array;
  rule: Int32Array;
  type: Int32Array;
  /** Birth year × 10,000 + month × 100 + day (0: none): enough to tell an age. */
  born: Int32Array;
}

/** Services numbered: per rule, its fixed service, or (-1 there) its services at or over and under the age threshold. */
interface ServiceNumbers {
  ids: string[];
  fixed: Int32Array;
  over: Int32Array;
  under: Int32Array;
}


export class ExtractAggregator {
  readonly findings: ExtractFinding[] = [];
  findingCount = 0;
  /** Each package's rows by fingerprint, to tell exact repeats. */
  private readonly seen = new PackageRows();
  /** Package IDs by a hash of their text, not the text: each package's number plus one. */
  private readonly packages = new HashedKeys();
  private readonly packageHash = new TextHash();
  /** Support reasons and service types by their hashes: each one's index plus two (-1, none, is 1). */
  private readonly reasonKeys = new HashedKeys(64);
  private readonly typeKeys = new HashedKeys(64);
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
  /** The date of birth as a day number (NO_BIRTH: none), turned into year, month and day only for the elements the months read. */
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
    if (this.findings.length < this.maxFindings) this.findings.push({ row: row.row, packageId: row.packageId.trim(), kind, detail });
  }

  add(row: ExtractRow): void {
    // The package first: an exact repeat of a row has the same package ID, so rows are told apart within it.
    const keys = row.keys;
    const id = keys ? null : this.packageHash.of(row.packageId);
    const known = id ? this.packages.firstOrAdd(id.a, id.b, this.packageCount + 1) : this.packages.firstOrAdd(keys!.packageA, keys!.packageB, this.packageCount + 1);
    const p = known ? known - 1 : this.packageCount++;
    const first = this.seen.firstOrAdd(p, row.fingerprint, row.fingerprint2, row.row);
    if (first !== 0) return this.find(row, 'duplicate', String(first));
    if (row.end !== null && row.end < row.start) return this.find(row, 'ends-before-start');
    const rule = keys ? this.byKey(this.reasonKeys, keys.reasonA, keys.reasonB, row.reason, this.ruleOfText) : this.ruleOfText(row.reason);
    if (rule < 0) return this.find(row, 'unknown-reason', row.reason.trim());
    if (row.weeklyPence === null) return this.find(row, 'missing-cost');
    const type = keys ? this.byKey(this.typeKeys, keys.typeA, keys.typeB, row.serviceType, this.typeOfText) : this.typeOfText(row.serviceType);
    if (type < 0) return this.find(row, 'unknown-type', row.serviceType.trim());
    const born = row.dateOfBirth ?? NO_BIRTH;
    if (born === NO_BIRTH && !('service' in this.rules[rule]!)) return this.find(row, 'missing-birth-date');
    this.pkg.push(p);
    this.start.push(row.start);
    this.end.push(row.end ?? OPEN);
    this.weekly.push(row.weeklyPence);
    this.contribution.push(row.contributionPence ?? 0);
    this.rule.push(rule);
    this.type.push(type);
    this.born.push(born);
  }

  /** The rule (its index; -1: none) for a support reason as written. */
  private readonly ruleOfText = (text: string): number => {
    let rule = this.ruleOf.get(text);
    if (rule === undefined) {
      const found = this.reasonRules.get(reasonKey(text));
      rule = found ? this.rules.push(found) - 1 : -1;
      this.ruleOf.set(text, rule);
    }
    return rule;
  };

  /** The service type (its index; -1: not one Key Activity Data lists) for a service type as written. */
  private readonly typeOfText = (text: string): number => {
    let type = this.typeOf.get(text);
    if (type === undefined) {
      const id = this.typeId(text.trim());
      type = id === null ? -1 : this.types.indexOf(id) >= 0 ? this.types.indexOf(id) : this.types.push(id) - 1;
      this.typeOf.set(text, type);
    }
    return type;
  };

  /** A text told by its hashes: worked out from the text the first time they are met, then by number. */
  private byKey(known: HashedKeys, a: number, b: number, text: string, ofText: (text: string) => number): number {
    const found = known.get(a, b);
    if (found !== 0) return found - 2;
    const value = ofText(text);
    known.firstOrAdd(a, b, value + 2);
    return value;
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
    const end = this.end.data;
    const packages = this.packageCount;
    // A package whose every element ended before a financial year began counts for none of its months.
    // Most of a long extract's packages ended years ago: each month looks only at those still running in
    // the first month's financial year, and only their elements are put in order.
    const sorted = [...months].sort();
    const firstYear = sorted.length ? financialYearAround(monthEnd(sorted[0]!)).first : OPEN;
    const lastEnd = new Int32Array(packages).fill(-OPEN);
    for (let i = 0; i < n; i++) if (end[i]! > lastEnd[pkg[i]!]!) lastEnd[pkg[i]!] = end[i]!;
    // The running packages numbered in the order first met; -1 for the rest.
    const liveNo = new Int32Array(packages);
    let lives = 0;
    for (let p = 0; p < packages; p++) liveNo[p] = lastEnd[p]! >= firstYear ? lives++ : -1;
    // Their elements together (one counting pass), each package's earliest start first and file order
    // among equal starts (its few elements put in order by insertion).
    const from = new Int32Array(lives + 1);
    for (let i = 0; i < n; i++) {
      const l = liveNo[pkg[i]!]!;
      if (l >= 0) from[l + 1]!++;
    }
    for (let l = 0; l < lives; l++) from[l + 1]! += from[l]!;
    const liveElements = from[lives]!;
    const order = new Int32Array(liveElements);
    const next = from.slice(0, lives);
    for (let i = 0; i < n; i++) {
      const l = liveNo[pkg[i]!]!;
      if (l >= 0) order[next[l]!++] = i;
    }
    for (let l = 0; l < lives; l++) {
      for (let i = from[l]! + 1; i < from[l + 1]!; i++) {
        const e = order[i]!;
        let j = i - 1;
        for (; j >= from[l]! && start[order[j]!]! > start[e]!; j--) order[j + 1] = order[j]!;
        order[j + 1] = e;
      }
    }
    // Copied out in that order: each month then reads them one after another rather than hopping about
    // every element the extract holds.
    const live: Live = {
      count: lives,
      from,
      lastEnd: new Int32Array(lives),
      start: new Int32Array(liveElements),
      end: new Int32Array(liveElements),
      weekly: new Float64Array(liveElements),
      contribution: new Float64Array(liveElements),
      rule: new Int32Array(liveElements),
      type: new Int32Array(liveElements),
      born: new Int32Array(liveElements),
    };
    for (let p = 0; p < packages; p++) if (liveNo[p]! >= 0) live.lastEnd[liveNo[p]!] = lastEnd[p]!;
    for (let at = 0; at < liveElements; at++) {
      const e = order[at]!;
      live.start[at] = start[e]!;
      live.end[at] = end[e]!;
      live.weekly[at] = this.weekly.data[e]!;
      live.contribution[at] = this.contribution.data[e]!;
      live.rule[at] = this.rule.data[e]!;
      live.type[at] = this.type.data[e]!;
      const born = this.born.data[e]!;
      live.born[at] = born === NO_BIRTH ? 0 : ymdNumber(born);
    }
    // Services by number: a rule's fixed service, or its two by age.
    const serviceIds: string[] = [];
    const serviceNo = (id: string) => (serviceIds.includes(id) ? serviceIds.indexOf(id) : serviceIds.push(id) - 1);
    const fixed = this.rules.map((r) => ('service' in r ? serviceNo(r.service) : -1));
    const over = this.rules.map((r) => ('service' in r ? -1 : serviceNo(r.atOrOver)));
    const under = this.rules.map((r) => ('service' in r ? -1 : serviceNo(r.under)));
    const services: ServiceNumbers = { ids: serviceIds, fixed: Int32Array.from(fixed), over: Int32Array.from(over), under: Int32Array.from(under) };
    return this.months(sorted, live, services);
  }

  /**
   * Every month in one pass over the running packages, each package's months taken in turn while its few
   * elements are at hand (months in order, so the latest element known only moves forward), rather than
   * one pass over every package per month.
   */
  private months(sorted: readonly string[], live: Live, services: ServiceNumbers): ExtractMonth[] {
    const months = sorted.length;
    const ends = new Int32Array(months);
    const fyFirst = new Int32Array(months);
    const fyLast = new Int32Array(months);
    const years = new Int32Array(months);
    const dKeys = new Int32Array(months);
    for (let mi = 0; mi < months; mi++) {
      const d = monthEnd(sorted[mi]!);
      const fy = financialYearAround(d);
      const ymd = ymdOf(d);
      ends[mi] = d;
      fyFirst[mi] = fy.first;
      fyLast[mi] = fy.last;
      years[mi] = ymd.year;
      dKeys[mi] = ymd.month * 100 + ymd.day;
    }
    const { start, end, weekly, contribution, born, rule, type, from, lastEnd } = live;
    const threshold = this.mapping.ageThreshold;
    const types = this.types.length;
    const serviceCount = services.ids.length;
    const cellCount = serviceCount * types;
    // Per month, service and type: packages open, their weekly cost, committed spend, and whether any was met.
    const count = new Int32Array(months * cellCount);
    const weeklySum = new Float64Array(months * cellCount);
    const committed = new Float64Array(months * cellCount);
    const met = new Uint8Array(months * cellCount);
    const income = new Float64Array(months * serviceCount);
    const paying = new Uint8Array(months * serviceCount);
    for (let l = 0; l < live.count; l++) {
      const first = from[l]!;
      const to = from[l + 1]!;
      const last = lastEnd[l]!;
      // The latest element known at D: elements are in start order, so the known ones come first.
      let k = first - 1;
      for (let mi = 0; mi < months; mi++) {
        const d = ends[mi]!;
        while (k + 1 < to && start[k + 1]! <= d) k++;
        const fyF = fyFirst[mi]!;
        if (k < first || last < fyF) continue;
        const fyL = fyLast[mi]!;
        const r = rule[k]!;
        let service = services.fixed[r]!;
        if (service < 0) {
          const b = born[k]!;
          const age = years[mi]! - Math.floor(b / 10_000) - (dKeys[mi]! < b % 10_000 ? 1 : 0);
          service = age >= threshold ? services.over[r]! : services.under[r]!;
        }
        const open = end[k]! >= d;
        let spend = 0;
        let paid = 0;
        for (let i = first; i <= k; i++) {
          const cut = i < k ? Math.min(end[i]!, start[i + 1]! - 1) : end[i]!;
          const days = Math.min(cut, fyL) - Math.max(start[i]!, fyF) + 1;
          if (days <= 0) continue;
          spend += weekly[i]! * days;
          paid += contribution[i]! * days;
        }
        if (open || spend) {
          const cell = mi * cellCount + service * types + type[k]!;
          met[cell] = 1;
          if (open) {
            count[cell]!++;
            weeklySum[cell]! += weekly[k]!;
          }
          committed[cell]! += spend;
        }
        if (paid) {
          income[mi * serviceCount + service]! += paid;
          paying[mi * serviceCount + service] = 1;
        }
      }
    }
    // £ a week and £k are whole pounds rounded half away from zero; figures are in hundredths.
    const PENCE_DAYS_PER_K = 7 * 100 * 1000;
    return sorted.map((month, mi) => {
      const byService: ExtractService[] = [];
      for (let sv = 0; sv < serviceCount; sv++) {
        const lines: ExtractLine[] = [];
        for (let t = 0; t < types; t++) {
          const cell = mi * cellCount + sv * types + t;
          if (!met[cell]) continue;
          const c = count[cell]!;
          lines.push({
            typeId: this.types[t]!,
            packages: c * 100,
            unitCost: c ? divideRounded(weeklySum[cell]!, c * 100) * 100 : null,
            committedK: divideRounded(committed[cell]!, PENCE_DAYS_PER_K) * 100,
          });
        }
        if (!lines.length && !paying[mi * serviceCount + sv]) continue;
        lines.sort((a, b) => a.typeId.localeCompare(b.typeId));
        byService.push({ serviceId: services.ids[sv]!, lines, contributionsK: -divideRounded(income[mi * serviceCount + sv]!, PENCE_DAYS_PER_K) * 100 || 0 });
      }
      byService.sort((a, b) => (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0));
      return { month, services: byService };
    });
  }
}
