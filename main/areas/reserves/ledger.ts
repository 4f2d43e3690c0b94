import { UserError } from '../../../shared/api/errors';
import { SIGN_LEGEND, type EntryInput, type ReserveLedger, type ReservesSchedules } from '../../../shared/areas/reserves/api';
import { scheduleTitle, tableRef } from '../../../shared/areas/reserves/checks';
import { reserveHistory } from '../../../shared/areas/reserves/history';
import { reservesTarget, RESERVES_AREA_NAME } from '../../../shared/areas/reserves/ids';
import { keyFor } from '../../../shared/keys';
import { breachesOf, breachMessage, ENTRY_KIND_LABELS, entryProblem } from '../../../shared/areas/reserves/ledger';
import { scheduleRows, scheduleTotals, type NoMovementDisplay } from '../../../shared/areas/reserves/schedule';
import { financialYearOf, monthLabel } from '../../../shared/periods';
import { formatValue } from '../../../shared/units';
import type { Channel, Workspace } from '../../store/workspace';
import { entryInserter, getReserve, hasReserves, insertReserve, listDirectorates, listReserves, monthRows, reportedValues, upsertMonth, yearEntries, type NewEntry } from './repository';
import { requirePeriod } from '../../store/periods';

/** The earmarked reserves: the schedules worked out from the ledger, and every change to the ledger. */

export function lockedReason(ws: Workspace, period: string): string | null {
  if (ws.readOnly) return ws.readOnlyReason;
  const closed = ws.closedReason(period);
  return closed ? `${closed}.` : null;
}

export const fyLabelOf = (period: string) => financialYearOf(period).replace('-', '/');

export function requireHeld(ws: Workspace, period: string): void {
  requirePeriod(ws, period);
  if (!hasReserves(ws, period)) throw new UserError('not_found', `${RESERVES_AREA_NAME} are not held for ${monthLabel(period)} yet: roll the month forward or import them first.`);
}

export function reservesSchedules(ws: Workspace, period: string): ReservesSchedules {
  const directorates = listDirectorates(ws);
  const months = new Map(monthRows(ws, period).map((m) => [m.directorateId, m]));
  const register = listReserves(ws, period);
  const entries = yearEntries(ws, financialYearOf(period));
  const schedules = directorates
    .filter((d) => months.has(d.id))
    .map((d, index) => {
      const display = months.get(d.id)!.display;
      const rows = scheduleRows(register.filter((r) => r.directorateId === d.id), entries, period, display);
      const reported = reportedValues(ws, period, `schedule:${d.id}`);
      return {
        directorate: { id: d.id, name: d.name },
        ref: tableRef(3, index),
        title: scheduleTitle(index, d),
        display,
        rows,
        totals: scheduleTotals(rows, display),
        reported: { opening: reported.get('total|opening') ?? null, movements: reported.get('total|movements') ?? null, forecast: reported.get('total|forecast') ?? null },
        histories: rows.map((r) => reserveHistory(r.name, entries.filter((e) => e.reserveId === r.reserveId), period)),
      };
    });
  return {
    period,
    periodLabel: monthLabel(period),
    fyLabel: fyLabelOf(period),
    held: months.size > 0,
    lockedReason: lockedReason(ws, period),
    schedules,
    reserves: listReserves(ws),
    directorates: directorates.map((d) => ({ id: d.id, name: d.name })),
    legend: [...SIGN_LEGEND],
  };
}

function requireReserve(ws: Workspace, id: string) {
  const r = getReserve(ws, id);
  if (!r) throw new UserError('not_found', `There is no earmarked reserve "${id}".`);
  return r;
}

export function reserveLedger(ws: Workspace, period: string, reserveId: string): ReserveLedger {
  const reserve = requireReserve(ws, reserveId);
  const entries = yearEntries(ws, financialYearOf(period), reserveId).filter((e) => e.period <= period);
  return { reserve, period, entries, history: reserveHistory(reserve.name, entries, period) };
}

const money = (v: number) => `${formatValue(v, 'gbp_000q')} (£'000)`;

/**
 * Records a movement (or a planned one, an opening balance, a transfer between two reserves) as new
 * ledger entries in one audited, undoable step. Refused, changing nothing, when it would take a reserve's
 * balance or forecast year-end balance below zero, unless the officer confirms it as a deficit with a reason.
 */
export function addEntry(ws: Workspace, input: EntryInput, channel: Channel): ReservesSchedules {
  const period = input.period;
  requireHeld(ws, period);
  const reserve = requireReserve(ws, input.reserveId);
  const base: NewEntry = {
    reserveId: reserve.id,
    period,
    kind: input.kind,
    amount: input.amount,
    planned: input.planned ?? false,
    expectedPeriod: input.expectedPeriod ?? null,
    reference: input.reference || null,
    note: input.note || null,
    deficitReason: null,
  };
  const problem = entryProblem(base);
  if (problem) throw new UserError('invalid_input', `${reserve.name}: ${problem}. Nothing was recorded.`);
  const added: NewEntry[] = [base];
  if (input.toReserveId) {
    if (input.kind !== 'transfer_out') throw new UserError('invalid_input', `${reserve.name}: only a transfer out goes to another reserve. Nothing was recorded.`);
    const to = requireReserve(ws, input.toReserveId);
    if (to.id === reserve.id) throw new UserError('invalid_input', `${reserve.name}: a transfer goes to another reserve. Nothing was recorded.`);
    added.push({ ...base, reserveId: to.id, kind: 'transfer_in', amount: -base.amount, reference: base.reference ?? `Transfer from ${reserve.name}` });
  }
  const fy = financialYearOf(period);
  const held = yearEntries(ws, fy, reserve.id);
  const breaches = breachesOf(held, [base]);
  if (breaches.length) {
    if (!input.deficit) throw new UserError('reason_required', breachMessage(reserve.name, breaches[0]!), { reserveId: reserve.id, breach: breaches[0] });
    base.deficitReason = input.deficit.reason;
  }
  const what = base.planned ? `planned ${ENTRY_KIND_LABELS[base.kind].toLowerCase()} (expected ${monthLabel(base.expectedPeriod!)})` : ENTRY_KIND_LABELS[base.kind].toLowerCase();
  const label = `${reserve.name}: ${what} ${money(base.amount)}, ${monthLabel(period)}${base.deficitReason ? ' — confirmed as a deficit' : ''}`;
  ws.write({ channel, label, period, target: reservesTarget(period), undoable: true }, () => {
    const insert = entryInserter(ws);
    for (const e of added) insert(e);
  });
  return reservesSchedules(ws, period);
}

/** Adds a reserve to the register with its opening balance (the first year's, entered), in one step. */
export function addReserve(ws: Workspace, input: { period: string; directorateId: string; name: string; category: string | null; description: string | null; opening: number }, channel: Channel): ReservesSchedules {
  requireHeld(ws, input.period);
  const directorate = listDirectorates(ws).find((d) => d.id === input.directorateId);
  if (!directorate) throw new UserError('not_found', `There is no directorate "${input.directorateId}".`);
  const taken = listReserves(ws);
  if (taken.some((r) => r.directorateId === directorate.id && r.name.toLowerCase() === input.name.toLowerCase())) throw new UserError('invalid_input', `${directorate.name} already has a reserve called "${input.name}".`);
  if (input.opening < 0) throw new UserError('invalid_input', `${input.name}: an opening balance is zero or more. A reserve goes into deficit only by a movement confirmed as a deficit.`);
  const id = keyFor(input.name, new Set(taken.map((r) => r.id)));
  ws.write({ channel, label: `Add the reserve ${input.name} (${directorate.name}) with an opening balance of ${money(input.opening)}`, period: input.period, target: reservesTarget(input.period), undoable: true }, () => {
    insertReserve(ws, { id, directorateId: directorate.id, category: input.category || null, name: input.name, description: input.description || null, fromPeriod: input.period });
    entryInserter(ws)({ reserveId: id, period: input.period, kind: 'opening', amount: input.opening, planned: false, expectedPeriod: null, reference: 'Opening balance entered', note: null, deficitReason: null });
  });
  return reservesSchedules(ws, input.period);
}

/** Renames a reserve or changes its heading or description; the ledger is untouched. Closed months keep the register they closed with. */
export function updateReserve(ws: Workspace, input: { period: string; reserveId: string; name?: string; category?: string | null; description?: string | null }, channel: Channel): ReservesSchedules {
  const reserve = requireReserve(ws, input.reserveId);
  const changes: [string, string | null][] = [];
  if (input.name !== undefined && input.name !== reserve.name) changes.push(['name', input.name]);
  if (input.category !== undefined && (input.category || null) !== reserve.category) changes.push(['category', input.category || null]);
  if (input.description !== undefined && (input.description || null) !== reserve.description) changes.push(['description', input.description || null]);
  if (changes.length) {
    ws.write({ channel, label: `Change the reserve ${reserve.name}: ${changes.map(([k]) => k).join(', ')}`, target: reservesTarget(input.period), undoable: true }, () => {
      for (const [column, value] of changes) ws.db.prepare(`UPDATE reserves_register SET ${column} = ? WHERE id = ?`).run(value, reserve.id);
    });
  }
  return reservesSchedules(ws, input.period);
}

export function setDisplay(ws: Workspace, input: { period: string; directorateId: string; display: NoMovementDisplay }, channel: Channel): ReservesSchedules {
  requireHeld(ws, input.period);
  const current = monthRows(ws, input.period).find((m) => m.directorateId === input.directorateId);
  if (!current) throw new UserError('not_found', `There is no reserve schedule for "${input.directorateId}" in ${monthLabel(input.period)}.`);
  if (current.display !== input.display) {
    const name = listDirectorates(ws).find((d) => d.id === input.directorateId)!.name;
    ws.write({ channel, label: `${name} reserve schedule, ${monthLabel(input.period)}: a reserve with no movement shows ${input.display === 'zero' ? '0' : 'blank'}`, period: input.period, target: reservesTarget(input.period), undoable: true }, () =>
      upsertMonth(ws, input.period, input.directorateId, { display: input.display }),
    );
  }
  return reservesSchedules(ws, input.period);
}

