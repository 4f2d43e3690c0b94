import type { PackCell, PackTableSection } from '../../pack/table-section';
import type { Hundredths } from '../../units';
import type { CapitalTable } from './api';
import { FUNDING_FIELDS, SCHEME_FIELDS } from './model';

/**
 * Appendix 3 as the FMR prints it (4.1 then 4.2, their columns in the published order, the TOTAL rows,
 * "-" for a nil variance), from the page's table, for the workbook and the print view alike.
 */
export const CAPITAL_PACK_NUMBER = 'Appendix 3';
export const CAPITAL_PACK_TITLE = 'Capital Position';

const money = (value: Hundredths | null, zero?: string): PackCell => ({ value, unit: 'gbp_000', ...(zero ? { zero } : {}) });
const nil = (value: Hundredths | null) => money(value, '-');

export function capitalPackSection(id: string, t: CapitalTable): PackTableSection {
  const fy = t.fyLabel;
  const [original, schemeBudget, schemeVariance, yearBudget, yearActuals, yearVariance] = SCHEME_FIELDS.map((f) => f.header(fy));
  const [allocation, revised, spend] = FUNDING_FIELDS.map((f) => f.header(fy));
  const significant = t.significant.length
    ? `Schemes with significant variances (>£${t.settings.significantVariance}k), explained below: ${t.significant.map((s) => s.scheme).join('; ')}.`
    : `No schemes have significant variances (>£${t.settings.significantVariance}k).`;
  return {
    id,
    number: CAPITAL_PACK_NUMBER,
    title: CAPITAL_PACK_TITLE,
    intro: [t.variation.message],
    tables: [
      {
        number: '4.1',
        title: 'Capital Expenditure',
        headers: [original!, 'Committee', 'Scheme', schemeBudget!, schemeVariance!, yearBudget!, yearActuals!, yearVariance!],
        widths: [14, 16, 40, 12, 12, 12, 12, 12],
        rows: [
          ...t.schemes.map((s) => ({
            kind: 'line' as const,
            cells: [money(s.originalBudget), s.committee, s.name, money(s.schemeBudget), nil(s.schemeForecastVariance), money(s.yearBudget), nil(s.yearActuals), nil(s.yearForecastVariance)],
          })),
          {
            kind: 'total',
            cells: [money(t.schemeTotals.originalBudget), null, 'TOTAL', money(t.schemeTotals.schemeBudget), money(t.schemeTotals.schemeForecastVariance), money(t.schemeTotals.yearBudget), money(t.schemeTotals.yearActuals), money(t.schemeTotals.yearForecastVariance)],
          },
        ],
        notes: [significant],
      },
      {
        number: '4.2',
        title: 'Capital Funding',
        headers: [allocation!, 'Source of Funding', revised!, spend!, 'Variance £000'],
        widths: [14, 16, 40, 12, 12],
        rows: [
          ...t.funding.map((f) => ({ kind: 'line' as const, cells: [money(f.originalAllocation), f.name, money(f.revisedFunding), money(f.forecastSpend), nil(f.variance)] })),
          { kind: 'total', cells: [money(t.fundingTotals.originalAllocation), 'TOTAL', money(t.fundingTotals.revisedFunding), money(t.fundingTotals.forecastSpend), nil(t.fundingTotals.variance)] },
        ],
        notes: [],
      },
    ],
  };
}
