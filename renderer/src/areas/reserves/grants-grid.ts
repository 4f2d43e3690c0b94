import type { ReservesGrants } from '../../../../shared/areas/reserves/api';
import type { GridBand, GridColumn, GridRow } from '../../grid/types';

type Table = ReservesGrants['tables'][number];

/** 5.1 as published: Grant | Awarding Body | Amount £'000, then the total. */
export const GRANT_COLUMNS: readonly GridColumn[] = [
  { colId: 'label', header: 'Grant', spokenHeader: 'Grant', band: 'directorate', kind: 'label', minWidth: 240 },
  { colId: 'awardingBody', header: 'Awarding Body', spokenHeader: 'Awarding Body', band: 'grants', kind: 'text' },
  { colId: 'amount', header: "Amount £'000", spokenHeader: 'Amount', band: 'grants', kind: 'figure', unit: 'gbp_000q' },
];

export function grantBands(t: Table): GridBand[] {
  return [
    { id: 'directorate', header: t.directorate.name, alignStart: true },
    { id: 'grants', header: 'Grants not built into base budgets' },
  ];
}

export function grantBody(t: Table): GridRow[] {
  return t.lines.map((g) => ({ key: g.key, label: g.name, kind: 'line', values: { awardingBody: g.awardingBody ?? '', amount: g.amount }, editable: ['amount'] }));
}

export function grantFoot(t: Table): GridRow[] {
  return [{ key: 'total', label: t.totalLabel, kind: 'total', values: { amount: t.total }, editable: [] }];
}
