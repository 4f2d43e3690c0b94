import { UserError } from '../../../shared/api/errors';
import type { ReservesVirements } from '../../../shared/areas/reserves/api';
import { tableRef, virementsTitle } from '../../../shared/areas/reserves/checks';
import { reservesTarget } from '../../../shared/areas/reserves/ids';
import { budgetLabel, BUSINESS_PLAN_ROW, reconcile, reconciliationText, virementRowKey, type Virement } from '../../../shared/areas/reserves/virements';
import { financialYearOf, monthLabel } from '../../../shared/periods';
import { formatValue } from '../../../shared/units';
import type { Channel, Workspace } from '../../store/workspace';
import { heldDirectorates, requireTable } from './grants';
import { fyLabelOf, lockedReason } from './ledger';
import { monthRows, reportedValues, upsertMonth } from './repository';
import { revenueFigures } from './revenue';

/** Virements and budget reconciliation (5.2): the Business Plan budget, each virement, the budget now. */

export function virementLines(ws: Pick<Workspace, 'db'>, period: string, directorateId: string): Virement[] {
  return (
    ws.db.prepare('SELECT seq, budget_line, effective_period, amount, notes FROM reserves_virements WHERE period = ? AND directorate_id = ? ORDER BY effective_period, seq').all(period, directorateId) as {
      seq: number;
      budget_line: string;
      effective_period: string;
      amount: number;
      notes: string | null;
    }[]
  ).map((r) => ({ seq: r.seq, budgetLine: r.budget_line, effectivePeriod: r.effective_period, amount: r.amount, notes: r.notes }));
}

export function reservesVirements(ws: Workspace, period: string): ReservesVirements {
  const fy = financialYearOf(period);
  const months = new Map(monthRows(ws, period).map((m) => [m.directorateId, m]));
  const revenue = revenueFigures(ws);
  const tables = heldDirectorates(ws, period).map((d) => {
    const lines = virementLines(ws, period, d.id);
    const businessPlan = months.get(d.id)!.businessPlan;
    const revenueBudget = revenue.currentNetBudget(d, period);
    const r = reconcile(businessPlan, lines, revenueBudget);
    return {
      directorate: { id: d.id, name: d.name },
      ref: tableRef(2, d.index),
      title: virementsTitle(d.index, d),
      businessPlan,
      lines,
      computed: r.computed,
      budgetLabel: budgetLabel(fy),
      reportedBudget: reportedValues(ws, period, `virements:${d.id}`).get('budget|amount') ?? null,
      revenueBudget,
      status: r.status,
      message: reconciliationText(r, d.name),
    };
  });
  return { period, periodLabel: monthLabel(period), fyLabel: fyLabelOf(period), held: tables.length > 0, lockedReason: lockedReason(ws, period), tables };
}


const money = (v: number | null) => (v === null ? 'blank' : formatValue(v, 'gbp_000q'));
const target = (period: string) => reservesTarget(period, 'virements');

export function setVirementAmounts(ws: Workspace, input: { period: string; directorateId: string; cells: { rowKey: string; value: number | null }[] }, channel: Channel): ReservesVirements {
  const d = requireTable(ws, input.period, input.directorateId, 'virements');
  const lines = new Map(virementLines(ws, input.period, d.id).map((v) => [virementRowKey(v.seq), v]));
  const bp = monthRows(ws, input.period).find((m) => m.directorateId === d.id)!.businessPlan;
  const problems: string[] = [];
  for (const c of input.cells) {
    if (c.rowKey === BUSINESS_PLAN_ROW) continue;
    const v = lines.get(c.rowKey);
    if (!v) problems.push(`there is no virement "${c.rowKey}"`);
    else if (c.value === null) problems.push(`${v.budgetLine} (${monthLabel(v.effectivePeriod)}): a virement needs an amount; remove it instead of clearing it`);
    else if (c.value === 0) problems.push(`${v.budgetLine} (${monthLabel(v.effectivePeriod)}): a virement of 0 moves nothing; remove it instead`);
  }
  if (problems.length) throw new UserError('invalid_input', `${d.name}, ${monthLabel(input.period)}: ${problems.join('; ')}. Nothing was saved.`);
  const changes = input.cells.filter((c) => (c.rowKey === BUSINESS_PLAN_ROW ? bp !== c.value : lines.get(c.rowKey)!.amount !== c.value));
  if (changes.length) {
    const first = changes[0]!;
    const name = first.rowKey === BUSINESS_PLAN_ROW ? 'Budget as per Business Plan' : lines.get(first.rowKey)!.budgetLine;
    const old = first.rowKey === BUSINESS_PLAN_ROW ? bp : lines.get(first.rowKey)!.amount;
    const label = changes.length === 1 ? `${d.name} ${name}: ${money(old)} → ${money(first.value)} £'000, ${monthLabel(input.period)}` : `Change ${changes.length} virement amounts for ${d.name} (${monthLabel(input.period)})`;
    ws.write({ channel, label, period: input.period, target: target(input.period), undoable: true }, () => {
      const stmt = ws.db.prepare('UPDATE reserves_virements SET amount = ? WHERE period = ? AND directorate_id = ? AND seq = ?');
      for (const c of changes) {
        if (c.rowKey === BUSINESS_PLAN_ROW) upsertMonth(ws, input.period, d.id, { businessPlan: c.value });
        else stmt.run(c.value, input.period, d.id, lines.get(c.rowKey)!.seq);
      }
    });
  }
  return reservesVirements(ws, input.period);
}

export function addVirement(ws: Workspace, input: { period: string; directorateId: string; budgetLine: string; effectivePeriod: string; amount: number; notes: string | null }, channel: Channel): ReservesVirements {
  const d = requireTable(ws, input.period, input.directorateId, 'virements');
  const fy = financialYearOf(input.period);
  if (financialYearOf(input.effectivePeriod) !== fy || input.effectivePeriod > input.period) {
    throw new UserError('invalid_input', `A virement recorded in ${monthLabel(input.period)} takes effect in a month of ${fy.replace('-', '/')} up to ${monthLabel(input.period)}; ${monthLabel(input.effectivePeriod)} is not. Nothing was saved.`);
  }
  if (input.amount === 0) throw new UserError('invalid_input', 'A virement of 0 moves nothing. Nothing was saved.');
  ws.write({ channel, label: `Add a virement to ${d.name}: ${input.budgetLine}, ${monthLabel(input.effectivePeriod)}, ${money(input.amount)} £'000 (${monthLabel(input.period)})`, period: input.period, target: target(input.period), undoable: true }, () => {
    ws.db
      .prepare(
        'INSERT INTO reserves_virements (period, directorate_id, seq, budget_line, effective_period, amount, notes) VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM reserves_virements WHERE period = ? AND directorate_id = ?), ?, ?, ?, ?)',
      )
      .run(input.period, d.id, input.period, d.id, input.budgetLine, input.effectivePeriod, input.amount, input.notes || null);
  });
  return reservesVirements(ws, input.period);
}

export function removeVirement(ws: Workspace, input: { period: string; directorateId: string; seq: number }, channel: Channel): ReservesVirements {
  const d = requireTable(ws, input.period, input.directorateId, 'virements');
  const v = virementLines(ws, input.period, d.id).find((x) => x.seq === input.seq);
  if (!v) throw new UserError('not_found', `${d.name} has no such virement in ${monthLabel(input.period)}.`);
  ws.write({ channel, label: `Remove the virement ${v.budgetLine}, ${monthLabel(v.effectivePeriod)}, ${money(v.amount)} £'000 from ${d.name} (${monthLabel(input.period)})`, period: input.period, target: target(input.period), undoable: true }, () => {
    ws.db.prepare('DELETE FROM reserves_virements WHERE period = ? AND directorate_id = ? AND seq = ?').run(input.period, d.id, v.seq);
  });
  return reservesVirements(ws, input.period);
}
