import { UserError } from '../../../shared/api/errors';
import type { ReservesGrants } from '../../../shared/areas/reserves/api';
import { grantsTitle, tableRef } from '../../../shared/areas/reserves/checks';
import { grantsTotal, grantsTotalLabel, type Grant } from '../../../shared/areas/reserves/grants';
import { reservesTarget } from '../../../shared/areas/reserves/ids';
import { keyFor } from '../../../shared/keys';
import { financialYearOf, monthLabel } from '../../../shared/periods';
import { formatValue } from '../../../shared/units';
import type { Channel, Workspace } from '../../store/workspace';
import { fyLabelOf, lockedReason, requireHeld } from './ledger';
import { listDirectorates, monthRows, reportedValues } from './repository';

/** Grants not built into base budgets (5.1): one table per directorate, kept per month. */

interface GrantRow {
  grant_key: string;
  name: string;
  awarding_body: string | null;
  amount: number | null;
  capital_scheme: string | null;
  revenue_line: string | null;
}

export function grantLines(ws: Workspace, period: string, directorateId: string): Grant[] {
  return (ws.db.prepare('SELECT * FROM reserves_grants WHERE period = ? AND directorate_id = ? ORDER BY sort_order').all(period, directorateId) as GrantRow[]).map((r) => ({
    key: r.grant_key,
    name: r.name,
    awardingBody: r.awarding_body,
    amount: r.amount,
    capitalScheme: r.capital_scheme,
    revenueLine: r.revenue_line,
  }));
}

/** The held directorates of a month with their place (5.x.1, 5.x.2…). */
export function heldDirectorates(ws: Workspace, period: string) {
  const held = new Set(monthRows(ws, period).map((m) => m.directorateId));
  return listDirectorates(ws)
    .filter((d) => held.has(d.id))
    .map((d, index) => ({ ...d, index }));
}

export function reservesGrants(ws: Workspace, period: string): ReservesGrants {
  const fy = financialYearOf(period);
  const tables = heldDirectorates(ws, period).map((d) => {
    const lines = grantLines(ws, period, d.id);
    return {
      directorate: { id: d.id, name: d.name },
      ref: tableRef(1, d.index),
      title: grantsTitle(d.index, d),
      lines,
      total: grantsTotal(lines),
      totalLabel: grantsTotalLabel(fy),
      reportedTotal: reportedValues(ws, period, `grants:${d.id}`).get('total|amount') ?? null,
    };
  });
  return { period, periodLabel: monthLabel(period), fyLabel: fyLabelOf(period), held: tables.length > 0, lockedReason: lockedReason(ws, period), tables };
}

/** A directorate's table of a month the area holds, or a plain refusal naming what is missing. */
export function requireTable(ws: Workspace, period: string, directorateId: string, what: 'grants' | 'virements') {
  requireHeld(ws, period);
  const d = heldDirectorates(ws, period).find((x) => x.id === directorateId);
  if (!d) throw new UserError('not_found', `There is no ${what} table for "${directorateId}" in ${monthLabel(period)}.`);
  return d;
}

const money = (v: number | null) => (v === null ? 'blank' : `${formatValue(v, 'gbp_000q')}`);

export function setGrantAmounts(ws: Workspace, input: { period: string; directorateId: string; cells: { key: string; value: number | null }[] }, channel: Channel): ReservesGrants {
  const d = requireTable(ws, input.period, input.directorateId, 'grants');
  const lines = new Map(grantLines(ws, input.period, d.id).map((g) => [g.key, g]));
  const unknown = input.cells.filter((c) => !lines.has(c.key)).map((c) => c.key);
  if (unknown.length) throw new UserError('invalid_input', `${d.name} has no grant ${unknown.map((k) => `"${k}"`).join(', ')} in ${monthLabel(input.period)}. Nothing was saved.`);
  const changes = input.cells.filter((c) => lines.get(c.key)!.amount !== c.value);
  if (changes.length) {
    const first = lines.get(changes[0]!.key)!;
    const label = changes.length === 1 ? `${first.name} (${d.name}): ${money(first.amount)} → ${money(changes[0]!.value)} £'000, ${monthLabel(input.period)}` : `Change ${changes.length} grant amounts for ${d.name} (${monthLabel(input.period)})`;
    ws.write({ channel, label, period: input.period, target: reservesTarget(input.period, 'grants'), undoable: true }, () => {
      const stmt = ws.db.prepare('UPDATE reserves_grants SET amount = ? WHERE period = ? AND directorate_id = ? AND grant_key = ?');
      for (const c of changes) stmt.run(c.value, input.period, d.id, c.key);
    });
  }
  return reservesGrants(ws, input.period);
}

export function addGrant(ws: Workspace, input: { period: string; directorateId: string; name: string; awardingBody: string | null; amount: number | null }, channel: Channel): ReservesGrants {
  const d = requireTable(ws, input.period, input.directorateId, 'grants');
  const lines = grantLines(ws, input.period, d.id);
  if (lines.some((g) => g.name.toLowerCase() === input.name.toLowerCase())) throw new UserError('invalid_input', `${d.name} already lists the grant "${input.name}" in ${monthLabel(input.period)}.`);
  const key = keyFor(input.name, new Set(lines.map((g) => g.key)));
  ws.write({ channel, label: `Add the grant ${input.name} (${d.name}), ${money(input.amount)} £'000, ${monthLabel(input.period)}`, period: input.period, target: reservesTarget(input.period, 'grants'), undoable: true }, () => {
    ws.db
      .prepare('INSERT INTO reserves_grants (period, directorate_id, grant_key, name, awarding_body, amount, sort_order) VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM reserves_grants WHERE period = ? AND directorate_id = ?))')
      .run(input.period, d.id, key, input.name, input.awardingBody || null, input.amount, input.period, d.id);
  });
  return reservesGrants(ws, input.period);
}

export function removeGrant(ws: Workspace, input: { period: string; directorateId: string; key: string }, channel: Channel): ReservesGrants {
  const d = requireTable(ws, input.period, input.directorateId, 'grants');
  const grant = grantLines(ws, input.period, d.id).find((g) => g.key === input.key);
  if (!grant) throw new UserError('not_found', `${d.name} has no grant "${input.key}" in ${monthLabel(input.period)}.`);
  ws.write({ channel, label: `Remove the grant ${grant.name} (${d.name}), ${monthLabel(input.period)}`, period: input.period, target: reservesTarget(input.period, 'grants'), undoable: true }, () => {
    ws.db.prepare('DELETE FROM reserves_grants WHERE period = ? AND directorate_id = ? AND grant_key = ?').run(input.period, d.id, grant.key);
  });
  return reservesGrants(ws, input.period);
}
