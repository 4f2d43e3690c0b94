import { describe, expect, it } from 'vitest';
import { setCapitalCells } from '../../main/areas/capital/service';
import { reservesChecks } from '../../main/areas/reserves/checks';
import { setGrantAmounts } from '../../main/areas/reserves/grants';
import { addEntry } from '../../main/areas/reserves/ledger';
import { removeVirement, reservesVirements } from '../../main/areas/reserves/virements';
import { formatFinding } from '../../shared/checks';
import { demoPerTest } from '../helpers/workspace';

/**
 * The cross-table relationships of CHECKS.md section 10 that Appendix 5 keeps with the capital programme,
 * and 5.2's own reconciliation, as findings. They hold in the published August 2023 figures (so the
 * demo has none: appendix5-fidelity.test.ts), and each fails when a figure breaks it.
 */
const demo = demoPerTest();

describe('grants and the capital programme (CHECKS.md section 10)', () => {
  it('finds the Disabled Facilities Grant differing from its scheme’s budget and from capital grant funding', () => {
    const s = demo.open();
    // "5.1.1 Disabled Facilities Grant vs 4.2 'Grant Funding' revised funding 2023/24 | 5,070 | 5,070 | equal" and
    // "5.1.1 Disabled Facilities Grant vs 4.1 'Disabled Facilities Grant' 2023-24 budget | 5,070 | 5,070 | equal".
    setGrantAmounts(s.ws, { period: '2023-08', directorateId: 'ahc', cells: [{ key: 'disabled-facilities-grant', value: 500000 }] }, 'grid');
    expect(reservesChecks(s.ws, '2023-08').map(formatFinding)).toEqual([
      'reserves | 5.1.1 Adults, Health and Commissioning grants not built into base budgets | Total Non-Baselined Grants 23/24 | Amount £\'000 | reported 31,920 | computed 31,851 | reported-total-mismatch',
      "reserves | 5.1.1 Adults, Health and Commissioning grants not built into base budgets | Disabled Facilities Grant | Amount £'000 | reported 5,070 (capital scheme 'Disabled Facilities Grant', budget for the year) | computed 5,000 | grant-vs-capital",
      "reserves | 5.1.1 Adults, Health and Commissioning grants not built into base budgets | Disabled Facilities Grant | Amount £'000 | reported 5,070 (capital Grant Funding, revised funding for the year) | computed 5,000 | grants-vs-capital-funding",
    ]);
  });

  it('finds the capital grant funding moved away from the grants, and keeps within ±2 as rounding', () => {
    const s = demo.open();
    setCapitalCells(s.ws, { period: '2023-08', cells: [{ table: 'funding', key: 'grant-funding', field: 'revisedFunding', value: 507200 }] }, 'grid');
    expect(reservesChecks(s.ws, '2023-08')).toEqual([]);
    setCapitalCells(s.ws, { period: '2023-08', cells: [{ table: 'funding', key: 'grant-funding', field: 'revisedFunding', value: 507300 }] }, 'grid');
    expect(reservesChecks(s.ws, '2023-08').map((f) => [f.rule, f.reported, f.computed])).toEqual([['grants-vs-capital-funding', "5,073 (capital Grant Funding, revised funding for the year)", '5,070']]);
  });
});

describe('5.2 virements', () => {
  it('fails when a virement is missing: Business Plan + virements no longer gives the Budget 23/24 reported', () => {
    const s = demo.open();
    const august = reservesVirements(s.ws, '2023-08').tables[0]!.lines.at(-1)!;
    expect([august.budgetLine, august.amount]).toEqual(['Various policy lines', -19800]);
    removeVirement(s.ws, { period: '2023-08', directorateId: 'ahc', seq: august.seq }, 'grid');
    // CHECKS.md section 8: 213,700 with the -198 of August; 213,898 without it, against 213,701 published.
    expect(reservesChecks(s.ws, '2023-08').map(formatFinding)).toEqual([
      "reserves | 5.2.1 Virements and Budget Reconciliation (Adults, Health and Commissioning) | Budget 23/24 | £'000 | reported 213,701 | computed 213,898 | reported-budget-mismatch",
      // Against revenue's current net budget (1.2.1: 213,701), read through revenue's queries.ts.
      "reserves | 5.2.1 Virements and Budget Reconciliation (Adults, Health and Commissioning) | Budget 23/24 | £'000 | reported 213,701 (current net budget in the revenue lines) | computed 213,898 (Business Plan + virements) | virements-reconcile",
    ]);
  });
});

describe('Appendix 5 and the revenue lines (CHECKS.md section 10), through revenue\'s queries.ts', () => {
  it('finds the Public Health reserve movements no longer equal to 1b\'s drawdown actual (-674)', () => {
    // "5.3.2 PH reserves: net movements to August vs 1b 'Drawdown from reserves' actual (sign reversed) | -674 | -674 | equal".
    const s = demo.open();
    expect(reservesChecks(s.ws, '2023-08')).toEqual([]);
    const reserveId = s.ws.db.prepare(`SELECT id FROM reserves_register WHERE name = 'Quality of Life Survey'`).pluck().get() as string;
    addEntry(s.ws, { period: '2023-08', reserveId, kind: 'drawdown', amount: -1000, planned: false, expectedPeriod: null, reference: null, note: null, toReserveId: null, deficit: null }, 'grid');
    expect(reservesChecks(s.ws, '2023-08').map((f) => f.rule)).toContain('reserves-vs-revenue-drawdown');
  });

  it('finds the Contain Outbreak Management Fund grant no longer equal to 1b\'s COMF gross budget (4,546)', () => {
    // "5.1.2 Contain Outbreak Management Fund grant vs 1b COMF gross budget | 4,546 | 4,546 | equal".
    const s = demo.open();
    setGrantAmounts(s.ws, { period: '2023-08', directorateId: 'ph', cells: [{ key: 'contain-outbreak-management-fund', value: 450000 }] }, 'grid');
    expect(reservesChecks(s.ws, '2023-08').map((f) => f.rule)).toContain('grant-vs-revenue');
  });
});
