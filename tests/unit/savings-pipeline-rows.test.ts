import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../shared/areas/savings/pipeline';
import { pipelineRows, savingsText, yearsToAgree } from '../../renderer/src/areas/savings/pipelineRows';

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
});
