import { describe, expect, it } from 'vitest';
import { carryForwardSavings, unachievedSavings } from '../../main/areas/savings/queries';
import { carryForward, savingsTracker, setSavingFigures } from '../../main/areas/savings/service';
import { yearLines } from '../../main/areas/savings/repository';
import { closePeriod, reopenPeriod } from '../../main/core/close';
import { setQuarterPublishing } from '../../main/core/quarters';
import { listPeriods } from '../../main/store/periods';
import { undo } from '../../main/store/history';
import { demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

/** Quarter 1's tracker is frozen when August closes; later quarters show movement since it; carry-forward. */
const demos = demoPerTest();

const row = (t: ReturnType<typeof savingsTracker>, id: string) => t.groups.flatMap((g) => g.rows).find((r) => r.id === id)!;
const REVIEWS = '2023-24-ahc-10'; // Post hospital discharge reviews: -310 planned, -155 forecast

describe('quarterly snapshots', () => {
  it('freeze Quarter 1 when August closes, show movement in Quarter 2, and are void again on reopening', async () => {
    const { ws } = demos.open();
    await closePeriod(ws, '2023-08');
    const frozen = ws.db.prepare(`SELECT COUNT(*) FROM savings_snapshots WHERE period = '2023-08' AND quarter = '2023-24-Q1'`).pluck().get();
    expect(frozen).toBe(15);
    expect(ws.db.prepare(`SELECT DISTINCT channel FROM ${AUDIT_CELLS} a WHERE entity = 'savings_snapshot'`).pluck().all()).toEqual(['close/reopen']);
    const aug = savingsTracker(ws, '2023-08');
    expect(aug).toMatchObject({ source: 'snapshot', quarter: '2023-24-Q1' });
    expect(aug.lockedReason).toMatch(/August 2023 is closed .*Quarter 1 2023\/24's tracker as it stood when the month closed/);

    // September: the officer updates a forecast in the register; Quarter 1 stays as published.
    setSavingFigures(ws, '2023-09', [{ lineId: REVIEWS, field: 'forecastSaving', value: -20000 }], 'grid');
    expect(row(savingsTracker(ws, '2023-08'), REVIEWS).forecastSaving).toBe(-15500);
    expect(() => setSavingFigures(ws, '2023-08', [{ lineId: REVIEWS, field: 'forecastSaving', value: -1 }], 'grid')).toThrow(/August 2023 is closed/);

    // November publishes Quarter 2: the live register, with each forecast's movement since Quarter 1.
    const nov = savingsTracker(ws, '2023-11');
    expect(nov).toMatchObject({ source: 'register', quarter: '2023-24-Q2', previous: { period: '2023-08', quarterLabel: 'Quarter 1 2023/24' } });
    expect(nov.groups[0]!.title).toBe('Adults, Health and Commissioning Savings Tracker Quarter 2');
    expect(row(nov, REVIEWS)).toMatchObject({ previousForecast: -15500, forecastSaving: -20000, movement: -4500 });
    expect(row(nov, '2023-24-ahc-5').movement).toBe(0);

    reopenPeriod(ws, '2023-08', 'A late correction');
    expect(ws.db.prepare(`SELECT COUNT(*) FROM savings_snapshots`).pluck().get()).toBe(0);
    expect(ws.db.prepare(`SELECT COUNT(*) FROM ${AUDIT_CELLS} a WHERE entity = 'savings_snapshot' AND action = 'delete'`).pluck().get()).toBeGreaterThanOrEqual(15);
    expect(savingsTracker(ws, '2023-08')).toMatchObject({ source: 'register' });
    expect(row(savingsTracker(ws, '2023-08'), REVIEWS).forecastSaving).toBe(-20000);
    expect(savingsTracker(ws, '2023-11').previous).toBeNull();
  });

  it('follow the quarter publishing setting', async () => {
    const { ws } = demos.open();
    setQuarterPublishing(ws, { q1: 9 });
    expect(ws.db.prepare(`SELECT field, new_value FROM ${AUDIT_CELLS} a WHERE entity = 'setting' AND entity_key = 'periods.quarterPublishing'`).all()).toEqual([{ field: 'value', new_value: '{"q1":9,"q2":11,"q3":2,"q4":5}' }]);
    expect(savingsTracker(ws, '2023-08').quarter).toBeNull();
    await closePeriod(ws, '2023-08');
    expect(ws.db.prepare(`SELECT COUNT(*) FROM savings_snapshots`).pluck().get()).toBe(0);
    await closePeriod(ws, '2023-09');
    expect(ws.db.prepare(`SELECT DISTINCT period || ' ' || quarter FROM savings_snapshots`).pluck().all()).toEqual(['2023-09 2023-24-Q1']);
    expect(listPeriods(ws).filter((p) => p.areas.includes('savings')).map((p) => p.id)).toEqual(['2023-08', '2023-09']);
  });
});

describe('carry-forward', () => {
  it('offers every saving not achieved in full', () => {
    const { ws } = demos.open();
    // By hand from the published tracker: forecast short of original (CHECKS.md §7 rows with variance > 0).
    expect(unachievedSavings(ws, '2023-24').map((l) => `${l.title} ${l.unachieved / 100}`)).toEqual([
      'Adult Social Care Transport -91',
      'Micro-enterprises Support -99',
      'Increased support for carers -129',
      'Expansion of Direct Payments -113',
      'Post hospital discharge reviews -155',
      'Learning Disability mid-cost range placement review -101',
    ]);
  });

  it('makes a "C/F 23-24 Saving" line in next year\'s tracker, linked to its origin, once', () => {
    const { ws } = demos.open();
    carryForward(ws, '2023-08', REVIEWS, 'grid');
    const [line] = yearLines(ws, '2024-25');
    expect(line).toMatchObject({ bpRef: 'C/F 23-24 Saving', title: 'Post hospital discharge reviews', directorateId: 'ahc', originalSaving: -15500, forecastSaving: null, carriedFrom: REVIEWS });
    const audit = ws.db.prepare(`SELECT channel, field, new_value FROM ${AUDIT_CELLS} a WHERE entity = 'savings_line' AND entity_key = ? AND field IN ('bp_ref', 'carried_from', 'original_saving') ORDER BY field`).all(line!.id);
    expect(audit).toEqual([
      { channel: 'grid', field: 'bp_ref', new_value: 'C/F 23-24 Saving' },
      { channel: 'grid', field: 'carried_from', new_value: REVIEWS },
      { channel: 'grid', field: 'original_saving', new_value: '-15500' },
    ]);
    expect(() => carryForward(ws, '2023-08', REVIEWS, 'grid')).toThrow(/already been carried forward to 2024-25/);
    expect(() => carryForward(ws, '2023-08', '2023-24-ahc-5', 'grid')).toThrow(/forecast to be achieved in full/);
    expect(unachievedSavings(ws, '2023-24').map((l) => l.id)).not.toContain(REVIEWS);
    undo(ws);
    expect(yearLines(ws, '2024-25')).toEqual([]);
  });

  it('is there for the year-end rollover to call inside its own write', () => {
    const { ws } = demos.open();
    const chosen = unachievedSavings(ws, '2023-24').slice(0, 2).map((l) => l.id);
    const made = ws.write({ channel: 'grid', label: 'Year-end rollover (test)' }, () => carryForwardSavings(ws, chosen));
    expect([...made.keys()]).toEqual(chosen);
    expect(yearLines(ws, '2024-25').map((l) => [l.bpRef, l.originalSaving])).toEqual([
      ['C/F 23-24 Saving', -9100],
      ['C/F 23-24 Saving', -9900],
    ]);
  });
});
