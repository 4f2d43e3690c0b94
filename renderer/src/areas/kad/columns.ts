import { fieldDef, type KadField } from '../../../../shared/areas/kad/model';
import type { GridBand, GridColumn } from '../../grid/types';
import type { DotSource } from './rows';

export interface ColumnOptions {
  serviceName: string;
  periodLabel: string;
  /** As the published header writes it: 2023/24. */
  financialYearLabel: string;
  dots: DotSource;
  /** The care-package extract imported for the month, if one was: its committed spend is shown. */
  extract?: string | null;
}

export const RUN_RATE_DESCRIPTION = 'Current packages × current weekly unit cost × 52.14 weeks ÷ 1,000; information only — it never changes your figures.';
export const REPORTED_NOTE = 'as reported in the published FMR';
export const COMMITTED_DESCRIPTION =
  'Committed full-year spend: what the packages known at the month end cost over the financial year, worked out from the care-package extract, to compare with your forecast (Total spend/ income); on Care Contributions, the contributions committed.';

function figure(field: KadField, opts: ColumnOptions): GridColumn {
  const def = fieldDef(field);
  return {
    colId: field,
    // The published header names the budget year on the package count only.
    header: field === 'expectedPackages' ? `${def.header} ${opts.financialYearLabel}` : def.header,
    spokenHeader: def.header,
    band: def.band,
    kind: 'figure',
    unit: def.unit,
    ...('noun' in def ? { unitOptions: { noun: def.noun } } : {}),
  };
}

function dot(colId: 'packagesDot' | 'unitCostDot' | 'outturnDot', of: KadField, spokenHeader: string, opts: ColumnOptions): GridColumn {
  const source = opts.dots;
  return {
    colId,
    header: 'DoT',
    spokenHeader,
    band: fieldDef(of).band,
    kind: 'dot',
    arrowNote: source.kind === 'computed' ? `compared with ${source.against}` : REPORTED_NOTE,
    // Arrows as reported are shown in grey, marked as such in the legend.
    arrowsMuted: source.kind === 'reported',
  };
}

function computed(colId: string, header: string, spokenHeader: string, band: string, tooltip?: string): GridColumn {
  return { colId, header, spokenHeader, band, kind: 'computed', unit: 'gbp_k', tooltip, ...(band === 'runRate' ? { cellClass: 'kad-cell--runrate' } : {}) };
}

/** The published table's layout: service type, then BUDGET | ACTUAL (Month Year) | Outturn bands, then the run rate. */
export function kadColumns(opts: ColumnOptions): GridColumn[] {
  return [
    { colId: 'label', header: 'Service Type', spokenHeader: 'Service Type', band: 'service', kind: 'label' },
    figure('expectedPackages', opts),
    figure('budgetUnitCost', opts),
    figure('annualBudgetK', opts),
    figure('currentPackages', opts),
    dot('packagesDot', 'currentPackages', 'DoT of Current Care Packages', opts),
    figure('currentUnitCost', opts),
    dot('unitCostDot', 'currentUnitCost', 'DoT of Current Average Unit Cost', opts),
    figure('totalSpendK', opts),
    dot('outturnDot', 'totalSpendK', 'DoT of Total spend/ income', opts),
    computed('varianceK', 'Variance', 'Variance', 'outturn'),
    ...(opts.extract
      ? [computed('committedK', 'Committed (extract)', 'Committed full-year spend from the care-package extract', 'outturn', `${COMMITTED_DESCRIPTION} From ${opts.extract}.`)]
      : []),
    computed('runRateK', 'Full year at run rate', 'Full year at run rate', 'runRate', RUN_RATE_DESCRIPTION),
    computed('runRateVsBudgetK', 'vs Annual Budget', 'Run rate vs Annual Budget', 'runRate', RUN_RATE_DESCRIPTION),
    computed('runRateVsOutturnK', 'vs Total spend', 'Run rate vs Total spend', 'runRate', RUN_RATE_DESCRIPTION),
  ];
}

export function kadBands(opts: ColumnOptions): GridBand[] {
  return [
    { id: 'service', header: opts.serviceName, alignStart: true },
    { id: 'budget', header: 'BUDGET' },
    { id: 'actual', header: `ACTUAL (${opts.periodLabel})` },
    { id: 'outturn', header: 'Outturn' },
    { id: 'runRate', header: 'Run rate', tooltip: RUN_RATE_DESCRIPTION, headerClass: 'kad-band--runrate' },
  ];
}
