import type { ReservesVirements } from '../../../../shared/areas/reserves/api';
import { BUSINESS_PLAN_ROW, virementRowKey } from '../../../../shared/areas/reserves/virements';
import { monthLabel } from '../../../../shared/periods';
import type { GridBand, GridColumn, GridRow } from '../../grid/types';

type Table = ReservesVirements['tables'][number];


/** 5.2 as published: the budget line, Eff. Period, £'000, Notes; the Budget as per Business Plan first, the Budget now last. */
export const VIREMENT_COLUMNS: readonly GridColumn[] = [
  { colId: 'label', header: 'Budget line', spokenHeader: 'Budget line', band: 'directorate', kind: 'label', minWidth: 240 },
  { colId: 'period', header: 'Eff. Period', spokenHeader: 'Effective period', band: 'virements', kind: 'text' },
  { colId: 'amount', header: "£'000", spokenHeader: "£'000", band: 'virements', kind: 'figure', unit: 'gbp_000q' },
  { colId: 'notes', header: 'Notes', spokenHeader: 'Notes', band: 'virements', kind: 'text', wrapWidth: 420 },
];

export function virementBands(t: Table): GridBand[] {
  return [
    { id: 'directorate', header: t.directorate.name, alignStart: true },
    { id: 'virements', header: 'Virements between the directorate and other service blocks' },
  ];
}

export function virementBody(t: Table): GridRow[] {
  return [
    { key: BUSINESS_PLAN_ROW, label: 'Budget as per Business Plan', kind: 'line', values: { amount: t.businessPlan, period: '', notes: '' }, editable: ['amount'] },
    ...t.lines.map((v): GridRow => ({ key: virementRowKey(v.seq), label: v.budgetLine, kind: 'line', values: { period: monthLabel(v.effectivePeriod).split(' ')[0]!, amount: v.amount, notes: v.notes ?? '' }, editable: ['amount'] })),
  ];
}

export function virementFoot(t: Table): GridRow[] {
  return [{ key: 'budget', label: t.budgetLabel, kind: 'total', values: { amount: t.computed }, editable: [] }];
}
