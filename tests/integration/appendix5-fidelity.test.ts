import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSession } from '../../main/app/session';
import { reservesChecks } from '../../main/areas/reserves/checks';
import { reservesGrants } from '../../main/areas/reserves/grants';
import { reservesSchedules } from '../../main/areas/reserves/ledger';
import { reservesVirements } from '../../main/areas/reserves/virements';
import { formatFinding } from '../../shared/checks';
import { readReference } from '../helpers/reference';
import { tempDemo } from '../helpers/workspace';

/**
 * The demo reproduces the published August 2023 Appendix 5 (grants, virements, earmarked reserves) from
 * its ledgers and lines alone. Expected figures come from the reference transcription
 * (../shared/reference) and the differences from CHECKS.md, written out by hand.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const reserves = readReference<any>('reserves.json');
const grants = readReference<any>('grants.json');
const virements = readReference<any>('virements.json');

let env: ReturnType<typeof tempDemo>;
let session: AppSession;
beforeAll(() => {
  env = tempDemo();
  session = env.open();
});
afterAll(() => env.done());

const whole = (v: number | null) => (v === null ? null : v / 100);

describe('5.3 earmarked reserve schedules, from the ledger', () => {
  it('reproduces every published row: heading, category, opening, net movements to August (0 in 5.3.1, blank in 5.3.2), forecast', () => {
    const s = reservesSchedules(session.ws, '2023-08');
    expect(s.schedules.map((t) => t.title)).toEqual(reserves.tables.map((t: any) => t.title));
    let compared = 0;
    reserves.tables.forEach((published: any, i: number) => {
      const mine = s.schedules[i]!;
      expect(mine.rows.map((r) => r.name)).toEqual(published.rows.map((r: any) => r.budget_heading));
      published.rows.forEach((p: any, j: number) => {
        const r = mine.rows[j]!;
        expect([r.category, r.description, whole(r.opening), whole(r.movements), whole(r.forecast)], p.budget_heading).toEqual([p.category, p.description, p.opening_balance, p.net_movements_to_august, p.forecast_year_end_balance]);
        compared++;
      });
    });
    expect(compared).toBe(4 + 31);
  });

  it('says the sign legend under each schedule, as published', () => {
    expect(reservesSchedules(session.ws, '2023-08').legend).toEqual(reserves.tables[0].footnotes);
    expect(reserves.tables[1].footnotes).toEqual(reserves.tables[0].footnotes);
  });

  it('computes the totals; they differ from the published ones only where CHECKS.md section 2 finds rounding', () => {
    const s = reservesSchedules(session.ws, '2023-08');
    const differences: string[] = [];
    reserves.tables.forEach((published: any, i: number) => {
      const total = published.published_totals[0];
      const mine = s.schedules[i]!.totals;
      for (const [col, key] of [['opening', 'opening_balance'], ['movements', 'net_movements_to_august'], ['forecast', 'forecast_year_end_balance']] as const) {
        if (whole(mine[col]) !== total[key]) differences.push(`${published.table_ref} | ${col} | published ${total[key]} | computed ${whole(mine[col])}`);
      }
    });
    // CHECKS.md section 2, last three rows (reserves | 5.3.2 TOTAL EARMARKED RESERVES): diffs of 1, 2 and 1.
    expect(differences).toEqual(['5.3.2 | opening | published 7854 | computed 7855', '5.3.2 | movements | published -674 | computed -672', '5.3.2 | forecast | published 4577 | computed 4578']);
  });

  it('forecasts what CHECKS.md section 9 implies is still to move: AHC -4,230, PH -2,603 beyond the -674 to August', () => {
    const [ahc, ph] = reservesSchedules(session.ws, '2023-08').schedules;
    const stillToMove = (t: typeof ahc) => whole(t!.rows.reduce((n, r) => n + r.planned, 0));
    expect(stillToMove(ahc)).toBe(-4230);
    // CHECKS.md section 9 totals from the published total row (4,577 - 7,180); the rows themselves add to -2,605.
    expect(stillToMove(ph)).toBe(-2605);
  });
});

describe('5.1 grants not built into base budgets', () => {
  it('reproduces every grant and the totals, differing only where CHECKS.md finds rounding', () => {
    const g = reservesGrants(session.ws, '2023-08');
    grants.tables.forEach((published: any, i: number) => {
      const mine = g.tables[i]!;
      expect(mine.directorate.name).toBe(published.directorate);
      expect(mine.lines.map((l) => [l.name, l.awardingBody, whole(l.amount)])).toEqual(published.rows.map((r: any) => [r.grant, r.awarding_body, r.amount]));
      expect(mine.totalLabel).toBe(published.published_totals[0].label);
    });
    // CHECKS.md section 2: "grants | 5.1.1 Total Non-Baselined Grants 23/24 | 31,921 | 31,920"; 5.1.2 exact (33,837).
    expect(g.tables.map((t) => [whole(t.total), whole(t.reportedTotal)])).toEqual([
      [31921, 31920],
      [33837, 33837],
    ]);
  });
});

describe('5.2 virements and budget reconciliation', () => {
  it('reproduces each virement with its month, and Business Plan + virements as CHECKS.md section 8 runs it', () => {
    const v = reservesVirements(session.ws, '2023-08');
    const monthOf: Record<string, string> = { Apr: '2023-04', May: '2023-05', June: '2023-06', July: '2023-07', August: '2023-08' };
    virements.tables.forEach((published: any, i: number) => {
      const mine = v.tables[i]!;
      expect(mine.title).toBe(published.title);
      expect(whole(mine.businessPlan)).toBe(published.opening_budget.amount);
      expect(mine.lines.map((l) => [l.budgetLine, l.effectivePeriod, whole(l.amount), l.notes])).toEqual(published.rows.map((r: any) => [r.budget_line, monthOf[r.period], r.amount, r.notes]));
      expect(mine.budgetLabel).toBe(published.published_totals[0].label);
    });
    // CHECKS.md section 8: 215,038 → 213,700 after the nine virements; 213,701 published. 5.2.2: 0 → 0.
    expect(v.tables.map((t) => [whole(t.computed), whole(t.reportedBudget)])).toEqual([
      [213700, 213701],
      [0, 0],
    ]);
  });
});

describe('the check engine on Appendix 5', () => {
  it('lists no disagreement beyond tolerance: every published difference in Appendix 5 is rounding (CHECKS.md 0.2 and section 2)', () => {
    // CHECKS.md 0.2: grants 31,920 vs 31,921, virements 213,701 vs 213,700, reserves 5.3.2 differences of
    // 1-2: all within the ±2 of CONVENTIONS.md, so none is a finding. The revenue and capital figures these
    // tables are reconciled with are checked in appendix5-cross.test.ts.
    expect(reservesChecks(session.ws, '2023-08').map(formatFinding)).toEqual([]);
  });
});
