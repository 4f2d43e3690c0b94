import { pipelineTotals, pipelineYears, type Proposal } from '../../../../shared/areas/savings/pipeline';
import { formatValue } from '../../../../shared/units';
import type { GridBand, GridColumn, GridRow } from '../../grid/types';

/** The savings pipeline in the generic grid: one row per proposal, as a business case summarises it, a column per year. */
const yearCol = (year: string) => `year:${year}`;

export function pipelineColumns(years: readonly string[]): GridColumn[] {
  return [
    { colId: 'label', header: 'Title', spokenHeader: 'Title', band: 'pipeline', kind: 'label', minWidth: 220 },
    { colId: 'bpRef', header: 'BP Ref', spokenHeader: 'BP Ref', band: 'pipeline', kind: 'text' },
    { colId: 'directorate', header: 'Directorate', spokenHeader: 'Directorate', band: 'pipeline', kind: 'text' },
    { colId: 'officer', header: 'Responsible officer', spokenHeader: 'Responsible officer', band: 'pipeline', kind: 'text' },
    ...years.map((y): GridColumn => ({ colId: yearCol(y), header: `${y} £000`, spokenHeader: `Saving in ${y} £000`, band: 'pipeline', kind: 'computed', unit: 'gbp_000' })),
    { colId: 'fullYearEffect', header: 'Full-year effect £000', spokenHeader: 'Full-year effect £000', band: 'pipeline', kind: 'computed', unit: 'gbp_000' },
    { colId: 'status', header: 'Status', spokenHeader: 'Status', band: 'pipeline', kind: 'text', minWidth: 160 },
  ];
}

export const PIPELINE_BANDS: GridBand[] = [{ id: 'pipeline', header: 'Proposals for the Business Plan', alignStart: true }];

/** "2024-25 -400 / 2025-26 -200", in £000 as the tracker shows savings. */
export function savingsText(p: Pick<Proposal, 'savings'>): string {
  return p.savings.map((s) => `${s.year} ${formatValue(s.amount, 'gbp_000')}`).join(' / ');
}

export function pipelineRows(proposals: readonly Proposal[], directorateName: (id: string) => string): GridRow[] {
  const years = pipelineYears(proposals);
  return proposals.map((p) => ({
    key: p.id,
    label: p.title,
    kind: 'line',
    values: {
      bpRef: p.bpRef,
      directorate: directorateName(p.directorateId),
      officer: p.responsibleOfficer ?? '',
      ...Object.fromEntries(years.map((y) => [yearCol(y), p.savings.find((s) => s.year === y)?.amount ?? undefined])),
      fullYearEffect: p.fullYearEffect ?? undefined,
      status: p.status === 'agreed' ? 'Agreed: a tracker line' : 'Proposed',
    },
    editable: [],
  }));
}

/** The total row: each year's savings and the full-year effects, added by the shared pipeline totals. */
export function pipelineFoot(proposals: readonly Proposal[]): GridRow[] {
  const t = pipelineTotals(proposals);
  const values = { ...Object.fromEntries(Object.entries(t.byYear).map(([y, v]) => [yearCol(y), v ?? undefined])), fullYearEffect: t.fullYearEffect ?? undefined };
  return [{ key: 'pipeline_total', label: 'Total', kind: 'total', values, editable: [] }];
}

/** The years with proposals still to agree, earliest first. */
export function yearsToAgree(proposals: readonly Proposal[]): string[] {
  return [...new Set(proposals.filter((p) => p.status === 'proposed').flatMap((p) => p.savings.filter((s) => s.amount !== 0).map((s) => s.year)))].sort();
}
