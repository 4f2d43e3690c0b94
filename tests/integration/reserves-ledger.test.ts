import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { closePeriod, reopenPeriod } from '../../main/core/close';
import { rollForwardMonth } from '../../main/core/months';
import { rollOverYear, yearEndPreview } from '../../main/core/year-end';
import { undo } from '../../main/store/history';
import { methodSpec } from '../../shared/api/contract';
import { UserError } from '../../shared/api/errors';
import type { ReservesSchedules } from '../../shared/areas/reserves/api';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

/**
 * The earmarked reserves ledger through the API the app calls: every movement is an audited entry,
 * never an edited balance; a reserve cannot go below zero unless an officer confirms a deficit with a
 * reason; a closed month refuses; the year-end rollover opens the next year at the closing balances.
 */
const demo = demoPerTest();
const k = (v: number) => v * 100;

function row(s: ReservesSchedules, name: string) {
  const r = s.schedules.flatMap((x) => x.rows).find((x) => x.name === name);
  if (!r) throw new Error(`no reserve ${name}`);
  return r;
}

function setup() {
  const session = demo.open();
  const api = createHandlers(session);
  // As the transports call it: the contract's schema first (defaults, trimming, refusals), then the handler.
  const call = <T>(method: string, input: unknown): T => {
    const parsed = methodSpec(method)!.input.safeParse(input);
    if (!parsed.success) throw new UserError('invalid_input', parsed.error.issues.map((i) => i.message).join('; '));
    return (api as unknown as Record<string, (i: unknown, c: { channel: 'grid' }) => T>)[method]!(parsed.data, { channel: 'grid' });
  };
  const audit = (sql: string, ...args: unknown[]) => session.ws.db.prepare(`SELECT COUNT(*) FROM ${AUDIT_CELLS} a WHERE ${sql}`).pluck().get(...args) as number;
  const ids = (name: string) => session.ws.db.prepare('SELECT id FROM reserves_register WHERE name = ?').pluck().get(name) as string;
  return { session, call, audit, ids };
}

describe('the reserves ledger', () => {
  it('records a drawdown as a new entry: the balance is opening + movements, nothing is edited, and the step is audited', () => {
    const { session, call, audit, ids } = setup();
    const before = session.ws.db.prepare('SELECT COUNT(*) FROM reserves_entries').pluck().get() as number;
    const updatesBefore = audit(`entity = 'reserve_entry' AND action = 'update'`);
    const s = call<ReservesSchedules>('reserves.addEntry', { period: '2023-08', reserveId: ids('Debt reserve'), kind: 'drawdown', amount: k(-100), reference: 'JNL 4411', note: 'Write-off of old debt' });
    expect(session.ws.db.prepare('SELECT COUNT(*) FROM reserves_entries').pluck().get()).toBe(before + 1);
    const debt = row(s, 'Debt reserve');
    expect(debt).toMatchObject({ opening: k(809), movements: k(-100), balance: k(709), forecast: k(400) });
    expect(debt.balance).toBe(debt.opening! + debt.movements!);
    // The AHC total moves with it; the published figure stays as reported beside it.
    const ahc = s.schedules[0]!;
    expect(ahc.totals).toEqual({ opening: k(7511), movements: k(-100), forecast: k(3181) });
    expect(ahc.reported).toEqual({ opening: k(7511), movements: 0, forecast: k(3281) });
    // Audited: one insert of each non-blank column, the write context's channel, no update of any entry.
    expect(audit(`entity = 'reserve_entry' AND action = 'insert' AND field = 'amount' AND new_value = '-10000' AND channel = 'grid'`)).toBe(1);
    expect(audit(`entity = 'reserve_entry' AND action = 'insert' AND field = 'reference' AND new_value = 'JNL 4411'`)).toBe(1);
    expect(audit(`entity = 'reserve_entry' AND action = 'update'`)).toBe(updatesBefore);
    const op = session.ws.db.prepare('SELECT label, undoable FROM operations ORDER BY id DESC LIMIT 1').get() as { label: string; undoable: number };
    expect(op).toEqual({ label: "Debt reserve: drawdown -100 (£'000), August 2023", undoable: 1 });
    undo(session.ws);
    expect(row(call<ReservesSchedules>('reserves.schedules', { period: '2023-08' }), 'Debt reserve').movements).toBe(0);
  });

  it('refuses a drawdown that would take the balance below zero, changing nothing, then records it when confirmed as a deficit with a reason', () => {
    const { session, call, audit, ids } = setup();
    const entries = () => session.ws.db.prepare('SELECT COUNT(*) FROM reserves_entries').pluck().get() as number;
    const before = entries();
    const auditBefore = audit('1');
    const input = { period: '2023-08', reserveId: ids('Discharge reserve'), kind: 'drawdown', amount: k(-600) };
    let refusal: unknown;
    try {
      call('reserves.addEntry', input);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).code).toBe('reason_required');
    expect((refusal as UserError).message).toBe(
      "This would take Discharge reserve below zero: its balance at the end of August 2023 would be -100 (£'000). A reserve cannot go below zero unless you record it as a deficit: confirm it as a deficit and give the reason.",
    );
    expect(entries()).toBe(before);
    expect(audit('1')).toBe(auditBefore);
    expect(() => call('reserves.addEntry', { ...input, deficit: { reason: ' ' } })).toThrow(/reason/);

    const s = call<ReservesSchedules>('reserves.addEntry', { ...input, deficit: { reason: 'Hospital discharge spend agreed by the ICB before the grant arrives' } });
    expect(row(s, 'Discharge reserve')).toMatchObject({ balance: k(-100), forecast: k(-600), deficitReason: 'Hospital discharge spend agreed by the ICB before the grant arrives' });
    expect(audit(`entity = 'reserve_entry' AND field = 'deficit_reason' AND new_value = ?`, 'Hospital discharge spend agreed by the ICB before the grant arrives')).toBe(1);
    expect(session.ws.db.prepare('SELECT label FROM operations ORDER BY id DESC LIMIT 1').pluck().get()).toBe("Discharge reserve: drawdown -600 (£'000), August 2023 — confirmed as a deficit");
  });

  it('refuses a drawdown that keeps today’s balance positive but takes the forecast year-end balance below zero', () => {
    const { call, ids } = setup();
    // Learning Disability pooled budget reserve: 1,538, forecast 413 after the 1,125 still planned.
    expect(() => call('reserves.addEntry', { period: '2023-08', reserveId: ids('Learning Disability pooled budget reserve'), kind: 'drawdown', amount: k(-500) })).toThrow(
      "This would take Learning Disability pooled budget reserve below zero: its forecast year-end balance as at August 2023 would be -87 (£'000).",
    );
  });

  it('moves money between two reserves in one step: a transfer out and the matching transfer in', () => {
    const { session, call, ids } = setup();
    const s = call<ReservesSchedules>('reserves.addEntry', { period: '2023-08', reserveId: ids('Uncommitted PH reserves'), kind: 'transfer_out', amount: k(-9), toReserveId: ids('Public Health Emergency Planning'), reference: 'PH reserve review' });
    expect(row(s, 'Uncommitted PH reserves')).toMatchObject({ movements: k(-120), forecast: k(700) });
    expect(row(s, 'Public Health Emergency Planning')).toMatchObject({ movements: k(9), forecast: k(9) });
    expect(s.schedules[1]!.totals.forecast).toBe(k(4578));
    const op = session.ws.db.prepare('SELECT id FROM operations ORDER BY id DESC LIMIT 1').pluck().get() as number;
    expect(session.ws.db.prepare(`SELECT COUNT(DISTINCT entity_key) FROM ${AUDIT_CELLS} a WHERE op_id = ? AND entity = 'reserve_entry'`).pluck().get(op)).toBe(2);
  });

  it('refuses a movement of the wrong sign, or planned for a month that is not later in the year, in words', () => {
    const { call, ids } = setup();
    const id = ids('Best Start in Life');
    expect(() => call('reserves.addEntry', { period: '2023-08', reserveId: id, kind: 'drawdown', amount: k(35) })).toThrow('Best Start in Life: a drawdown takes money out of the reserve, so its amount is negative. Nothing was recorded.');
    expect(() => call('reserves.addEntry', { period: '2023-08', reserveId: id, kind: 'drawdown', amount: k(-5), planned: true, expectedPeriod: '2023-07' })).toThrow(/expected after August 2023/);
  });

  it('counts a planned drawdown in the forecast year-end balance only', () => {
    const { call, ids } = setup();
    const s = call<ReservesSchedules>('reserves.addEntry', { period: '2023-08', reserveId: ids('Traveller Health'), kind: 'drawdown', amount: k(-10), planned: true, expectedPeriod: '2023-12' });
    expect(row(s, 'Traveller Health')).toMatchObject({ opening: k(30), movements: null, balance: k(30), forecast: k(10) });
  });

  it('refuses every change to a closed month, naming who closed it, whatever the route', async () => {
    const { session, call, ids } = setup();
    await closePeriod(session.ws, '2023-08');
    const closed = /August 2023 is closed \(closed without sign-off by .+ on \d{4}-\d{2}-\d{2}\)\. Reopen it before changing its figures\./;
    expect(() => call('reserves.addEntry', { period: '2023-08', reserveId: ids('Debt reserve'), kind: 'drawdown', amount: k(-1) })).toThrow(closed);
    expect(() => call('reserves.setDisplay', { period: '2023-08', directorateId: 'ph', display: 'zero' })).toThrow(closed);
    expect(() => call('reserves.setGrantAmounts', { period: '2023-08', directorateId: 'ahc', cells: [{ key: 'public-health', value: k(54) }] })).toThrow(closed);
    expect(() => call('reserves.setVirementAmounts', { period: '2023-08', directorateId: 'ahc', cells: [{ rowKey: 'business-plan', value: k(1) }] })).toThrow(closed);
    // Past the API, the store's guard: a raw write to an entry of the closed month is refused too.
    expect(() =>
      session.ws.write({ channel: 'grid', label: 'probe' }, () => session.ws.db.prepare(`UPDATE reserves_entries SET amount = amount - 100 WHERE period = '2023-08'`).run()),
    ).toThrow(closed);
    // Renaming a reserve afterwards leaves the closed month's schedule as it closed.
    call('reserves.updateReserve', { period: '2023-08', reserveId: ids('Debt reserve'), name: 'ASC debt reserve' });
    expect(row(call<ReservesSchedules>('reserves.schedules', { period: '2023-08' }), 'Debt reserve').opening).toBe(k(809));
    reopenPeriod(session.ws, '2023-08', 'late journal');
    expect(row(call<ReservesSchedules>('reserves.schedules', { period: '2023-08' }), 'ASC debt reserve').opening).toBe(k(809));
  });

  it('runs on into the next month without copying a balance: September shows August’s movements', () => {
    const { session, call } = setup();
    rollForwardMonth(session.ws, '2023-08');
    const s = call<ReservesSchedules>('reserves.schedules', { period: '2023-09' });
    expect(s.held).toBe(true);
    expect(s.schedules[1]!.totals).toEqual({ opening: k(7855), movements: k(-672), forecast: k(4578) });
    expect(s.schedules[1]!.reported).toEqual({ opening: null, movements: null, forecast: null });
  });

  it('adds a reserve with its opening balance entered, as one audited step', () => {
    const { call, audit } = setup();
    const s = call<ReservesSchedules>('reserves.addReserve', { period: '2023-08', directorateId: 'ph', category: 'Miscellaneous:', name: 'Health Protection surge', description: 'Outbreak response', opening: k(75) });
    expect(row(s, 'Health Protection surge')).toMatchObject({ opening: k(75), movements: null, forecast: k(75), category: 'Miscellaneous:' });
    expect(audit(`entity = 'reserve' AND field = 'name' AND new_value = 'Health Protection surge'`)).toBe(1);
    expect(audit(`entity = 'reserve_entry' AND field = 'kind' AND new_value = 'opening' AND op_id = (SELECT MAX(id) FROM operations)`)).toBe(1);
    expect(() => call('reserves.addReserve', { period: '2023-08', directorateId: 'ph', name: 'Traveller Health', opening: 0 })).toThrow('Public Health already has a reserve called "Traveller Health".');
  });
});

describe('the year-end rollover', () => {
  it('creates the next financial year with each reserve opening at its closing balance, and budgets left for the Business Plan', () => {
    const { session, call, ids, audit } = setup();
    // March's actual drawdown of the Debt reserve: 809 - 309 = 500 at the year end.
    rollForwardMonth(session.ws, '2023-08');
    call('reserves.addEntry', { period: '2023-09', reserveId: ids('Debt reserve'), kind: 'drawdown', amount: k(-309) });
    const preview = yearEndPreview(session.ws, '2023-24');
    expect(preview.toYear).toBe('2024-25');
    const lines = preview.areas.find((a) => a.area === 'reserves')!.lines;
    expect(lines[0]).toBe("Adults, Health and Commissioning: 4 earmarked reserves open 2024/25 at their 2023/24 closing balances, 7,202 £'000 in all.");
    expect(lines[1]).toBe("Public Health: 31 earmarked reserves open 2024/25 at their 2023/24 closing balances, 7,183 £'000 in all.");
    expect(lines).toContain('Grants and virements start 2024/25 empty; the budget as per the Business Plan awaits the new Business Plan.');

    const summary = rollOverYear(session.ws, '2023-24', 'grid');
    expect(summary.label).toBe('Year-end rollover from 2023/24 to 2024/25');
    const months = session.ws.db.prepare(`SELECT id FROM periods WHERE id >= '2024-04' ORDER BY id`).pluck().all();
    expect(months).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    const april = call<ReservesSchedules>('reserves.schedules', { period: '2024-04' });
    expect(row(april, 'Debt reserve')).toMatchObject({ opening: k(500), movements: 0, forecast: k(500) });
    expect(row(april, 'Best Start in Life')).toMatchObject({ opening: k(156), movements: null });
    expect(april.schedules.map((s) => s.totals.opening)).toEqual([k(7202), k(7183)]);
    expect(audit(`entity = 'reserve_entry' AND field = 'reference' AND new_value = 'Closing balance 2023/24 brought forward'`)).toBe(35);
    // Budgets await the Business Plan: no virements, no Business Plan budget, no grants in the new year.
    expect(session.ws.db.prepare(`SELECT COUNT(*) FROM reserves_virements WHERE period >= '2024-04'`).pluck().get()).toBe(0);
    expect(session.ws.db.prepare(`SELECT COUNT(*) FROM reserves_months WHERE period = '2024-04' AND business_plan_budget IS NOT NULL`).pluck().get()).toBe(0);
    expect(() => rollOverYear(session.ws, '2023-24', 'grid')).toThrow('2023/24 has already been rolled over into 2024/25.');
  });

  it('is a command: --dry-run says what it would do and changes nothing; without it, it rolls the year over', async () => {
    const { file } = demo.fresh();
    const dry = await cli('year-end', file, '--from', '2023-24', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Would do: Year-end rollover from 2023/24 to 2024/25.');
    expect(dry.out).toContain("Reserves, grants and virements: Adults, Health and Commissioning: 4 earmarked reserves open 2024/25 at their 2023/24 closing balances, 7,511 £'000 in all.");
    // Nothing but August's movements are actual in the demo: the rest of the year's planned drawdowns lapse.
    expect(dry.out).toContain('reserves still expect planned movements never recorded as actual (-6,835 £');
    // 7,511 (AHC, no movement) + 7,855 - 672 (PH, its movements to August).
    const real = await cli('year-end', file, '--from', '2023-24');
    expect([real.code, real.err]).toEqual([0, '']);
    expect(real.out).toContain("35 earmarked reserves opened 2024/25 at 14,694 £'000 in all, their 2023/24 closing balances.");
    expect(await cli('year-end', file, '--from', '2023-24')).toMatchObject({ code: 1, err: '2023/24 has already been rolled over into 2024/25.\n' });
    expect(await cli('year-end', file, '--from', '2023')).toMatchObject({ code: 1, err: '--from: give the financial year as YYYY-YY, for example 2023-24\n' });
  });
});
