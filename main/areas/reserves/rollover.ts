import { closingBalance, positionAt } from '../../../shared/areas/reserves/ledger';
import { financialYearOf, monthsOfFinancialYear } from '../../../shared/periods';
import { formatValue } from '../../../shared/units';
import type { Workspace } from '../../store/workspace';
import { entryInserter, listDirectorates, listReserves, yearEntries } from './repository';

/** Appendix 5 from one month to the next, and from one financial year to the next. */

/**
 * The month roll forward: next month's grants, virements and per-table settings from this month's. The
 * reserves ledger needs nothing: its balances run on. Virements and the Business Plan budget belong to
 * their financial year and are not carried into another.
 */
export function rollReservesForward(ws: Workspace, from: string, to: string): void {
  const sameYear = financialYearOf(from) === financialYearOf(to);
  ws.db
    .prepare(`INSERT INTO reserves_months (period, directorate_id, no_movement_display, business_plan_budget) SELECT ?, directorate_id, no_movement_display, ${sameYear ? 'business_plan_budget' : 'NULL'} FROM reserves_months WHERE period = ?`)
    .run(to, from);
  ws.db
    .prepare('INSERT INTO reserves_grants (period, directorate_id, grant_key, name, awarding_body, amount, capital_scheme, revenue_line, sort_order) SELECT ?, directorate_id, grant_key, name, awarding_body, amount, capital_scheme, revenue_line, sort_order FROM reserves_grants WHERE period = ?')
    .run(to, from);
  if (sameYear) {
    ws.db.prepare('INSERT INTO reserves_virements (period, directorate_id, seq, budget_line, effective_period, amount, notes) SELECT ?, directorate_id, seq, budget_line, effective_period, amount, notes FROM reserves_virements WHERE period = ?').run(to, from);
  }
}

const money = (v: number) => `${formatValue(v, 'gbp_000q')} £'000`;
const words = (fy: string) => fy.replace('-', '/');

/** Each reserve holding entries in the year, with its closing balance and what it still expected. */
function closings(ws: Workspace, fy: string) {
  const entries = yearEntries(ws, fy);
  const lastHeld = entries.at(-1)?.period ?? monthsOfFinancialYear(fy).at(-1)!;
  return listReserves(ws)
    .map((r) => {
      const mine = entries.filter((e) => e.reserveId === r.id);
      // Planned movements still expected after the latest month recorded never happened: they lapse.
      const unrealised = positionAt(mine, lastHeld).planned;
      return { reserve: r, held: mine.length > 0, closing: closingBalance(mine, fy), unrealised, deficit: mine.filter((e) => e.deficitReason).at(-1)?.deficitReason ?? null };
    })
    .filter((c) => c.held);
}

export function reservesYearEndPreview(ws: Workspace, fy: string, to: string): string[] {
  const list = closings(ws, fy);
  if (!list.length) return [];
  const lines = listDirectorates(ws).flatMap((d) => {
    const mine = list.filter((c) => c.reserve.directorateId === d.id);
    return mine.length ? [`${d.name}: ${mine.length} earmarked reserve${mine.length === 1 ? '' : 's'} open ${words(to)} at their ${words(fy)} closing balances, ${money(mine.reduce((n, c) => n + c.closing, 0))} in all.`] : [];
  });
  const unrealised = list.filter((c) => c.unrealised !== 0);
  if (unrealised.length) {
    lines.push(
      `${unrealised.length} reserve${unrealised.length === 1 ? ' still expects' : 's still expect'} planned movements never recorded as actual (${money(unrealised.reduce((n, c) => n + c.unrealised, 0))}); they close at their actual balances: ${unrealised.map((c) => c.reserve.name).join(', ')}.`,
    );
  }
  for (const c of list.filter((x) => x.closing < 0)) lines.push(`${c.reserve.name} closes in deficit at ${money(c.closing)} and opens ${words(to)} in deficit.`);
  lines.push(`Grants and virements start ${words(to)} empty; the budget as per the Business Plan awaits the new Business Plan.`);
  return lines;
}

/** Opens the new year: each reserve's opening entry is its closing balance; per-table settings carried, budgets left to the Business Plan. */
export function reservesYearEnd(ws: Workspace, fy: string, to: string): string[] {
  const april = monthsOfFinancialYear(to)[0]!;
  const opened = new Set(yearEntries(ws, to).filter((e) => e.kind === 'opening').map((e) => e.reserveId));
  const insert = entryInserter(ws);
  const list = closings(ws, fy).filter((c) => !opened.has(c.reserve.id));
  for (const c of list) {
    insert({
      reserveId: c.reserve.id,
      period: april,
      kind: 'opening',
      amount: c.closing,
      planned: false,
      expectedPeriod: null,
      reference: `Closing balance ${words(fy)} brought forward`,
      note: null,
      deficitReason: c.closing < 0 ? (c.deficit ?? `Deficit brought forward from ${words(fy)}`) : null,
    });
  }
  const lastMonth = ws.db.prepare('SELECT MAX(period) FROM reserves_months WHERE period BETWEEN ? AND ?').pluck().get(monthsOfFinancialYear(fy)[0]!, monthsOfFinancialYear(fy).at(-1)!) as string | null;
  if (lastMonth) {
    ws.db.prepare('INSERT OR IGNORE INTO reserves_months (period, directorate_id, no_movement_display, business_plan_budget) SELECT ?, directorate_id, no_movement_display, NULL FROM reserves_months WHERE period = ?').run(april, lastMonth);
  }
  return list.length ? [`${list.length} earmarked reserve${list.length === 1 ? '' : 's'} opened ${words(to)} at ${money(list.reduce((n, c) => n + c.closing, 0))} in all, their ${words(fy)} closing balances.`] : [];
}
