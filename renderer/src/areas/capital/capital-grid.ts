import type { CapitalTable } from '../../../../shared/areas/capital/api';
import { FUNDING_FIELDS, SCHEME_FIELDS, type FundingField, type SchemeField } from '../../../../shared/areas/capital/model';
import type { GridBand, GridColumn, GridRow } from '../../grid/types';

/**
 * Appendix 3 in the generic grid: 4.1 (schemes) and 4.2 (funding), their columns as published with the
 * row labels first; nil variances and actuals print "-" as the published tables do.
 */
const NIL: readonly string[] = ['schemeForecastVariance', 'yearActuals', 'yearForecastVariance'];
const spoken = (header: string) => header.replace(' £000', '');

export function schemeColumns(t: Pick<CapitalTable, 'fyLabel'>): GridColumn[] {
  const figure = (f: (typeof SCHEME_FIELDS)[number]): GridColumn => {
    const header = f.header(t.fyLabel);
    return { colId: f.key, header, spokenHeader: spoken(header), band: 'programme', kind: 'figure', unit: 'gbp_000', ...(NIL.includes(f.key) ? { unitOptions: { zero: '-' } } : {}) };
  };
  const [original, ...rest] = SCHEME_FIELDS;
  return [
    { colId: 'label', header: 'Scheme', spokenHeader: 'Scheme', band: 'scheme', kind: 'label', minWidth: 260 },
    figure(original),
    { colId: 'committee', header: 'Committee', spokenHeader: 'Committee', band: 'programme', kind: 'text' },
    ...rest.map(figure),
  ];
}

export function fundingColumns(t: Pick<CapitalTable, 'fyLabel'>): GridColumn[] {
  return [
    { colId: 'label', header: 'Source of Funding', spokenHeader: 'Source of Funding', band: 'scheme', kind: 'label', minWidth: 260 },
    ...FUNDING_FIELDS.map((f): GridColumn => ({ colId: f.key, header: f.header(t.fyLabel), spokenHeader: spoken(f.header(t.fyLabel)), band: 'programme', kind: 'figure', unit: 'gbp_000' })),
    { colId: 'variance', header: 'Variance £000', spokenHeader: 'Variance', band: 'programme', kind: 'computed', unit: 'gbp_000', unitOptions: { zero: '-' }, tooltip: 'Forecast spend − revised funding, worked out by Outturn.' },
  ];
}

export const CAPITAL_BANDS: readonly GridBand[] = [
  { id: 'scheme', header: 'Adults & Health', alignStart: true },
  { id: 'programme', header: '£000' },
];

const SCHEME_KEYS = SCHEME_FIELDS.map((f) => f.key);

export function schemeBody(t: CapitalTable): GridRow[] {
  return t.schemes.map((s) => ({
    key: s.key,
    label: s.name,
    kind: 'line',
    values: { ...Object.fromEntries(SCHEME_KEYS.map((f) => [f, s[f]])), committee: s.committee ?? '' },
    // The Capital variations line's forecast variance is the rule's.
    editable: s.isVariation ? SCHEME_KEYS.filter((f) => f !== 'yearForecastVariance') : SCHEME_KEYS,
    refusal: s.isVariation ? 'lands on the Capital variations line’s forecast variance, which the Capital Variation Budget rule sets' : undefined,
  }));
}

export function schemeFoot(t: CapitalTable): GridRow[] {
  return [{ key: 'total', label: 'TOTAL', kind: 'total', values: t.schemeTotals, editable: [] }];
}

export function fundingBody(t: CapitalTable): GridRow[] {
  return t.funding.map((f) => ({ key: f.key, label: f.name, kind: 'line', values: { originalAllocation: f.originalAllocation, revisedFunding: f.revisedFunding, forecastSpend: f.forecastSpend, variance: f.variance }, editable: FUNDING_FIELDS.map((x) => x.key) }));
}

export function fundingFoot(t: CapitalTable): GridRow[] {
  return [{ key: 'total', label: 'TOTAL', kind: 'total', values: t.fundingTotals, editable: [] }];
}

export const isSchemeField = (colId: string): colId is SchemeField => (SCHEME_KEYS as readonly string[]).includes(colId);
export const isFundingField = (colId: string): colId is FundingField => FUNDING_FIELDS.some((f) => f.key === colId);
