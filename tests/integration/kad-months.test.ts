import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeDots } from '../../shared/areas/kad/dot';
import { computeKadTotals } from '../../shared/areas/kad/totals';
import { runRate } from '../../shared/areas/kad/runrate';
import { kadChecks } from '../../main/areas/kad/checks';
import { addService, kadConfig, setTypeInUse } from '../../main/areas/kad/config';
import { rollForwardMonth as rollForward } from '../../main/core/months';
import { kadTable, setKadCell, setKadCells } from '../../main/areas/kad/service';
import { kadSettings, updateKadSettings } from '../../main/areas/kad/settings';
import { kadTrend } from '../../main/areas/kad/trend';
import { listAudit } from '../../main/store/audit';
import { historyState, undo } from '../../main/store/history';
import { closePeriod } from '../../main/core/close';
import { tempDemo, auditCount } from '../helpers/workspace';

// Closing a month builds and archives its committee pack (a second or two; more on a busy machine).
vi.setConfig({ testTimeout: 30_000 });

const LDP = 'learning-disability-partnership';
let env: ReturnType<typeof tempDemo>;
afterEach(() => env?.done());

describe('months as snapshots', () => {
  it('rolls August forward to September in one step, then computes arrows and totals from September edits', () => {
    env = tempDemo();
    const { ws } = env.open();
    expect(rollForward(ws, '2023-08')).toEqual({ period: '2023-09', label: 'Roll forward August 2023 to September 2023', areas: ['kad', 'revenue', 'capital', 'reserves'] });
    const sept = kadTable(ws, '2023-09', LDP);
    const aug = kadTable(ws, '2023-08', LDP);
    expect(sept.previous?.period).toBe('2023-08');
    // Budget carried, actuals copied and marked as not yet updated; reported figures stay with August.
    const res = sept.lines.find((l) => l.key === 'residential')!;
    expect(res).toMatchObject({ expectedPackages: 24500, currentPackages: 23400, totalSpendK: 2865300, carried: ['currentPackages', 'currentUnitCost', 'totalSpendK'] });
    expect(aug.lines.find((l) => l.key === 'residential')!.carried).toEqual([]);
    // Care Contributions carry only money; a greyed line carries nothing to update.
    expect(sept.lines.find((l) => l.key === 'care_contributions')!.carried).toEqual(['totalSpendK']);
    expect(sept.lines.find((l) => l.key === 'residential_dementia')!.carried).toEqual([]);
    expect(sept.reported).toEqual([]);
    expect(() => rollForward(ws, '2023-08')).toThrow(/September 2023 already holds figures/);

    setKadCell(ws, { period: '2023-09', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    setKadCell(ws, { period: '2023-09', serviceId: LDP, lineKey: 'nursing', field: 'currentUnitCost', value: 479220 }, 'grid');
    const edited = kadTable(ws, '2023-09', LDP);
    const dots = computeDots(edited.lines, edited.previous!.lines, 'published');
    expect(dots.residential).toEqual({ packagesDot: 'up', unitCostDot: 'flat', outturnDot: 'flat' });
    // £4,792.20 displays as £4,792: a change invisible at the displayed precision is ↔.
    expect(dots.nursing!.unitCostDot).toBe('flat');
    expect(dots.respite).toEqual({ packagesDot: 'flat', unitCostDot: 'flat', outturnDot: 'flat' });
    expect(dots.residential_dementia).toEqual({ packagesDot: null, unitCostDot: null, outturnDot: null });
    expect(dots.total_expenditure).toEqual({ outturnDot: 'flat' });
    // Each figure keeps its own mark: updating Residential's packages leaves its unit cost and spend carried.
    expect(edited.lines.find((l) => l.key === 'residential')!.carried).toEqual(['currentUnitCost', 'totalSpendK']);
    expect(edited.lines.find((l) => l.key === 'nursing')!.carried).toEqual(['currentPackages', 'totalSpendK']);
    // Typing a carried figure again, unchanged, confirms it as September's: one audited step, the mark gone.
    const nursingSpend = edited.lines.find((l) => l.key === 'nursing')!.totalSpendK;
    setKadCell(ws, { period: '2023-09', serviceId: LDP, lineKey: 'nursing', field: 'totalSpendK', value: nursingSpend }, 'grid');
    expect(kadTable(ws, '2023-09', LDP).lines.find((l) => l.key === 'nursing')!.carried).toEqual(['currentPackages']);
    expect(ws.db.prepare(`SELECT field, old_value, new_value FROM audit_log WHERE op_id = (SELECT MAX(id) FROM operations) ORDER BY field`).all()).toEqual([{ field: 'total_spend_k_cf', old_value: '1', new_value: '0' }]);
    const [acc] = computeKadTotals(edited.lines);
    expect(acc!.currentPackages).toBe(26700);
    // August is untouched and still readable.
    expect(kadTable(ws, '2023-08', LDP).lines.find((l) => l.key === 'residential')!.currentPackages).toBe(23400);
    // Any month can be compared with any other.
    expect(kadTable(ws, '2023-09', LDP, '2023-08').comparison?.lines.find((l) => l.key === 'residential')!.currentPackages).toBe(23400);
  });

  it('has no arrows for the first month of a series and refuses to roll into a closed month', async () => {
    env = tempDemo();
    const { ws } = env.open();
    expect(kadTable(ws, '2023-08', LDP).previous).toBeNull();
    await closePeriod(ws, '2023-09');
    expect(() => rollForward(ws, '2023-08')).toThrow(/September 2023 is closed/);
    expect(kadTable(ws, '2023-08', 'autism').lines.length).toBeGreaterThan(0);
    expect(() => kadTable(ws, '2023-09', 'autism').lines).not.toThrow();
    expect(kadTable(ws, '2023-09', 'autism').lines).toEqual([]);
  });

  it('rolls across the year end into a new financial year', () => {
    env = tempDemo();
    const { ws } = env.open();
    let m = '2023-08';
    while (m !== '2024-04') m = rollForward(ws, m).period;
    expect(kadTable(ws, '2024-04', LDP).lines.find((l) => l.key === 'residential')!.expectedPackages).toBe(24500);
    expect(ws.db.prepare(`SELECT status FROM periods WHERE id = '2024-04'`).pluck().get()).toBe('open');
  });
});

describe('pasting and filling', () => {
  it('applies a block of cells as one undoable, audited step', () => {
    env = tempDemo();
    const { ws } = env.open();
    setKadCells(ws, { period: '2023-08', serviceId: LDP, cells: [
      { lineKey: 'residential', field: 'currentPackages', value: 24000 },
      { lineKey: 'residential', field: 'currentUnitCost', value: 230000 },
      { lineKey: 'nursing', field: 'currentPackages', value: 1000 },
    ] }, 'paste');
    const audit = listAudit(ws, 10);
    expect(audit.filter((a) => a.channel === 'paste' && a.entity === 'kad_line')).toHaveLength(3);
    expect(historyState(ws).undoLabel).toBe('Paste 3 cells in Learning Disability Partnership (August 2023)');
    undo(ws);
    const lines = kadTable(ws, '2023-08', LDP).lines;
    expect(lines.find((l) => l.key === 'residential')).toMatchObject({ currentPackages: 23400, currentUnitCost: 228900 });
    expect(lines.find((l) => l.key === 'nursing')!.currentPackages).toBe(900);
  });

  it('refuses the whole block when any cell is wrong, naming each refused cell', () => {
    env = tempDemo();
    const { ws } = env.open();
    const before = auditCount(ws);
    expect(() =>
      setKadCells(ws, { period: '2023-08', serviceId: LDP, cells: [
        { lineKey: 'residential', field: 'currentPackages', value: 24000 },
        { lineKey: 'residential_dementia', field: 'currentPackages', value: 100 },
        { lineKey: 'nursing', field: 'expectedPackages', value: -100 },
      ] }, 'paste'),
    ).toThrow(/Residential Dementia · Current Care Packages: Residential Dementia is not used .*; Nursing · Expected No\. of Care Packages: -1 is negative.*Nothing was saved\./);
    expect(auditCount(ws)).toBe(before);
    expect(kadTable(ws, '2023-08', LDP).lines.find((l) => l.key === 'residential')!.currentPackages).toBe(23400);
  });
});

describe('services and types are data', () => {
  it('retires an unused-but-blank type from a month and refuses one that holds figures', () => {
    env = tempDemo();
    const { ws } = env.open();
    rollForward(ws, '2023-08');
    expect(() => setTypeInUse(ws, { serviceId: LDP, typeId: 'nursing', fromPeriod: '2023-09', inUse: false })).toThrow(/Nursing still holds figures for Learning Disability Partnership in September 2023\. Clear them first/);
    setKadCells(ws, { period: '2023-09', serviceId: LDP, cells: (['expectedPackages', 'budgetUnitCost', 'annualBudgetK', 'currentPackages', 'currentUnitCost', 'totalSpendK'] as const).map((field) => ({ lineKey: 'nursing', field, value: null })) }, 'grid');
    const config = setTypeInUse(ws, { serviceId: LDP, typeId: 'nursing', fromPeriod: '2023-09', inUse: false });
    expect(config.services.find((s) => s.id === LDP)!.typesInUse).not.toContain('nursing');
    expect(kadConfig(ws, '2023-08').services.find((s) => s.id === LDP)!.typesInUse).toContain('nursing');
    // Carried into later months by roll forward.
    rollForward(ws, '2023-09');
    expect(kadTable(ws, '2023-10', LDP).lines.find((l) => l.key === 'nursing')!.inUse).toBe(false);
    // And undoable.
    expect(historyState(ws).undoLabel).toMatch(/Retire Nursing for Learning Disability Partnership from September 2023/);
  });

  it('adds a service with its own types from a month that has data', () => {
    env = tempDemo();
    const { ws } = env.open();
    expect(() => addService(ws, { name: 'Sensory Impairment', fromPeriod: '2023-10', typeIds: ['homecare'] })).toThrow(/latest month with data is August 2023/);
    const config = addService(ws, { name: 'Sensory Impairment', fromPeriod: '2023-08', typeIds: ['homecare', 'day_care'] });
    const added = config.services.find((s) => s.id === 'sensory-impairment')!;
    expect(added.typesInUse).toEqual(['homecare', 'day_care']);
    expect(added.caption).toBe('Key activity data at the end of August 2023 for Sensory Impairment is shown below:');
    setKadCell(ws, { period: '2023-08', serviceId: 'sensory-impairment', lineKey: 'homecare', field: 'currentPackages', value: 1200 }, 'grid');
    expect(() => addService(ws, { name: 'sensory impairment', fromPeriod: '2023-08', typeIds: [] })).toThrow(/already a service/);
    expect(listAudit(ws, 100).some((a) => a.entity === 'kad_service' && a.newValue === 'Sensory Impairment')).toBe(true);
  });
});

describe('settings, checks and run rate', () => {
  it('keeps documented defaults, validates changes and audits them', () => {
    env = tempDemo();
    const { ws } = env.open();
    expect(kadSettings(ws)).toEqual({ averagingRule: 'published', spendTolerancePct: 25, movementPct: 10, runRateWeeks: 52.14 });
    expect(updateKadSettings(ws, { movementPct: 5 }).movementPct).toBe(5);
    expect(() => updateKadSettings(ws, { movementPct: -1 })).toThrow(/cannot be saved/);
    expect(listAudit(ws, 5)[0]).toMatchObject({ entity: 'setting', entityKey: 'kad.movementPct', newValue: '5' });
  });

  it('flags movement since last month above the threshold and carried-forward actuals', () => {
    env = tempDemo();
    const { ws } = env.open();
    rollForward(ws, '2023-08');
    setKadCell(ws, { period: '2023-09', serviceId: 'autism', lineKey: 'homecare', field: 'currentPackages', value: 4000 }, 'grid');
    const findings = kadChecks(ws, '2023-09');
    const movement = findings.filter((f) => f.rule === 'movement');
    expect(movement).toEqual([expect.objectContaining({ table: 'Autism', row: 'Homecare', column: 'Current Care Packages', reported: '33 last month', computed: '40 (21% change, threshold 10%)' })]);
    const carried = findings.filter((f) => f.rule === 'actuals-not-updated');
    // One finding per line in use, naming the figures of it still carried (Homecare's packages are updated).
    expect(carried).toHaveLength(ws.db.prepare(`SELECT COUNT(*) FROM kad_lines WHERE period = '2023-09' AND in_use = 1`).pluck().get() as number);
    expect(carried.find((f) => f.table === 'Autism' && f.row === 'Homecare')).toMatchObject({ column: 'Current Average Unit Cost (per week), Total spend/ income', computed: '2 figures still as carried forward from last month' });
    expect(carried.find((f) => f.table === 'Autism' && f.row === 'Care Contributions')).toMatchObject({ column: 'Total spend/ income', computed: 'still as carried forward from last month' });
    updateKadSettings(ws, { movementPct: 25 });
    expect(kadChecks(ws, '2023-09').filter((f) => f.rule === 'movement')).toEqual([]);
  });

  it('reports a missing month', () => {
    env = tempDemo();
    const { ws } = env.open();
    rollForward(ws, '2023-08');
    rollForward(ws, '2023-09');
    ws.write({ channel: 'cli', label: 'drop September' }, () => ws.db.prepare(`DELETE FROM kad_lines WHERE period = '2023-09'`).run());
    expect(kadChecks(ws, '2023-10').filter((f) => f.rule === 'missing-month').map((f) => f.row)).toEqual(['September 2023']);
  });

  it('computes the run rate at 52.14 weeks without touching the officer figures', () => {
    env = tempDemo();
    const { ws } = env.open();
    const res = kadTable(ws, '2023-08', LDP).lines.find((l) => l.key === 'residential')!;
    // 234 × £2,289 × 52.14 = £27,927,539.64 → £27,927.54k
    expect(runRate([res], 52.14)).toEqual({ runRateK: 2792754, vsBudgetK: 2792754 - 2894200, vsOutturnK: 2792754 - 2865300 });
  });

  it('charts packages and average weekly cost per month over a chosen range', () => {
    env = tempDemo();
    const { ws } = env.open();
    rollForward(ws, '2023-08');
    setKadCell(ws, { period: '2023-09', serviceId: LDP, lineKey: 'residential', field: 'currentPackages', value: 24000 }, 'grid');
    const trend = kadTrend(ws, LDP, '2023-04', '2023-09');
    expect(trend.points.map((p) => p.period)).toEqual(['2023-08', '2023-09']);
    expect(trend.points[1]!.accommodation.packages).toBe(26700);
    expect(trend.points[0]!.community).toEqual({ packages: 228900, unitCost: 64647 });
    expect(() => kadTrend(ws, LDP, '2023-09', '2023-04')).toThrow(/starts \(September 2023\) after it ends/);
  });
});
