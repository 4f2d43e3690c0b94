import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savingsChecks } from '../../main/areas/savings/checks';
import { overrideRag, savingsTracker } from '../../main/areas/savings/service';
import type { AppSession } from '../../main/app/session';
import { formatFinding } from '../../shared/checks';
import { readReference } from '../helpers/reference';
import { cli } from '../helpers/cli';
import { tempDemo } from '../helpers/workspace';

/** The demo reproduces both published Quarter 1 2023/24 savings trackers (Appendix 4) from the reference. */
interface PublishedRow { rag: string; bp_ref: string; title: string; original_saving: number; forecast_saving: number; variance_from_plan: number; pct_variance: number; commentary: string }
interface Published { trackers: { tracker_id: string; title: string; rows: PublishedRow[]; published_totals: { original_saving: number; forecast_saving: number; variance_from_plan: number }[] }[] }
const published = readReference<Published>('savings-tracker-q1.json');

let env: ReturnType<typeof tempDemo>;
let session: AppSession;
beforeAll(() => {
  env = tempDemo();
  session = env.open();
});
afterAll(() => env.done());

describe('Quarter 1 2023/24 savings trackers in the demo (August 2023)', () => {
  it('are the register of 2023-24, shown as Quarter 1 in August', () => {
    const t = savingsTracker(session.ws, '2023-08');
    expect(t).toMatchObject({ quarter: '2023-24-Q1', quarterLabel: 'Quarter 1 2023/24', financialYear: '2023-24', source: 'register', previous: null });
    expect(t.groups.map((g) => `${g.number} ${g.title}`)).toEqual(['4.1 Adults, Health and Commissioning Savings Tracker Quarter 1', '4.2 Public Health Savings Tracker Quarter 1']);
  });

  it('hold every saving exactly as published, with variance and % computed from its figures', () => {
    const t = savingsTracker(session.ws, '2023-08');
    let compared = 0;
    for (const tracker of published.trackers) {
      const group = t.groups.find((g) => g.directorate.id === tracker.tracker_id)!;
      expect(group.rows).toHaveLength(tracker.rows.length);
      tracker.rows.forEach((p, i) => {
        const row = group.rows[i]!;
        expect([row.bpRef, row.title, row.commentary], p.title).toEqual([p.bp_ref, p.title, p.commentary]);
        expect([row.originalSaving, row.forecastSaving], p.title).toEqual([p.original_saving * 100, p.forecast_saving * 100]);
        // CHECKS.md §0.2: every published Variance = Forecast − Original and % = Variance / |Original| (rounded).
        expect(row.variance, p.title).toBe(p.variance_from_plan * 100);
        expect(Math.round(row.pctVariance! / 100), p.title).toBe(p.pct_variance);
        // The published RAG is kept as a reported value beside the rule's.
        expect(row.reportedRag, p.title).toBe(p.rag);
        compared++;
      });
      // The totals agree exactly (CHECKS.md §0.2: -3,853 / -3,344 / 509 and -281 / -281 / 0).
      const total = tracker.published_totals[0]!;
      expect(group.totals).toEqual({ originalSaving: total.original_saving * 100, forecastSaving: total.forecast_saving * 100, variance: total.variance_from_plan * 100 });
    }
    expect(compared).toBe(15);
  });

  it('shows the key\'s RAG, which differs from the published one for the LDP Pooled Budget Rebaselining only', () => {
    const rows = savingsTracker(session.ws, '2023-08').groups.flatMap((g) => g.rows);
    const departures = rows.filter((r) => r.rag !== r.reportedRag).map((r) => `${r.title}: published ${r.reportedRag}, shown ${r.rag}`);
    // CHECKS.md §7: "Learning Disability Partnership Pooled Budget Rebaselining … Green (per key) … Amber (published) … MISMATCH".
    expect(departures).toEqual(['Learning Disability Partnership Pooled Budget Rebaselining: published Amber, shown Green']);
    expect(rows.every((r) => !r.overridden)).toBe(true);
  });

  it('has the check engine list exactly the departures of CHECKS.md, no more, no fewer', async () => {
    // CHECKS.md §0.2 "RAG vs key" and §7 (one MISMATCH); the trackers are otherwise arithmetically exact.
    const expected = ['savings | Adults, Health and Commissioning Savings Tracker Quarter 1 | Learning Disability Partnership Pooled Budget Rebaselining | RAG | reported Amber | computed Green | reported-rag-departs'];
    expect(savingsChecks(session.ws, '2023-08').map(formatFinding)).toEqual(expected);
    const printed = await cli('check', env.file, '--period', '2023-08');
    expect(printed.code).toBe(0);
    expect(printed.out.split('\n').filter((l) => l.startsWith('savings |'))).toEqual(expected);
  });
});

describe('an officer\'s RAG', () => {
  const ldp = '2023-24-ahc-4';
  it('needs a reason, and without one changes nothing', () => {
    const before = session.ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    expect(() => overrideRag(session.ws, '2023-08', ldp, 'Amber', '  ', 'grid')).toThrow(/Give the reason for setting Learning Disability Partnership Pooled Budget Rebaselining to Amber/);
    expect(session.ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('replaces the rule\'s RAG on screen, marked, audited, and supersedes the published departure', () => {
    const reason = 'Later years at risk until the pool review is done';
    const t = overrideRag(session.ws, '2023-08', ldp, 'Amber', reason, 'grid');
    const row = t.groups[0]!.rows.find((r) => r.id === ldp)!;
    expect(row).toMatchObject({ rag: 'Amber', ruleRag: 'Green', overridden: true, ragOverride: { rag: 'Amber', reason } });
    const audit = session.ws.db.prepare(`SELECT channel, entity_key, field, old_value, new_value FROM audit_log WHERE entity = 'savings_line' AND field IN ('rag_override', 'rag_override_reason') ORDER BY id`).all();
    expect(audit).toEqual([
      { channel: 'grid', entity_key: ldp, field: 'rag_override', old_value: null, new_value: 'Amber' },
      { channel: 'grid', entity_key: ldp, field: 'rag_override_reason', old_value: null, new_value: reason },
    ]);
    const [finding] = savingsChecks(session.ws, '2023-08');
    expect(finding!.supersededBy).toMatch(/override to Amber on \d{4}-\d{2}-\d{2}: Later years at risk/);
    overrideRag(session.ws, '2023-08', ldp, null, '', 'grid');
    expect(savingsTracker(session.ws, '2023-08').groups[0]!.rows.find((r) => r.id === ldp)).toMatchObject({ rag: 'Green', overridden: false });
  });
});
