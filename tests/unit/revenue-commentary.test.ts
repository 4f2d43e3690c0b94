import { describe, expect, it } from 'vitest';
import { areasMissingCommentary, blocksOf, bodyOf, commentaryThreshold, DEFAULT_COMMENTARY_SETTINGS as S, needsCommentary, serviceAreas } from '../../shared/areas/revenue/commentary';
import type { RevenueLine, Section } from '../../shared/areas/revenue/model';

const k = (v: number) => Math.round(v * 100);
const fig = (variance: number, net: number, gross = net) => ({ forecastVariance: k(variance), netBudget: k(net), grossBudget: k(gross) });

describe('the commentary threshold: greater than 2% of the budget or £100k, whichever is greater', () => {
  it('is strict at exactly 2% of the budget', () => {
    // 2% of 10,000 is 200 (> £100k): 200 is not greater, 200.01 is.
    expect(needsCommentary(fig(200, 10000), S)).toBe(false);
    expect(needsCommentary(fig(200.01, 10000), S)).toBe(true);
  });
  it('is strict at exactly £100k', () => {
    // Budget 1,000: 2% is 20, so £100k (100 in £000) governs.
    expect(needsCommentary(fig(100, 1000), S)).toBe(false);
    expect(needsCommentary(fig(100.01, 1000), S)).toBe(true);
    expect(commentaryThreshold(fig(0, 1000), S)).toBe(k(100));
  });
  it('takes underspends as overspends', () => {
    expect(needsCommentary(fig(-200, 10000), S)).toBe(false);
    expect(needsCommentary(fig(-201, 10000), S)).toBe(true);
  });
  it('takes a negative net budget by its size (Executive Director: -293 against 2% of 30,488 = 610)', () => {
    expect(needsCommentary(fig(-293, -30488, 19647), S)).toBe(false);
    expect(commentaryThreshold(fig(-293, -30488), S)).toBe(k(609.76));
    expect(needsCommentary(fig(-610, -30488), S)).toBe(true);
  });
  it('uses gross when set (PH Directorate Staffing -115: over on gross 4,737, under on net -23,840; CHECKS.md 0.4)', () => {
    expect(needsCommentary(fig(-115, -23840, 4737), S)).toBe(false);
    expect(needsCommentary(fig(-115, -23840, 4737), { ...S, commentaryBase: 'gross' })).toBe(true);
  });
  it('falls back to £100k on a zero budget (the mitigation line: -2,517 on 0)', () => {
    expect(needsCommentary(fig(-2517, 0), S)).toBe(true);
    expect(needsCommentary(fig(0, 0), S)).toBe(false);
  });
});

describe('service areas', () => {
  const sections: Section[] = [
    { directorateId: 'd', name: 'Plain', order: 1, totalLabel: null, isMitigation: false, summaryRow: 'D' },
    { directorateId: 'd', name: 'Behaviour Change', order: 2, totalLabel: 'Behaviour Change Total', isMitigation: false, summaryRow: 'D' },
  ];
  let n = 0;
  const line = (label: string, section: string, subsection: string | null, variance: number, gross: number): RevenueLine => ({
    key: `d:${label}`, directorateId: 'd', section, subsection, label, committee: null, budgetHolder: null, order: ++n,
    grossBudget: k(gross), incomeBudget: 0, actual: null, forecastVariance: k(variance), previousVariance: null, previousSource: 'none',
  });
  const lines = [
    line('Alone', 'Plain', null, 150, 1000),
    line('Pooled 1', 'Plain', 'Pool', 90, 1000),
    line('Pooled 2', 'Plain', 'Pool', 90, 1000),
    line('Integrated Lifestyle', 'Behaviour Change', null, -32, 3156),
    line('Smoking Cessation', 'Behaviour Change', null, -105, 765),
  ];
  const areas = serviceAreas(sections, lines, 'abs_net');

  it('are a heading closed by its Total row, or a line not inside one', () => {
    expect(areas.map((a) => [a.key, a.label, a.lineKeys.length])).toEqual([
      ['line:d:Alone', 'Alone', 1],
      ['area:d:plain:pool', 'Pool', 2],
      ['area:d:behaviour-change', 'Behaviour Change', 2],
    ]);
    // Each pooled line is under £100k, but the area (180 on 2,000) is over.
    expect(needsCommentary(areas[1]!.figures, S)).toBe(true);
  });

  it('flags areas over the threshold without a commentary; a commentary on a line inside satisfies the area', () => {
    expect(areasMissingCommentary(areas, new Set(), S).map((a) => a.label)).toEqual(['Alone', 'Pool', 'Behaviour Change']);
    const written = new Set(['line:d:Smoking Cessation', 'area:d:plain:pool']);
    expect(areasMissingCommentary(areas, written, S).map((a) => a.label)).toEqual(['Alone']);
  });
});

describe('commentary text', () => {
  it('is held one paragraph or bullet a line', () => {
    const blocks = blocksOf('First paragraph.\n\n- i) a bullet\n• ii) another\nLast.');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'First paragraph.' },
      { kind: 'bullet', text: 'i) a bullet' },
      { kind: 'bullet', text: 'ii) another' },
      { kind: 'paragraph', text: 'Last.' },
    ]);
    expect(bodyOf(blocks)).toBe('First paragraph.\n- i) a bullet\n- ii) another\nLast.');
  });
});
