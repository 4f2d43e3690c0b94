import { describe, expect, it } from 'vitest';
import { ExtractAggregator, type ExtractMonth, type ExtractRow, type TextKeys } from '../../shared/areas/kad/extract/aggregate';
import { TextHash } from '../../shared/areas/kad/extract/duplicates';
import { DEFAULT_EXTRACT_MAPPING } from '../../shared/areas/kad/extract/mapping';
import { parseDay } from '../../shared/areas/kad/extract/days';
import { RowFingerprint } from '../../main/areas/kad/extract/cells';
import type { CellValue } from '../../main/import/read/cells';

/**
 * The reader tells a row's package ID, support reason and service type by the hashes its one pass over
 * the row worked out, not by their text: the figures and findings must be those the texts give.
 */
const text = (t: string) => ({ value: { kind: 'text', text: t } as CellValue });
const TYPES: Record<string, string> = { residential: 'residential', homecare: 'homecare' };
const typeId = (t: string) => TYPES[t.trim().toLowerCase()] ?? null;

describe("a row's own hashes, from the pass that fingerprints it", () => {
  it("gives each text cell the hashes of its text without surrounding spaces, and none to a blank or a number", () => {
    const print = new RowFingerprint();
    print.of([undefined, text('  PKG-7 '), text(''), text('   '), { value: { kind: 'number', value: 12 } }, text('Autism')]);
    const expected = new TextHash().of('PKG-7');
    expect([print.isText(1), print.hashA(1), print.hashB(1)]).toEqual([true, expected.a, expected.b]);
    const autism = new TextHash().of('Autism');
    expect([print.hashA(5), print.hashB(5)]).toEqual([autism.a, autism.b]);
    expect([0, 2, 3, 4, 6, -1].map((i) => print.isText(i))).toEqual([false, false, false, false, false, false]);
    // A shorter row next: cells past its end are not taken from the row before.
    print.of([undefined, text('X')]);
    expect(print.isText(5)).toBe(false);
  });
});

describe('figures and findings from texts told by their hashes', () => {
  // Rows as written (spaces and all), in the form the reader hands them over: hashes from the row's cells.
  const written = [
    // [package, reason, type, start, end, weekly pence]
    [' PK1', 'Autism ', 'Residential', '2023-04-01', null, 70_000],
    ['PK1 ', ' Autism', ' Residential ', '2023-06-01', null, 72_000],
    ['PK2', 'Learning Disability Support', 'Homecare', '2023-05-01', null, 30_000],
    ['PK3', 'Substance Misuse', 'Homecare', '2023-05-01', null, 30_000],
    [' PK4 ', 'Autism', 'Shared Lives', '2023-05-01', null, 30_000],
  ] as const;
  const rows = (withKeys: boolean): ExtractRow[] =>
    written.map(([pkg, reason, type, start, end, weekly], i) => {
      const print = new RowFingerprint().of([undefined, text(pkg), text(reason), text(type), text(start)]);
      const keys: TextKeys = { packageA: print.hashA(1), packageB: print.hashB(1), reasonA: print.hashA(2), reasonB: print.hashB(2), typeA: print.hashA(3), typeB: print.hashB(3) };
      return {
        row: i + 2,
        packageId: withKeys ? pkg : pkg.trim(),
        reason: withKeys ? reason : reason.trim(),
        serviceType: withKeys ? type : type.trim(),
        start: parseDay(start)!,
        end,
        weeklyPence: weekly,
        contributionPence: null,
        dateOfBirth: parseDay('1980-01-01'),
        fingerprint: print.a,
        fingerprint2: print.b,
        keys: withKeys ? keys : null,
      };
    });
  const run = (withKeys: boolean): { months: ExtractMonth[]; agg: ExtractAggregator } => {
    const agg = new ExtractAggregator(DEFAULT_EXTRACT_MAPPING, typeId);
    for (const r of rows(withKeys)) agg.add(r);
    return { months: agg.compute(['2023-08']), agg };
  };

  it('counts a package written with different spaces as one, and lists findings with the texts trimmed', () => {
    const { months, agg } = run(true);
    // PK1: one package, its June element applying at 31 August (£720 a week); PK2 one learning disability package.
    const autism = months[0]!.services.find((s) => s.serviceId === 'autism')!;
    expect(autism.lines.map((l) => [l.typeId, l.packages, l.unitCost])).toEqual([['residential', 100, 72_000]]);
    const ldp = months[0]!.services.find((s) => s.serviceId === 'learning-disability-partnership')!;
    expect(ldp.lines.map((l) => [l.typeId, l.packages, l.unitCost])).toEqual([['homecare', 100, 30_000]]);
    expect(agg.findings.map((f) => [f.row, f.packageId, f.kind, f.detail])).toEqual([
      [5, 'PK3', 'unknown-reason', 'Substance Misuse'],
      [6, 'PK4', 'unknown-type', 'Shared Lives'],
    ]);
  });

  it('gives the same figures and findings as the texts themselves, trimmed', () => {
    const byKeys = run(true);
    const byText = run(false);
    expect(byKeys.months).toEqual(byText.months);
    expect(byKeys.agg.findings).toEqual(byText.agg.findings);
  });
});

describe('the month loop at two more edges', () => {
  const row = (n: number, p: Partial<Omit<ExtractRow, 'start' | 'end'>> & { start: string; end?: string | null }): ExtractRow => ({
    row: n, packageId: `PK${n}`, reason: 'Autism', serviceType: 'Homecare', weeklyPence: 35_000, contributionPence: null, dateOfBirth: parseDay('1980-01-01'),
    fingerprint: n, fingerprint2: 0, ...p, start: parseDay(p.start)!, end: p.end ? parseDay(p.end) : null,
  });
  const compute = (rows: ExtractRow[]) => {
    const agg = new ExtractAggregator(DEFAULT_EXTRACT_MAPPING, typeId);
    for (const r of rows) agg.add(r);
    return agg.compute(['2023-08'])[0]!;
  };

  it('counts an element starting on the month-end date itself as open then', () => {
    // Starts 31 August 2023, the month end: open at D, one package at £350 a week.
    const august = compute([row(2, { start: '2023-08-31' })]);
    expect(august.services.map((s) => [s.serviceId, s.lines.map((l) => [l.typeId, l.packages, l.unitCost])])).toEqual([['autism', [['homecare', 100, 35_000]]]]);
  });

  it("keeps a service's client contributions when none of its packages is open or costs anything", () => {
    // £0 a week, £70 a week contribution, 1 April to 30 June 2023 (91 days), ended before 31 August:
    // no package and no spend, contributions £70 × 91 ÷ 7 = £910, £1k rounded, shown as income (-1).
    const august = compute([row(2, { start: '2023-04-01', end: '2023-06-30', weeklyPence: 0, contributionPence: 7_000 })]);
    expect(august.services).toEqual([{ serviceId: 'autism', lines: [], contributionsK: -100 }]);
  });
});
