import { describe, expect, it } from 'vitest';
import { ExtractAggregator, describeFinding, type ExtractMonth, type ExtractRow } from '../../shared/areas/kad/extract/aggregate';
import { ageOn, dayOf, monthEnd, parseDay, ymdNumber, ymdOf } from '../../shared/areas/kad/extract/days';
import { divideRounded, parsePence, penceOfNumber } from '../../shared/areas/kad/extract/money';
import { DEFAULT_EXTRACT_MAPPING } from '../../shared/areas/kad/extract/mapping';

/**
 * The care-package definitions at their edges. Every expected figure is worked out by hand in the
 * comment beside it, from the definitions in the issue, not from the code.
 */
const TYPES: Record<string, string> = { residential: 'residential', homecare: 'homecare', nursing: 'nursing' };
const typeId = (t: string) => TYPES[t.trim().toLowerCase()] ?? null;
const d = (iso: string) => parseDay(iso)!;

let rowNo = 1;
function el(p: Partial<Omit<ExtractRow, 'start' | 'end' | 'dateOfBirth'>> & { start: string; end?: string | null; dob?: string | null }): ExtractRow {
  const row = {
    row: ++rowNo,
    packageId: p.packageId ?? 'PK1',
    reason: p.reason ?? 'Learning Disability Support',
    serviceType: p.serviceType ?? 'Residential',
    start: d(p.start),
    end: p.end ? d(p.end) : null,
    weeklyPence: p.weeklyPence === undefined ? 100_000 : p.weeklyPence,
    contributionPence: p.contributionPence ?? null,
    dateOfBirth: p.dob === null ? null : d(p.dob ?? '1970-01-01'),
  };
  return { ...row, fingerprint: p.fingerprint ?? rowNo, fingerprint2: p.fingerprint2 ?? 0 };
}

function run(rows: ExtractRow[], months: string[]): { months: ExtractMonth[]; agg: ExtractAggregator } {
  const agg = new ExtractAggregator(DEFAULT_EXTRACT_MAPPING, typeId);
  for (const r of rows) agg.add(r);
  return { months: agg.compute(months), agg };
}
const line = (m: ExtractMonth, service: string, type: string) => m.services.find((s) => s.serviceId === service)?.lines.find((l) => l.typeId === type) ?? null;
const service = (m: ExtractMonth, id: string) => m.services.find((s) => s.serviceId === id) ?? null;

describe('dates and amounts as care systems export them', () => {
  it('reads UK dd/mm/yyyy, ISO and Excel serial dates, and refuses what is not a date', () => {
    expect(parseDay('31/08/2023')).toBe(dayOf(2023, 8, 31));
    expect(parseDay('1/4/2023')).toBe(dayOf(2023, 4, 1));
    expect(parseDay('2023-08-31')).toBe(dayOf(2023, 8, 31));
    // Excel serial 45169 is 31 August 2023 (45,169 days after 30 December 1899).
    expect(parseDay('45169')).toBe(dayOf(2023, 8, 31));
    expect(parseDay('31/02/2023')).toBeNull();
    expect(parseDay('08/31/2023')).toBeNull();
    expect(parseDay('next week')).toBeNull();
    expect(parseDay('2023-08-31T00:00:00Z')).toBe(dayOf(2023, 8, 31));
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2023-8-31')).toBeNull();
    expect(parseDay('2023-O8-31')).toBeNull();
  });
  it('reads a dd/mm/yyyy date written with nothing around it as it reads the same date with a space before it', () => {
    // The space sends the text the long way (trimmed, then read); a bare ten-character date is read straight off.
    const chars = ['0', '1', '2', '3', '9', 'x', ' ', '-', '/'];
    let seed = 7;
    const pick = () => chars[(seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) % chars.length]!;
    const texts = ['31/12/2023', '29/02/2024', '29/02/2023', '00/01/2023', '01/00/2023', '01/13/2023', '01/01/0000', '01/01/999x', '01/01/x999', '1x/01/2023', '01/0x/2023'];
    for (let i = 0; i < 20_000; i++) texts.push(`${pick()}${pick()}/${pick()}${pick()}/${pick()}${pick()}${pick()}${pick()}`);
    for (const t of texts) expect([t, parseDay(t)]).toEqual([t, parseDay(` ${t}`)]);
  });
  it('reads 1234.56 and £1,234.56 as whole pence, and refuses what is not an amount', () => {
    expect(parsePence('1234.56')).toBe(123456);
    expect(parsePence('£1,234.56')).toBe(123456);
    expect(parsePence('£850')).toBe(85000);
    expect(parsePence('12.5')).toBe(1250);
    expect(parsePence('1,23.4')).toBeNull();
    expect(parsePence('£12.345')).toBeNull();
    expect(parsePence('twelve')).toBeNull();
    expect(parsePence('-£12')).toBe(-1200);
    expect(parsePence('£-12.05')).toBe(-1205);
    expect(parsePence('1234,567.00')).toBeNull();
    expect(parsePence('12,34')).toBeNull();
    expect(parsePence('12.')).toBeNull();
    expect(parsePence('£')).toBeNull();
    expect(parsePence('1,234,567.8')).toBe(123456780);
    expect(penceOfNumber(1234.56)).toBe(123456);
    expect(penceOfNumber(0.1 + 0.2)).toBe(30);
    expect(penceOfNumber(1.005001)).toBeNull();
  });
  it('rounds half away from zero', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(7, 3)).toBe(2);
  });
  it('counts a birthday on the day as a year older (29 February on 1 March)', () => {
    expect(ageOn(d('1958-08-31'), d('2023-08-31'))).toBe(65);
    expect(ageOn(d('1958-09-01'), d('2023-08-31'))).toBe(64);
    expect(ageOn(d('1960-02-29'), d('2025-02-28'))).toBe(64);
    expect(ageOn(d('1960-02-29'), d('2025-03-01'))).toBe(65);
  });
});

describe('open at month end', () => {
  it('counts an element ending on the last day of the month as open at that month end, not the next', () => {
    const { months } = run([el({ start: '2023-01-10', end: '2023-08-31' })], ['2023-08', '2023-09']);
    expect(line(months[0]!, 'learning-disability-partnership', 'residential')!.packages).toBe(100);
    expect(line(months[1]!, 'learning-disability-partnership', 'residential')?.packages ?? 0).toBe(0);
  });
  it('does not count, or know of, an element starting on the first day of the next month', () => {
    const { months } = run([el({ start: '2023-09-01', weeklyPence: 70_000 })], ['2023-08', '2023-09']);
    expect(months[0]!.services).toEqual([]);
    // Known from September: 1 Sep 2023 to 31 Mar 2024 is 213 days; £700 × 213 ÷ 7 = £21,300 → £21k.
    expect(line(months[1]!, 'learning-disability-partnership', 'residential')).toEqual({ typeId: 'residential', packages: 100, unitCost: 70_000, committedK: 2_100 });
  });
  it('lets the later-starting of two overlapping elements apply from its start', () => {
    // Residential from January at £1,000 (no end), then from 1 July homecare at £350 (no end).
    const { months } = run(
      [el({ start: '2023-01-01', weeklyPence: 100_000 }), el({ start: '2023-07-01', serviceType: 'Homecare', weeklyPence: 35_000 })],
      ['2023-06', '2023-07'],
    );
    const june = months[0]!;
    const july = months[1]!;
    expect(line(june, 'learning-disability-partnership', 'residential')!.packages).toBe(100);
    // June: homecare not known; residential 1 Apr 2023 to 31 Mar 2024 = 366 days × £1,000 ÷ 7 = £52,285.71 → £52k.
    expect(line(june, 'learning-disability-partnership', 'residential')!.committedK).toBe(5_200);
    expect(line(july, 'learning-disability-partnership', 'residential')).toBeNull();
    // July: residential cut on 30 June: 1 Apr to 30 Jun = 91 days × £1,000 = £91,000; homecare 1 Jul to 31 Mar = 275 days × £350 = £96,250;
    // (91,000 + 96,250) ÷ 7 = £26,750 → £27k, all attributed to the latest element (homecare). One package, £350 a week.
    expect(line(july, 'learning-disability-partnership', 'homecare')).toEqual({ typeId: 'homecare', packages: 100, unitCost: 35_000, committedK: 2_700 });
  });
  it('closes a package whose later element has ended even though an earlier one had no end', () => {
    const { months } = run([el({ start: '2023-01-01' }), el({ start: '2023-08-10', end: '2023-08-20' })], ['2023-08']);
    expect(line(months[0]!, 'learning-disability-partnership', 'residential')!.packages).toBe(0);
  });
});

describe('service by support reason and age', () => {
  it('moves a person to the older people’s service in the month they turn 65, a birthday on the month end included', () => {
    const rows = [
      el({ packageId: 'A', reason: 'Physical Support', dob: '1958-08-31', start: '2020-01-01' }),
      el({ packageId: 'B', reason: 'Mental Health Support', dob: '1958-09-01', start: '2020-01-01' }),
    ];
    const { months } = run(rows, ['2023-07', '2023-08', '2023-09']);
    const [jul, aug, sep] = months as [ExtractMonth, ExtractMonth, ExtractMonth];
    expect(line(jul, 'physical-disabilities-under-65', 'residential')!.packages).toBe(100);
    expect(line(aug, 'older-people-physical-disability-over-65', 'residential')!.packages).toBe(100);
    expect(line(aug, 'physical-disabilities-under-65', 'residential')).toBeNull();
    expect(line(aug, 'adult-mental-health', 'residential')!.packages).toBe(100);
    expect(line(sep, 'older-people-mental-health', 'residential')!.packages).toBe(100);
  });
  it('maps each default reason to its service', () => {
    const rows = ['Learning Disability Support', 'Autism', 'Sensory Support', 'Support with Memory and Cognition'].map((reason, i) =>
      el({ packageId: `P${i}`, reason, dob: '1950-01-01', start: '2023-01-01' }),
    );
    const aug = run(rows, ['2023-08']).months[0]!;
    expect(aug.services.map((s) => [s.serviceId, s.lines[0]!.packages])).toEqual([
      ['autism', 100],
      ['learning-disability-partnership', 100],
      ['older-people-physical-disability-over-65', 200],
    ]);
  });
});

describe('average unit cost and committed spend', () => {
  it('averages weekly costs rounded half away from zero to £1', () => {
    // (£100.00 + £101.00) ÷ 2 = £100.50 → £101.
    const rows = [el({ packageId: 'A', start: '2023-01-01', weeklyPence: 10_000 }), el({ packageId: 'B', start: '2023-01-01', weeklyPence: 10_100 })];
    expect(line(run(rows, ['2023-08']).months[0]!, 'learning-disability-partnership', 'residential')!.unitCost).toBe(10_100);
  });
  it('applies an April fee uplift from 1 April without counting the old rate after it', () => {
    // £700 a week from 2022, uplifted to £735 from 1 April 2023; the old element is left open, as systems do.
    const rows = [el({ start: '2022-06-01', weeklyPence: 70_000, contributionPence: 14_000 }), el({ start: '2023-04-01', weeklyPence: 73_500, contributionPence: 14_000 })];
    const [mar, apr] = run(rows, ['2023-03', '2023-04']).months as [ExtractMonth, ExtractMonth];
    // March 2023 (FY 2022-23): uplift not known; 1 Jun 2022 to 31 Mar 2023 = 304 days × £700 ÷ 7 = £30,400 → £30k.
    expect(line(mar, 'learning-disability-partnership', 'residential')).toEqual({ typeId: 'residential', packages: 100, unitCost: 70_000, committedK: 3_000 });
    // Contributions: 304 × £140 ÷ 7 = £6,080 → £6k, as income: -6.
    expect(service(mar, 'learning-disability-partnership')!.contributionsK).toBe(-600);
    // April 2023 (FY 2023-24): old element cut on 31 March, outside the year; 366 days × £735 ÷ 7 = £38,430 → £38k.
    expect(line(apr, 'learning-disability-partnership', 'residential')).toEqual({ typeId: 'residential', packages: 100, unitCost: 73_500, committedK: 3_800 });
    // 366 × £140 ÷ 7 = £7,320 → £7k.
    expect(service(apr, 'learning-disability-partnership')!.contributionsK).toBe(-700);
  });
  it('commits a package that ended before the month end for the days it ran in the year', () => {
    // 1 Apr to 30 Apr 2023 = 30 days × £1,400 ÷ 7 = £6,000 → £6k; not open at 31 August.
    const aug = run([el({ start: '2023-04-01', end: '2023-04-30', weeklyPence: 140_000 })], ['2023-08']).months[0]!;
    expect(line(aug, 'learning-disability-partnership', 'residential')).toEqual({ typeId: 'residential', packages: 0, unitCost: null, committedK: 600 });
  });
  it('commits a package ended in an earlier financial year to that year’s months only, whichever months are worked out with it', () => {
    // 1 Dec 2022 to 15 Jan 2023: 31 + 15 = 46 days × £700 ÷ 7 = £4,600 → £5k in 2022-23; none in 2023-24.
    const rows = [el({ packageId: 'OLD', start: '2022-12-01', end: '2023-01-15', weeklyPence: 70_000 })];
    const [mar, aug] = run(rows, ['2023-03', '2023-08']).months;
    expect(line(mar!, 'learning-disability-partnership', 'residential')).toEqual({ typeId: 'residential', packages: 0, unitCost: null, committedK: 500 });
    expect(service(aug!, 'learning-disability-partnership')).toBeNull();
    expect(run(rows, ['2023-08', '2023-03']).months).toEqual([mar, aug]);
    expect(run(rows, ['2023-03']).months).toEqual([mar]);
  });
});

describe('data quality findings', () => {
  it('lists each rule with its row and package, leaves the rows out, counts a duplicate once, and never names a person', () => {
    const dup = el({ packageId: 'D1', start: '2023-01-01', fingerprint: -7, fingerprint2: 7 });
    const rows = [
      dup,
      { ...dup, row: 99 },
      // The same first hash, a different second: another row.
      { ...dup, row: 100, fingerprint2: 8 },
      el({ packageId: 'E1', start: '2023-05-01', end: '2023-04-30' }),
      el({ packageId: 'R1', start: '2023-01-01', reason: 'Social Support: Substance Misuse' }),
      el({ packageId: 'C1', start: '2023-01-01', weeklyPence: null }),
      el({ packageId: 'T1', start: '2023-01-01', serviceType: 'Shared Lives' }),
      el({ packageId: 'B1', start: '2023-01-01', reason: 'Physical Support', dob: null }),
    ];
    const { months, agg } = run(rows, ['2023-08']);
    expect(line(months[0]!, 'learning-disability-partnership', 'residential')!.packages).toBe(100);
    expect(agg.findings.map((f) => [f.packageId, f.kind])).toEqual([
      ['D1', 'duplicate'],
      ['E1', 'ends-before-start'],
      ['R1', 'unknown-reason'],
      ['C1', 'missing-cost'],
      ['T1', 'unknown-type'],
      ['B1', 'missing-birth-date'],
    ]);
    expect(describeFinding(agg.findings[0]!)).toBe(`Row 99, package D1: repeats an earlier row exactly (row ${dup.row}), so it was counted once`);
    expect(describeFinding(agg.findings[2]!)).toContain('("Social Support: Substance Misuse")');
    expect(agg.findingCount).toBe(6);
  });
});

describe('day numbers by integer arithmetic', () => {
  it('agree with the JavaScript Date for every day from 1900 to 2100, and refuse dates that do not exist', () => {
    const wrong: number[] = [];
    for (let d = -25_567; d < 47_482; d++) {
      const dt = new Date(d * 86_400_000);
      const want = { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
      const got = ymdOf(d);
      const asNumber = want.year * 10_000 + want.month * 100 + want.day;
      if (got.year !== want.year || got.month !== want.month || got.day !== want.day || dayOf(want.year, want.month, want.day) !== d || ymdNumber(d) !== asNumber) wrong.push(d);
    }
    expect(wrong).toEqual([]);
    expect(parseDay('29/02/2023')).toBeNull();
    expect(parseDay('29/02/2024')).toBe(dayOf(2024, 2, 29));
    expect(parseDay('31/04/2024')).toBeNull();
  });
});

describe('month ends', () => {
  it('knows the last day of each month, February in a leap year included', () => {
    expect(monthEnd('2024-02')).toBe(dayOf(2024, 2, 29));
    expect(monthEnd('2023-12')).toBe(dayOf(2023, 12, 31));
  });
});
