import type { PackCell, PackTable, PackTableSection } from '../../pack/table-section';
import { monthLabel } from '../../periods';
import type { Hundredths } from '../../units';
import type { ReservesGrants, ReservesSchedules, ReservesVirements } from './api';
import { reserveHistoryPanel } from './history';

/**
 * Appendix 5 as the FMR prints it: 5.1 each directorate's grants not built into base budgets, 5.2 its
 * virements and budget reconciliation, 5.3 its earmarked reserve schedule with the sign legend. Built from
 * the page's own tables, for the workbook and the print view alike.
 */
export const RESERVES_PACK_NUMBER = 'Appendix 5';
export const RESERVES_PACK_TITLE = 'Technical Note';
const GBP = "£'000";

const money = (value: Hundredths | null): PackCell => ({ value, unit: 'gbp_000q' });
/** "5.3.1 Adults … Schedule" → number "5.3.1", the rest as the title. */
function split(title: string): { number: string; title: string } {
  const m = /^(\S+)\s+(.*)$/.exec(title);
  return m ? { number: m[1]!, title: m[2]! } : { number: title, title };
}

function grantTables(g: ReservesGrants): PackTable[] {
  return g.tables.map((t) => ({
    ...split(t.title),
    headers: ['Grant', 'Awarding Body', `Amount ${GBP}`],
    widths: [48, 48, 14],
    rows: [...t.lines.map((l) => ({ kind: 'line' as const, cells: [l.name, l.awardingBody, money(l.amount)] })), { kind: 'total' as const, cells: [t.totalLabel, null, money(t.total)] }],
    notes: [],
  }));
}

function virementTables(v: ReservesVirements): PackTable[] {
  return v.tables.map((t) => ({
    ...split(t.title),
    headers: ['', 'Eff. Period', GBP, 'Notes'],
    widths: [48, 12, 14, 60],
    rows: [
      { kind: 'line' as const, cells: ['Budget as per Business Plan', null, money(t.businessPlan), null] },
      ...t.lines.map((l) => ({ kind: 'line' as const, cells: [l.budgetLine, monthLabel(l.effectivePeriod).split(' ')[0]!, money(l.amount), l.notes] })),
      { kind: 'total' as const, cells: [t.budgetLabel, null, money(t.computed), null] },
    ],
    notes: [t.message],
  }));
}

function scheduleTables(s: ReservesSchedules): PackTable[] {
  const month = monthLabel(s.period).split(' ')[0]!;
  return s.schedules.map((t) => {
    const rows: PackTable['rows'][number][] = [];
    let category: string | null = null;
    for (const r of t.rows) {
      if (r.category && r.category !== category) rows.push({ kind: 'heading', cells: [r.category, null, null, null, null] });
      category = r.category;
      rows.push({ kind: 'line', cells: [r.name, money(r.opening), money(r.movements), money(r.forecast), r.description] });
    }
    rows.push({ kind: 'total', cells: ['TOTAL EARMARKED RESERVES', money(t.totals.opening), money(t.totals.movements), money(t.totals.forecast), null] });
    return {
      ...split(t.title),
      headers: ['Budget Heading', `Opening Balance ${s.fyLabel} ${GBP}`, `Net Movements to ${month} ${s.fyLabel} ${GBP}`, `Forecast Year End Balance ${GBP}`, 'Reserve Description'],
      widths: [48, 12, 14, 14, 60],
      rows,
      notes: s.legend,
      charts: t.histories.length ? [reserveHistoryPanel(`${split(t.title).number} Reserve history: ${t.directorate.name}, balance at the end of each month and forecast year end (£'000)`, t.histories)] : [],
    };
  });
}

export function reservesPackSection(id: string, parts: { grants: ReservesGrants; virements: ReservesVirements; schedules: ReservesSchedules }): PackTableSection {
  return {
    id,
    number: RESERVES_PACK_NUMBER,
    title: RESERVES_PACK_TITLE,
    intro: [],
    tables: [...grantTables(parts.grants), ...virementTables(parts.virements), ...scheduleTables(parts.schedules)],
  };
}
