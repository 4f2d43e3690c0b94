import { describe, expect, it } from 'vitest';
import { pipelineTotals, type Proposal } from '../../shared/areas/savings/pipeline';
import { pipelineFoot, pipelineRows, savingsText, yearsToAgree } from '../../renderer/src/areas/savings/pipelineRows';

const proposal = (over: Partial<Proposal>): Proposal => ({
  id: 'p1',
  directorateId: 'ph',
  bpRef: 'B/R.6.210',
  title: 'Healthy schools contract re-let',
  responsibleOfficer: null,
  savings: [{ year: '2024-25', amount: -40000 }],
  fullYearEffect: null,
  status: 'proposed',
  lineId: null,
  ...over,
});

describe('the savings pipeline in the grid', () => {
  it('writes savings by year in whole £000 as the tracker shows them (a half rounded away from zero)', () => {
    expect(savingsText({ savings: [{ year: '2024-25', amount: -40000 }, { year: '2025-26', amount: -20050 }] })).toBe('2024-25 -400 / 2025-26 -201');
  });

  it('shows a blank full-year effect and officer as blank, not zero, and says whether it is agreed', () => {
    const [row] = pipelineRows([proposal({ status: 'agreed', lineId: 'l1' })], (id) => (id === 'ph' ? 'Public Health' : id));
    expect(row).toMatchObject({ key: 'p1', label: 'Healthy schools contract re-let', editable: [], values: { directorate: 'Public Health', officer: '', fullYearEffect: undefined, status: 'Agreed: a tracker line' } });
  });

  it('offers to agree only years in which a proposal still proposed saves something, earliest first', () => {
    const list = [
      proposal({ id: 'a', savings: [{ year: '2025-26', amount: -100 }, { year: '2024-25', amount: 0 }] }),
      proposal({ id: 'b', savings: [{ year: '2024-25', amount: -200 }] }),
      proposal({ id: 'c', status: 'agreed', savings: [{ year: '2026-27', amount: -300 }] }),
    ];
    expect(yearsToAgree(list)).toEqual(['2024-25', '2025-26']);
    expect(yearsToAgree([])).toEqual([]);
  });

  it('adds each year and the full-year effects exactly, a year no proposal gives and an effect none gives staying blank', () => {
    const list = [
      proposal({ id: 'a', savings: [{ year: '2024-25', amount: -10 }, { year: '2025-26', amount: -20 }], fullYearEffect: null }),
      proposal({ id: 'b', savings: [{ year: '2024-25', amount: -20 }], fullYearEffect: null }),
    ];
    // -0.10 + -0.20 in £000: exactly -30 hundredths, where binary floats would give -0.30000000000000004.
    expect(pipelineTotals(list)).toEqual({ byYear: { '2024-25': -30, '2025-26': -20 }, fullYearEffect: null });
    expect(pipelineFoot(list)[0]).toMatchObject({ kind: 'total', values: { 'year:2024-25': -30, 'year:2025-26': -20, fullYearEffect: undefined } });
    expect(pipelineTotals([])).toEqual({ byYear: {}, fullYearEffect: null });
  });

  it('puts each year saving in its own column, blank where the proposal plans none that year', () => {
    const rows = pipelineRows([proposal({ id: 'a', savings: [{ year: '2025-26', amount: -5 }] }), proposal({ id: 'b' })], (id) => id);
    expect(rows.map((r) => [r.values['year:2024-25'], r.values['year:2025-26']])).toEqual([
      [undefined, -5],
      [-40000, undefined],
    ]);
  });
});
