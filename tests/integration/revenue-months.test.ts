import { describe, expect, it } from 'vitest';
import { directorateNetBudget, lineFigures } from '../../main/areas/revenue/queries';
import { revenueArea } from '../../main/areas/revenue/area';
import { revenueChecks } from '../../main/areas/revenue/checks';
import { revenueCommentaries, revenueNarratives, revenueTable, setRevenueCells, setRevenueCommentary } from '../../main/areas/revenue/service';
import { updateRevenueSettings } from '../../main/areas/revenue/settings';
import { previousFmrMonth } from '../../main/areas/revenue/repository';
import { insertPeriods } from '../../main/store/periods';
import { rollForwardMonth } from '../../main/core/months';
import { closePeriod } from '../../main/core/close';
import { readReference } from '../helpers/reference';
import { demoPerTest } from '../helpers/workspace';

const demos = demoPerTest();
const PSW = 'ahc:principal-social-worker';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ph = readReference<{ rows: any[] }>('appendix-1b-ph-budget-lines.json');
const published = (label: string) => ph.rows.find((r) => r.budget_line === label);

describe('revenue across months', () => {
  it('rolls August forward: budgets carried, previous variance from August, commentaries and narrative as drafts', () => {
    const { ws } = demos.open();
    expect(rollForwardMonth(ws, '2023-08').areas).toContain('revenue');
    const sep = revenueTable(ws, '2023-09', 'ahc');
    const aug = revenueTable(ws, '2023-08', 'ahc');
    expect(sep.previous).toEqual({ source: 'computed', period: '2023-08', periodLabel: 'August 2023' });
    expect(sep.lines.map((l) => [l.key, l.grossBudget, l.incomeBudget])).toEqual(aug.lines.map((l) => [l.key, l.grossBudget, l.incomeBudget]));
    // September's previous column is August's variance (Principal Social Worker: 40), not August's own previous (29).
    expect(sep.lines.find((l) => l.key === PSW)!.previousVariance).toBe(4000);
    setRevenueCells(ws, { period: '2023-08', directorateId: 'ahc', cells: [{ lineKey: PSW, field: 'forecastVariance', value: 5000 }] }, 'grid');
    expect(revenueTable(ws, '2023-09', 'ahc').lines.find((l) => l.key === PSW)!.previousVariance).toBe(5000);
    // A save answers with the lines it named, exactly as the whole table now holds them (previous variance included).
    const saved = setRevenueCells(ws, { period: '2023-09', directorateId: 'ahc', cells: [{ lineKey: PSW, field: 'actual', value: 1234 }, { lineKey: PSW, field: 'forecastVariance', value: 4500 }] }, 'grid');
    expect(saved).toEqual({ period: '2023-09', directorateId: 'ahc', lines: [revenueTable(ws, '2023-09', 'ahc').lines.find((l) => l.key === PSW)], lockedReason: null });
    expect(saved.lines[0]).toMatchObject({ actual: 1234, forecastVariance: 4500, previousVariance: 5000, previousSource: 'computed' });
    expect(ws.db.prepare(`SELECT field, new_value FROM audit_log WHERE entity = 'revenue_line' AND period = '2023-09' AND action = 'update' AND entity_key LIKE ? ORDER BY id`).all(`%${PSW}%`)).toEqual([
      { field: 'actual', new_value: '1234' },
      { field: 'forecast_variance', new_value: '4500' },
    ]);
    const c = revenueCommentaries(ws, '2023-09');
    expect(c.commentaries).toHaveLength(8);
    expect(c.commentaries.every((x) => x.carried)).toBe(true);
    expect(revenueNarratives(ws, '2023-09').narratives.every((n) => n.carried)).toBe(true);
    expect(revenueArea.notReady!(ws, '2023-09')).toEqual(['8 commentaries are still last month\'s text, carried forward as a draft.', '4 narrative sections are still last month\'s text, carried forward as a draft.']);
    // September holds no reported values: no published errors are carried into it.
    expect(revenueChecks(ws, '2023-09')).toEqual([]);
    // Editing a carried draft makes it this month's text.
    setRevenueCommentary(ws, { period: '2023-09', subjectKey: c.commentaries[0]!.subjectKey, body: 'September text.' }, 'grid');
    expect(revenueCommentaries(ws, '2023-09').commentaries[0]).toMatchObject({ body: 'September text.', carried: false });
    const audit = ws.db.prepare(`SELECT field, old_value, new_value, channel FROM audit_log WHERE entity = 'revenue_commentary' AND period = '2023-09' AND action = 'update' ORDER BY id`).all();
    expect(audit).toEqual(expect.arrayContaining([{ field: 'body', old_value: expect.any(String), new_value: 'September text.', channel: 'grid' }, { field: 'carried', old_value: '1', new_value: '0', channel: 'grid' }]));
  });

  it('shows May without a previous variance (no April FMR), and flags a previous column that differs from the month held', () => {
    const { ws } = demos.open();
    expect(revenueTable(ws, '2023-05', 'ahc').previous.source).toBe('none');
    rollForwardMonth(ws, '2023-08');
    // A file for September stating a previous variance for Principal Social Worker other than August's 40.
    ws.write({ channel: 'import', label: 'test import', period: '2023-09' }, () => {
      ws.db.prepare(`INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, source) VALUES ('2023-09', 'revenue', 'ahc', ?, 'previousVariance', ?, 'file')`).run(PSW, 2900);
    });
    expect(revenueChecks(ws, '2023-09').map((f) => [f.row, f.column, f.reported, f.computed, f.rule])).toEqual([['Principal Social Worker', 'Forecast Outturn Variance (Previous)', '29', '40', 'previous-variance-mismatch']]);
  });

  it('freezes the percentage bases and the commentary rule with a closed month', async () => {
    const { ws } = demos.open();
    expect(revenueArea.freeze!(ws, '2023-08')).toEqual({
      'revenue.pctBaseAppendix1': 'abs_net', 'revenue.pctBaseSummary': 'gross', 'revenue.pctBaseCommentary': 'gross',
      'revenue.commentaryBase': 'abs_net', 'revenue.commentaryPct': '200', 'revenue.commentaryMinimum': '10000',
    });
    await closePeriod(ws, '2023-08', 'grid');
    updateRevenueSettings(ws, { pctBaseAppendix1: 'gross' });
    // The closed month keeps |net|: Executive Director -293 / |-30,488| = -0.96%.
    expect(revenueTable(ws, '2023-08', 'ahc').settings.pctBaseAppendix1).toBe('abs_net');
    expect(() => setRevenueCells(ws, { period: '2023-08', directorateId: 'ahc', cells: [{ lineKey: PSW, field: 'actual', value: 1 }] }, 'grid')).toThrow(/August 2023 is closed/);
    // Closing writes and archives the committee pack: slow on a loaded machine.
  }, 60_000);

  it('refuses a positive income or an unknown line, naming it, and changes nothing', () => {
    const { ws } = demos.open();
    const before = ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    expect(() => setRevenueCells(ws, { period: '2023-08', directorateId: 'ahc', cells: [{ lineKey: PSW, field: 'actual', value: 100 }, { lineKey: PSW, field: 'incomeBudget', value: 500 }] }, 'paste')).toThrow(
      'Adults, Health and Commissioning, August 2023: Principal Social Worker · Income Budget: 5 is positive, but income is entered as a negative figure (as published). Nothing was saved.',
    );
    expect(() => setRevenueCells(ws, { period: '2023-08', directorateId: 'ahc', cells: [{ lineKey: 'ahc:nope', field: 'actual', value: 1 }] }, 'grid')).toThrow(/ahc:nope · Actual: Adults, Health and Commissioning has no such line/);
    // A line of the other directorate is no line of this one.
    expect(() => setRevenueCells(ws, { period: '2023-08', directorateId: 'ph', cells: [{ lineKey: PSW, field: 'actual', value: 1 }] }, 'grid')).toThrow(/ahc:principal-social-worker · Actual: Public Health has no such line/);
    expect(ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('refuses a save to a month holding no budget lines, and takes the previous variance from the latest month that holds them', () => {
    const { ws } = demos.open();
    // September is a month of the workspace (another area's, say) with no revenue lines; October is rolled from nothing.
    ws.write({ channel: 'grid', label: 'Add September' }, () => insertPeriods(ws, ['2023-09', '2023-10']));
    const before = ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    expect(() => setRevenueCells(ws, { period: '2023-09', directorateId: 'ahc', cells: [{ lineKey: PSW, field: 'actual', value: 1 }] }, 'grid')).toThrow('Adults, Health and Commissioning has no budget lines in September 2023.');
    expect(ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(before);
    expect(previousFmrMonth(ws, '2023-10')).toBe('2023-08');
    expect(previousFmrMonth(ws, '2023-08')).toBeNull();
  });

  it('answers other areas through queries.ts: a directorate net budget, a line by key or label', () => {
    const { ws } = demos.open();
    // 1.2.1 / virements 5.2.1: Budget 23/24 213,701; the lines give 342,893 - 129,192 (CHECKS.md §1).
    expect(directorateNetBudget(ws, '2023-08', 'ahc')).toBe(21370100);
    expect(directorateNetBudget(ws, '2023-09', 'ahc')).toBeNull();
    // CHECKS.md §10: 1b 'Drawdown from reserves' actual -674; COMF gross budget 4,546.
    expect(lineFigures(ws, '2023-08', { lineKey: 'ph:drawdown-from-reserves' })).toMatchObject({ label: 'Drawdown from reserves', actual: published('Drawdown from reserves').actual * 100, grossBudget: -322700 });
    expect(lineFigures(ws, '2023-08', { directorateId: 'ph', label: 'Contain Outbreak Management Fund' })!.grossBudget).toBe(published('Contain Outbreak Management Fund').gross_budget * 100);
    expect(lineFigures(ws, '2023-08', { lineKey: 'ph:nothing' })).toBeNull();
  });
});
