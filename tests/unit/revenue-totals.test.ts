import { describe, expect, it } from 'vitest';
import type { Directorate, RevenueLine, Section } from '../../shared/areas/revenue/model';
import { variancePct } from '../../shared/areas/revenue/percent';
import { noteLinesEdited, replanAppendix } from '../../shared/areas/revenue/replan';
import { appendixRows, computeTotals, editedLines, lineValues, planAppendix } from '../../shared/areas/revenue/totals';
import { describeVariance, headline, summaryRows } from '../../shared/areas/revenue/summary';

/** £000 → hundredths, so the figures below read as the published tables print them. */
const k = (v: number | null) => (v === null ? null : v * 100);

const dir: Directorate = { id: 'd', name: 'Directorate', appendix: '1x', expenditureTotalLabel: 'Directorate Total', overallTotalLabel: 'Overall Total' };
const sections: Section[] = [
  { directorateId: 'd', name: 'Plain', order: 1, totalLabel: null, isMitigation: false, summaryRow: 'Directorate' },
  { directorateId: 'd', name: 'Totalled', order: 2, totalLabel: 'Totalled Total', isMitigation: false, summaryRow: 'Other' },
  { directorateId: 'd', name: 'Mitigations', order: 3, totalLabel: 'Mitigations Total', isMitigation: true, summaryRow: 'Mitigations' },
];
let order = 0;
function line(label: string, section: string, subsection: string | null, gross: number | null, income: number | null, actual: number | null, variance: number | null, previous: number | null = null): RevenueLine {
  return { key: `d:${label}`, directorateId: 'd', section, subsection, label, committee: 'A&H', budgetHolder: null, order: ++order, grossBudget: k(gross), incomeBudget: k(income), actual: k(actual), forecastVariance: k(variance), previousVariance: k(previous), previousSource: 'reported' };
}
const lines = [
  line('A', 'Plain', null, 100, -20, 40, 5, 1),
  line('B1', 'Plain', 'Sub', 200, -50, 90, 10, 2),
  line('B2', 'Plain', 'Sub', -30, -10, null, -4, null),
  line('C', 'Plain', null, 50, null, 10, null),
  line('D', 'Totalled', null, 70, 0, 7, 3),
  line('M', 'Mitigations', null, 0, 0, 0, -14, -6),
];

describe('Appendix 1 totals from the hierarchy', () => {
  const rows = appendixRows(planAppendix(dir, sections, lines), 'abs_net');
  const row = (label: string) => rows.find((r) => r.label === label)!;

  it('lays out headings, lines, the subsection Total, section totals, the expenditure total, mitigations and the overall total', () => {
    expect(rows.map((r) => `${r.kind}:${r.label}`)).toEqual([
      'heading:Plain', 'line:A', 'subheading:Sub', 'line:B1', 'line:B2', 'subtotal:Sub Total', 'line:C',
      'heading:Totalled', 'line:D', 'section_total:Totalled Total',
      'expenditure_total:Directorate Total',
      'heading:Mitigations', 'line:M', 'section_total:Mitigations Total',
      'overall_total:Overall Total',
    ]);
  });

  it('adds each column, net = gross + income, blanks stay blank', () => {
    // Sub: gross 200 + -30, income -50 + -10, actual 90 + blank, variance 10 + -4, previous 2 + blank.
    expect(row('Sub Total').figures).toMatchObject({ grossBudget: k(170), incomeBudget: k(-60), netBudget: k(110), actual: k(90), forecastVariance: k(6), previousVariance: k(2) });
    // A line's net is its gross plus its income; C has no income, so net = gross.
    expect(row('C').figures.netBudget).toBe(k(50));
    expect(row('C').figures.forecastVariance).toBeNull();
    expect(row('C').figures.variancePct).toBeNull();
    // Expenditure: A, B1, B2, C, D (not M): gross 100+200-30+50+70 = 390; variance 5+10-4+3 = 14.
    expect(row('Directorate Total').figures).toMatchObject({ grossBudget: k(390), incomeBudget: k(-80), netBudget: k(310), forecastVariance: k(14), previousVariance: k(3) });
    expect(row('Overall Total').figures).toMatchObject({ grossBudget: k(390), forecastVariance: k(0), previousVariance: k(-3) });
    // The mitigation's % is blank: its net budget is zero.
    expect(row('Mitigations Total').figures.variancePct).toBeNull();
  });

  it('recomputes from a flat array of the lines figures as from the lines', () => {
    const plan = planAppendix(dir, sections, lines);
    const flat = lineValues(plan.lines);
    flat[0 * 5 + 4] = k(105)!; // A's variance, as a grid keeps it after an edit
    const totals = computeTotals(plan, 'abs_net', flat);
    expect(totals.at(-1)!.forecastVariance).toBe(k(100)); // 105 + 10 - 4 + 3 - 14
  });
});

describe('variance percentages on each base', () => {
  // Executive Director (Appendix 1a): -293 on net -30,488 and gross 19,647 (CHECKS.md section 3).
  const ed = { netBudget: k(-30488), grossBudget: k(19647) };
  it('|net| keeps the variance sign, net flips it, gross uses gross', () => {
    expect(variancePct(k(-293), ed, 'abs_net')).toBe(-96); // -0.96% → -1% as published
    expect(variancePct(k(-293), ed, 'net')).toBe(96);
    expect(variancePct(k(-293), ed, 'gross')).toBe(-149);
  });
  it('is blank on a zero base, never 0%', () => {
    expect(variancePct(k(-2517), { netBudget: 0, grossBudget: 0 }, 'abs_net')).toBeNull();
    expect(variancePct(k(0), { netBudget: 0, grossBudget: k(214) }, 'abs_net')).toBeNull();
    expect(variancePct(k(0), { netBudget: 0, grossBudget: k(214) }, 'gross')).toBe(0);
  });
});

describe('the section 1.2 summary and its headline', () => {
  const rows = summaryRows(dir, sections, lines, 'gross');
  it('groups sections into summary rows, then Total Expenditure, mitigations and Total', () => {
    expect(rows.map((r) => `${r.kind}:${r.label}`)).toEqual(['row:Directorate', 'row:Other', 'expenditure_total:Total Expenditure', 'mitigation:Mitigations', 'total:Total']);
    expect(rows[0]!.figures.forecastVariance).toBe(k(11));
    expect(rows[2]!.figures.forecastVariance).toBe(k(14));
  });
  it('says the position in £m, computed', () => {
    expect(describeVariance(k(2517))).toBe('£2.5m overspend');
    expect(describeVariance(k(-380))).toBe('£0.4m underspend');
    expect(describeVariance(k(49))).toBe('balanced');
    expect(describeVariance(k(-50))).toBe('£0.1m underspend');
    expect(headline('AHC', rows)).toBe('AHC: forecast balanced before mitigations, balanced after.');
  });
});

describe('re-planning after an edit', () => {
  const plan = planAppendix(dir, sections, lines);
  const edited = lines.map((l) => (l.label === 'B1' ? { ...l, forecastVariance: k(25) } : l));

  it('keeps the structure when only figures changed, and gives the same rows as planning afresh', () => {
    const again = replanAppendix(plan, dir, sections, edited);
    expect(again.slots).toBe(plan.slots);
    expect(again.targets).toBe(plan.targets);
    expect(again.lines.find((l) => l.label === 'B1')!.forecastVariance).toBe(k(25));
    expect(appendixRows(again, 'abs_net')).toEqual(appendixRows(planAppendix(dir, sections, edited), 'abs_net'));
    // Sub Total: 25 + -4 = 21 (was 6); the overall total 5 + 25 - 4 + 3 - 14 = 15.
    const rows = appendixRows(again, 'abs_net');
    expect(rows.find((r) => r.label === 'Sub Total')!.figures.forecastVariance).toBe(k(21));
    expect(rows.at(-1)!.figures.forecastVariance).toBe(k(15));
  });

  it('after a chain of edits, totals the figures as now typed (a blank included), not those first read', () => {
    // Totals of the first plan are taken first, as the page shows them before the officer types.
    expect(appendixRows(plan, 'abs_net').at(-1)!.figures.forecastVariance).toBe(k(0));
    const blanked = edited.map((l) => (l.label === 'D' ? { ...l, forecastVariance: null, grossBudget: k(7) } : l));
    const first = replanAppendix(plan, dir, sections, edited);
    expect(appendixRows(first, 'abs_net')).toEqual(appendixRows(planAppendix(dir, sections, edited), 'abs_net'));
    const second = replanAppendix(first, dir, sections, blanked);
    expect(appendixRows(second, 'abs_net')).toEqual(appendixRows(planAppendix(dir, sections, blanked), 'abs_net'));
    // 15 after the first edit, less D's 3 now blank.
    expect(appendixRows(second, 'abs_net').at(-1)!.figures.forecastVariance).toBe(k(12));
  });

  it('keeps the structure when the same lines come in another order, each found by its key', () => {
    const reordered = [...edited].reverse();
    const again = replanAppendix(plan, dir, sections, reordered);
    expect(again.slots).toBe(plan.slots);
    expect(appendixRows(again, 'abs_net')).toEqual(appendixRows(planAppendix(dir, sections, edited), 'abs_net'));
  });

  it('plans afresh when a line moves to another heading, a line is added, or the sections are new', () => {
    const moved = lines.map((l) => (l.label === 'C' ? { ...l, section: 'Totalled' } : l));
    const added = [...lines, line('E', 'Totalled', null, 1, 0, 0, 1)];
    for (const [secs, ls] of [[sections, moved], [sections, added], [sections.map((s) => ({ ...s })), lines]] as const) {
      const again = replanAppendix(plan, dir, secs, ls);
      expect(again.slots).not.toBe(plan.slots);
      expect(appendixRows(again, 'abs_net')).toEqual(appendixRows(planAppendix(dir, secs, ls), 'abs_net'));
    }
  });
});

describe('an edit noted with its lines', () => {
  // As the grid hands them over: the same array but for new objects at the edited indices.
  const edit = (from: readonly RevenueLine[], changes: Record<string, Partial<RevenueLine>>) => {
    const next = from.slice();
    const indices: number[] = [];
    from.forEach((l, i) => {
      if (changes[l.label]) {
        next[i] = { ...l, ...changes[l.label] };
        indices.push(i);
      }
    });
    noteLinesEdited(next, from, indices);
    return next;
  };
  const full = (p: ReturnType<typeof planAppendix>) => computeTotals(p, 'abs_net', lineValues(p.lines));

  it('moves the previous totals by the edited lines, blanks and all, to what adding every line gives', () => {
    let plan = replanAppendix(null, dir, sections, lines);
    let now: readonly RevenueLine[] = lines;
    expect(computeTotals(plan, 'abs_net')).toEqual(full(plan));
    const steps: Record<string, Partial<RevenueLine>>[] = [
      { B1: { forecastVariance: k(25) } },
      { D: { forecastVariance: null, grossBudget: k(7) }, M: { actual: null } },
      { C: { forecastVariance: k(-8) }, B2: { actual: k(3), previousVariance: k(1) } },
      { B1: { forecastVariance: null }, B2: { forecastVariance: null } },
    ];
    for (const step of steps) {
      const previous = plan;
      now = edit(now, step);
      plan = replanAppendix(previous, dir, sections, now);
      expect(plan.slots).toBe(previous.slots);
      expect(editedLines(plan, previous)).toEqual(plan.lines.flatMap((l, i) => (step[l.label] ? [i] : [])));
      expect(computeTotals(plan, 'abs_net')).toEqual(full(plan));
      expect(appendixRows(plan, 'abs_net')).toEqual(appendixRows(planAppendix(dir, sections, now), 'abs_net'));
    }
    // The Sub total's variance: B1 and B2 both blanked, so the total is blank, not 0.
    expect(appendixRows(plan, 'abs_net').find((r) => r.label === 'Sub Total')!.figures.forecastVariance).toBeNull();
  });

  it('is not taken for lines other than the plan was made from: those are compared one by one', () => {
    const plan = replanAppendix(null, dir, sections, lines);
    const elsewhere = lines.map((l) => ({ ...l }));
    const next = edit(elsewhere, { A: { forecastVariance: k(50) } });
    const again = replanAppendix(plan, dir, sections, next);
    expect(editedLines(again, plan)).toEqual(lines.map((_, i) => i));
    expect(computeTotals(again, 'abs_net')).toEqual(full(again));
  });
});
