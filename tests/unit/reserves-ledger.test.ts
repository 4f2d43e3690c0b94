import { describe, expect, it } from 'vitest';
import { entriesByDifference } from '../../shared/areas/reserves/difference';
import { breachesOf, breachMessage, closingBalance, entryProblem, positionAt, type Movement } from '../../shared/areas/reserves/ledger';
import { reserveHistory, reserveHistoryAltText, reserveHistoryChart } from '../../shared/areas/reserves/history';
import { scheduleRows, scheduleTotals, withHeadings } from '../../shared/areas/reserves/schedule';

/** Figures are hundredths of £'000: 191 → 19100. */
const k = (v: number) => v * 100;
const opening = (period: string, amount: number): Movement => ({ period, kind: 'opening', amount: k(amount), planned: false, expectedPeriod: null });
const actual = (period: string, amount: number, kind: Movement['kind'] = amount < 0 ? 'drawdown' : 'contribution'): Movement => ({ period, kind, amount: k(amount), planned: false, expectedPeriod: null });
const planned = (period: string, amount: number, expected: string): Movement => ({ period, kind: amount < 0 ? 'drawdown' : 'contribution', amount: k(amount), planned: true, expectedPeriod: expected });

describe('a reserve’s position from its ledger', () => {
  // Best Start in Life, 5.3.2: opening 191, -35 to August, forecast 111.
  const best = [opening('2023-04', 191), actual('2023-06', -20), actual('2023-08', -15), planned('2023-08', -45, '2024-03')];

  it('sums the movements to the month: closing = opening + movements', () => {
    expect(positionAt(best, '2023-05')).toMatchObject({ opening: k(191), movements: null, balance: k(191) });
    expect(positionAt(best, '2023-07')).toMatchObject({ movements: k(-20), balance: k(171) });
    expect(positionAt(best, '2023-08')).toMatchObject({ movements: k(-35), balance: k(156) });
  });

  it('forecasts the year end as opening + movements to date + planned movements still to come', () => {
    expect(positionAt(best, '2023-08').forecast).toBe(k(111));
    // Recorded in August: not yet known in July, so July's forecast is its balance.
    expect(positionAt(best, '2023-07').forecast).toBe(k(171));
    // At the year end a planned movement that never happened lapses: the forecast is the balance.
    expect(positionAt(best, '2024-03').forecast).toBe(k(156));
    expect(closingBalance(best, '2023-24')).toBe(k(156));
  });

  it('keeps each financial year to itself', () => {
    const two = [...best, opening('2024-04', 156), actual('2024-05', -6)];
    expect(positionAt(two, '2024-05')).toMatchObject({ opening: k(156), movements: k(-6), forecast: k(150) });
    expect(positionAt(two, '2023-08').forecast).toBe(k(111));
  });

  it('has no opening until one is entered, and a blank (not 0) where nothing moved', () => {
    expect(positionAt([], '2023-08')).toEqual({ opening: null, movements: null, planned: 0, balance: 0, forecast: 0 });
  });
});

describe('below zero', () => {
  const debt = [opening('2023-04', 809), planned('2023-08', -309, '2024-03')];

  it('refuses a drawdown that takes the balance below zero, saying so in plain words', () => {
    const breaches = breachesOf(debt, [actual('2023-09', -900)]);
    expect(breaches[0]).toEqual({ month: '2023-09', which: 'balance', value: k(-91) });
    expect(breachMessage('Debt reserve', breaches[0]!)).toBe(
      "This would take Debt reserve below zero: its balance at the end of September 2023 would be -91 (£'000). A reserve cannot go below zero unless you record it as a deficit: confirm it as a deficit and give the reason.",
    );
  });

  it('refuses one that keeps the balance positive but takes the forecast year-end balance below zero', () => {
    // 809 - 600 = 209 today, but 500 is already planned out: forecast -100.
    expect(breachesOf(debt, [actual('2023-09', -600)])).toContainEqual({ month: '2023-09', which: 'forecast', value: k(-100) });
    expect(breachesOf(debt, [actual('2023-09', -600)]).some((b) => b.which === 'balance')).toBe(false);
  });

  it('counts planned drawdowns against the forecast, and lets what stays at or above zero through', () => {
    expect(breachesOf(debt, [planned('2023-09', -501, '2024-01')])).toContainEqual({ month: '2023-09', which: 'forecast', value: k(-1) });
    expect(breachesOf(debt, [planned('2023-09', -500, '2024-01')])).toEqual([]);
    expect(breachesOf(debt, [actual('2023-09', 10)])).toEqual([]);
  });

  it('looks at the later months too: a drawdown entered for August under one already recorded in September', () => {
    const later = [opening('2023-04', 100), actual('2023-09', -80)];
    expect(breachesOf(later, [actual('2023-08', -30)])).toEqual([
      { month: '2023-09', which: 'balance', value: k(-10) },
      { month: '2023-09', which: 'forecast', value: k(-10) },
      ...['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03'].flatMap((month) => [
        { month, which: 'balance', value: k(-10) },
        { month, which: 'forecast', value: k(-10) },
      ]),
    ]);
  });
});

describe('an entry on its own', () => {
  it('needs the sign its kind gives and a later month of the same year when planned', () => {
    expect(entryProblem(actual('2023-08', 35, 'drawdown'))).toBe('a drawdown takes money out of the reserve, so its amount is negative');
    expect(entryProblem(actual('2023-08', -35, 'contribution'))).toBe('a contribution adds to the reserve, so its amount is positive');
    expect(entryProblem(actual('2023-08', 0, 'net'))).toBe('the amount is zero, so there is nothing to record');
    expect(entryProblem(planned('2023-08', -10, '2023-08'))).toBe('a planned movement is expected after August 2023, the month it is recorded in');
    expect(entryProblem(planned('2023-08', -10, '2024-04'))).toBe('a planned movement is expected within the financial year 2023-24');
    expect(entryProblem({ ...actual('2023-08', -10), expectedPeriod: '2023-09' })).toBe('only a planned movement has an expected month');
    expect(entryProblem(opening('2023-08', 0))).toBeNull();
    expect(entryProblem(actual('2023-08', -35))).toBeNull();
  });
});

describe('a cumulative schedule as ledger entries, by difference', () => {
  const schedule = { opening: k(407), movements: k(-96), forecast: k(200) };

  it('turns the published position into an opening, the month’s net movement and the planned rest of the year', () => {
    const { entries, problem } = entriesByDifference([], '2023-08', schedule, 'file.xlsx');
    expect(problem).toBeNull();
    expect(entries.map((e) => [e.kind, e.amount, e.planned, e.expectedPeriod])).toEqual([
      ['opening', k(407), false, null],
      ['net', k(-96), false, null],
      ['net', k(-111), true, '2024-03'],
    ]);
    expect(positionAt(entries, '2023-08')).toMatchObject({ opening: k(407), movements: k(-96), forecast: k(200) });
  });

  it('adds nothing when the ledger already says the same, and only the difference when it moved on', () => {
    const first = entriesByDifference([], '2023-08', schedule, 'a').entries;
    expect(entriesByDifference(first, '2023-08', schedule, 'a').entries).toEqual([]);
    // September's file: -120 to September, forecast 190. The entry for September = -120 - (-96).
    const sept = entriesByDifference(first, '2023-09', { opening: k(407), movements: k(-120), forecast: k(190) }, 'b');
    expect(sept.entries.map((e) => [e.kind, e.period, e.amount, e.planned])).toEqual([
      ['net', '2023-09', k(-24), false],
      ['net', '2023-09', k(14), true],
    ]);
    expect(positionAt([...first, ...sept.entries], '2023-09')).toMatchObject({ movements: k(-120), forecast: k(190) });
  });

  it('reads a blank movement as none, and refuses a forecast that differs from the balance at the year end', () => {
    expect(entriesByDifference([], '2023-08', { opening: k(44), movements: null, forecast: k(5) }, 'a').entries.map((e) => e.amount)).toEqual([k(44), k(-39)]);
    expect(entriesByDifference([opening('2023-04', 44)], '2024-03', { opening: k(44), movements: null, forecast: k(5) }, 'a').problem).toMatch(/at the year end/);
  });
});

describe('a schedule', () => {
  const reserves = [
    { id: 'a', directorateId: 'ph', category: 'Traveller Health:', name: 'Gypsy Roma and Travelers Education Liaison officer', description: null },
    { id: 'b', directorateId: 'ph', category: 'Traveller Health:', name: 'Traveller Health', description: null },
    { id: 'c', directorateId: 'ph', category: 'Miscellaneous:', name: 'Not yet held', description: null },
  ];
  const entries = [
    { reserveId: 'a', ...opening('2023-08', 25) },
    { reserveId: 'a', ...actual('2023-08', -6) },
    { reserveId: 'b', ...opening('2023-08', 30) },
  ];

  it('prints a reserve with no movement as 0 or blank by the table’s setting, and totals each column', () => {
    const blank = scheduleRows(reserves, entries, '2023-08', 'blank');
    expect(blank.map((r) => [r.name, r.opening, r.movements])).toEqual([
      ['Gypsy Roma and Travelers Education Liaison officer', k(25), k(-6)],
      ['Traveller Health', k(30), null],
    ]);
    expect(scheduleRows(reserves, entries, '2023-08', 'zero')[1]!.movements).toBe(0);
    expect(scheduleTotals(blank, 'blank')).toEqual({ opening: k(55), movements: k(-6), forecast: k(49) });
    expect(scheduleTotals(blank.slice(1), 'blank').movements).toBeNull();
    expect(scheduleTotals(blank.slice(1), 'zero').movements).toBe(0);
  });

  it('prints each category heading once, above its reserves', () => {
    const rows = scheduleRows(reserves, entries, '2023-08', 'blank');
    expect(withHeadings(rows).map((x) => ('heading' in x ? `# ${x.heading}` : x.row.name))).toEqual(['# Traveller Health:', 'Gypsy Roma and Travelers Education Liaison officer', 'Traveller Health']);
  });
});

describe('a reserve’s history', () => {
  it('gives the balance at the end of each month to the month shown, and the forecast year-end balance', () => {
    const h = reserveHistory('NHS Healthchecks Incentive Funding', [opening('2023-08', 407), actual('2023-06', -40), actual('2023-08', -56), planned('2023-08', -111, '2024-03')], '2023-08');
    expect(h.months.map((m) => [m.label, m.balance / 100])).toEqual([
      ['Apr 23', 407],
      ['May 23', 407],
      ['Jun 23', 367],
      ['Jul 23', 367],
      ['Aug 23', 311],
    ]);
    expect(h.yearEnd).toEqual({ period: '2024-03', label: 'Forecast Mar 24', forecast: k(200) });
  });

  it('draws the months then the forecast as bars in £’000, and says every figure in its alt text', () => {
    const h = reserveHistory('Best Start in Life', [opening('2023-08', 191), actual('2023-07', -35), planned('2023-08', -45, '2024-01')], '2023-08');
    const chart = reserveHistoryChart(h) as { xAxis: { data: string[] }; series: { data: { value: number }[] }[] };
    expect(chart.xAxis.data).toEqual(['Apr 23', 'May 23', 'Jun 23', 'Jul 23', 'Aug 23', 'Forecast Mar 24']);
    expect(chart.series[0]!.data.map((d) => d.value)).toEqual([191, 191, 191, 156, 156, 111]);
    expect(reserveHistoryAltText(h)).toBe(
      "Best Start in Life: balance at the end of each month (£'000), Apr 23 191, May 23 191, Jun 23 191, Jul 23 156, Aug 23 156; forecast year-end balance 111, as at August 2023.",
    );
  });
});
