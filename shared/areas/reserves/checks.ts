import type { RawFinding } from '../../checks';
import { monthLabel } from '../../periods';
import { formatValue, type Hundredths } from '../../units';
import { grantsTotalLabel, type Grant } from './grants';
import { RESERVES_AREA_ID, reservesTarget, type ReservesTable } from './ids';
import type { Directorate, ScheduleRow, ScheduleTotals } from './schedule';
import { moneyAgrees } from './tolerance';
import { budgetLabel, reconcile, type Virement } from './virements';

/**
 * Appendix 5's check engine: every reported total that does not add up, the budget reconciliation, the
 * reserves below zero, and the cross-table relationships of CHECKS.md section 10 (reserve movements and
 * the revenue drawdown line; grants and the capital programme and revenue lines). Pure: the store gathers
 * the figures (other areas' through their queries), this compares them.
 */
export const RESERVES_CHECK_RULES = {
  'reported-total-mismatch': { title: 'Reported total does not add up', description: "A reported total of a grants table or a reserve schedule does not agree with the sum of its lines (within ±2 £'000)." },
  'reported-budget-mismatch': { title: 'Reported budget does not agree', description: "The reported current budget of a virements table does not equal the Business Plan budget plus the virements (within ±2 £'000)." },
  'virements-reconcile': { title: 'Virements do not reconcile', description: "The Business Plan budget plus the virements is not the directorate's current net budget in the revenue lines (within ±2 £'000): a virement is missing, or the revenue budget changed without one." },
  'reserve-below-zero': { title: 'Reserve below zero', description: 'A reserve’s balance or forecast year-end balance is below zero and no officer has confirmed it as a deficit.' },
  'reserve-deficit': { title: 'Reserve in deficit (confirmed)', description: 'A reserve is below zero, confirmed as a deficit by an officer with the reason shown.' },
  'opening-not-last-closing': { title: 'Opening balance is not last year’s closing', description: 'A reserve’s opening balance differs from its closing balance of the year before.' },
  'reserves-vs-revenue-drawdown': { title: 'Reserve movements differ from the revenue drawdown', description: "A directorate's net reserve movements to the month differ from the actual on its revenue 'Drawdown from reserves' line (within ±2 £'000)." },
  'grant-vs-capital': { title: 'Grant differs from its capital scheme', description: "A grant that funds a capital scheme differs from the scheme's budget for the year (within ±2 £'000)." },
  'grants-vs-capital-funding': { title: 'Grants differ from capital grant funding', description: "The grants that fund capital schemes differ from the capital programme's grant funding for the year (within ±2 £'000)." },
  'grant-vs-revenue': { title: 'Grant differs from its revenue budget line', description: "A grant budgeted on a revenue line differs from that line's gross budget (within ±2 £'000)." },
} as const;
export type ReservesCheckRule = keyof typeof RESERVES_CHECK_RULES;

export type ReportedColumn = 'opening' | 'movements' | 'forecast';
export const SCHEDULE_COLUMN_HEADERS: Record<ReportedColumn, (fyLabel: string, periodLabel: string) => string> = {
  opening: (fy) => `Opening Balance ${fy} £'000`,
  movements: (fy, month) => `Net Movements to ${month} ${fy} £'000`,
  forecast: () => "Forecast Year End Balance £'000",
};

/** What the page and pack call the tables: 5.1.1 (grants), 5.2.1 (virements), 5.3.1 (reserves)… */
export function tableRef(part: 1 | 2 | 3, index: number): string {
  return `5.${part}.${index + 1}`;
}
export const grantsTitle = (index: number, d: Directorate) => `${tableRef(1, index)} ${d.name} grants not built into base budgets`;
export const virementsTitle = (index: number, d: Directorate) => `${tableRef(2, index)} Virements and Budget Reconciliation (${d.name})`;
export const scheduleTitle = (index: number, d: Directorate) => `${tableRef(3, index)} ${d.name} Earmarked Reserve Schedule`;

export interface DirectorateSnapshot {
  directorate: Directorate;
  index: number;
  schedule: { rows: ScheduleRow[]; totals: ScheduleTotals; reported: Partial<Record<ReportedColumn, Hundredths | null>> };
  /** Each reserve's opening this year against its closing last year, where last year is held. */
  openings: { name: string; opening: Hundredths; lastClosing: Hundredths }[];
  grants: { lines: Grant[]; total: Hundredths | null; reportedTotal: Hundredths | null } | null;
  virements: { businessPlan: Hundredths | null; lines: Virement[]; reportedBudget: Hundredths | null; revenueBudget: Hundredths | null } | null;
  /** The revenue "Drawdown from reserves" actual this directorate's reserve movements should equal, when linked and held. */
  drawdown: { line: string; actual: Hundredths } | null;
}

export interface ReservesCheckInput {
  period: string;
  /** "2023/24", as the column headers write the year. */
  fyLabel: string;
  fy: string;
  directorates: DirectorateSnapshot[];
  /** A capital scheme's budget for the year, by name (null when not held). */
  capitalSchemeBudget: (scheme: string) => Hundredths | null;
  /** The capital programme's grant funding for the year (null when not held). */
  capitalGrantFunding: Hundredths | null;
  /** A revenue line's gross budget, by the directorate and the line's name (null when not held). */
  revenueGrossBudget: (directorateId: string, line: string) => Hundredths | null;
}

const f = (v: Hundredths | null) => (v === null ? 'blank' : formatValue(v, 'gbp_000q'));

export function runReservesChecks(input: ReservesCheckInput): RawFinding[] {
  const { period } = input;
  const out: RawFinding[] = [];
  const add = (table: string, page: ReservesTable, x: Omit<RawFinding, 'area' | 'table' | 'period' | 'target'>) => out.push({ area: RESERVES_AREA_ID, table, period, target: reservesTarget(period, page), ...x });
  for (const d of input.directorates) {
    const schedule = scheduleTitle(d.index, d.directorate);
    for (const column of ['opening', 'movements', 'forecast'] as const) {
      const reported = d.schedule.reported[column];
      if (reported === undefined || reported === null) continue;
      const computed = d.schedule.totals[column];
      if (!moneyAgrees(computed, reported)) {
        add(schedule, 'reserves', { row: 'TOTAL EARMARKED RESERVES', column: SCHEDULE_COLUMN_HEADERS[column](input.fyLabel, monthLabel(period).split(' ')[0]!), reported: f(reported), computed: f(computed), rule: 'reported-total-mismatch', rowKey: 'total', columnKey: column });
      }
    }
    for (const r of d.schedule.rows) {
      for (const [which, value, header] of [
        ['balance', r.balance, `Balance at the end of ${monthLabel(period)}`],
        ['forecast', r.forecast, "Forecast Year End Balance £'000"],
      ] as const) {
        if (value >= 0) continue;
        if (r.deficitReason) add(schedule, 'reserves', { row: r.name, column: header, reported: `deficit confirmed: ${r.deficitReason}`, computed: f(value), rule: 'reserve-deficit', rowKey: r.reserveId, columnKey: which });
        else add(schedule, 'reserves', { row: r.name, column: header, reported: null, computed: f(value), rule: 'reserve-below-zero', rowKey: r.reserveId, columnKey: which });
      }
    }
    for (const o of d.openings) {
      if (o.opening !== o.lastClosing) add(schedule, 'reserves', { row: o.name, column: SCHEDULE_COLUMN_HEADERS.opening(input.fyLabel, ''), reported: f(o.opening), computed: `${f(o.lastClosing)} (closing balance last year)`, rule: 'opening-not-last-closing', rowKey: o.name, columnKey: 'opening' });
    }
    if (d.drawdown && !moneyAgrees(d.schedule.totals.movements ?? 0, d.drawdown.actual)) {
      add(schedule, 'reserves', { row: 'TOTAL EARMARKED RESERVES', column: SCHEDULE_COLUMN_HEADERS.movements(input.fyLabel, monthLabel(period).split(' ')[0]!), reported: `${f(d.drawdown.actual)} (revenue '${d.drawdown.line}' actual)`, computed: f(d.schedule.totals.movements ?? 0), rule: 'reserves-vs-revenue-drawdown', rowKey: 'total', columnKey: 'movements' });
    }
    if (d.grants) checkGrants(input, d, add);
    if (d.virements) {
      const v = d.virements;
      const title = virementsTitle(d.index, d.directorate);
      const r = reconcile(v.businessPlan, v.lines, v.revenueBudget);
      const label = budgetLabel(input.fy);
      if (v.reportedBudget !== null && r.computed !== null && !moneyAgrees(r.computed, v.reportedBudget)) {
        add(title, 'virements', { row: label, column: "£'000", reported: f(v.reportedBudget), computed: f(r.computed), rule: 'reported-budget-mismatch', rowKey: 'budget', columnKey: 'amount' });
      }
      if (r.status === 'differs') {
        add(title, 'virements', { row: label, column: "£'000", reported: `${f(r.revenue)} (current net budget in the revenue lines)`, computed: `${f(r.computed)} (Business Plan + virements)`, rule: 'virements-reconcile', rowKey: 'budget', columnKey: 'revenue' });
      }
    }
  }
  const linked = input.directorates.flatMap((d) => (d.grants?.lines ?? []).filter((g) => g.capitalScheme !== null).map((g) => ({ g, d })));
  if (linked.length && input.capitalGrantFunding !== null) {
    const total = linked.reduce((n, { g }) => n + (g.amount ?? 0), 0);
    if (!moneyAgrees(total, input.capitalGrantFunding)) {
      const { d } = linked[0]!;
      add(grantsTitle(d.index, d.directorate), 'grants', { row: linked.map(({ g }) => g.name).join(', '), column: "Amount £'000", reported: `${f(input.capitalGrantFunding)} (capital Grant Funding, revised funding for the year)`, computed: f(total), rule: 'grants-vs-capital-funding', rowKey: 'capital-funding', columnKey: 'amount' });
    }
  }
  return out;
}

type Add = (table: string, page: ReservesTable, x: Omit<RawFinding, 'area' | 'table' | 'period' | 'target'>) => void;

function checkGrants(input: ReservesCheckInput, d: DirectorateSnapshot, add: Add): void {
  const g = d.grants!;
  const title = grantsTitle(d.index, d.directorate);
  if (g.reportedTotal !== null && !moneyAgrees(g.total, g.reportedTotal)) {
    add(title, 'grants', { row: grantsTotalLabel(input.fy), column: "Amount £'000", reported: f(g.reportedTotal), computed: f(g.total), rule: 'reported-total-mismatch', rowKey: 'total', columnKey: 'amount' });
  }
  for (const grant of g.lines) {
    if (grant.capitalScheme !== null) {
      const budget = input.capitalSchemeBudget(grant.capitalScheme);
      if (budget !== null && !moneyAgrees(grant.amount, budget)) {
        add(title, 'grants', { row: grant.name, column: "Amount £'000", reported: `${f(budget)} (capital scheme '${grant.capitalScheme}', budget for the year)`, computed: f(grant.amount), rule: 'grant-vs-capital', rowKey: grant.key, columnKey: 'capital' });
      }
    }
    if (grant.revenueLine !== null) {
      const gross = input.revenueGrossBudget(d.directorate.id, grant.revenueLine);
      if (gross !== null && !moneyAgrees(grant.amount, gross)) {
        add(title, 'grants', { row: grant.name, column: "Amount £'000", reported: `${f(gross)} (revenue line '${grant.revenueLine}', gross budget)`, computed: f(grant.amount), rule: 'grant-vs-revenue', rowKey: grant.key, columnKey: 'revenue' });
      }
    }
  }
}
