import type { KadTable } from './api';
import { tableDots, type DotColumn } from './dot';
import { KAD_GROUPS, type Dot, type KadField, type KadGroupId, type KadUnit } from './model';
import { computeKadTotals, variance } from './totals';
import type { Hundredths } from '../../units';
import { financialYearOf, monthLabel } from '../../periods';

/**
 * Section 5 of the FMR as the committee pack lays it out, independent of the file format: the columns,
 * captions and rows of one service's table with every figure Outturn holds or computes. The Excel writer
 * turns it into cells and formulas; a print view can draw the same rows.
 */
export const KAD_SECTION_NUMBER = '5';
export const KAD_SECTION_TITLE = 'Key Activity Data';

export type KadPackColumn =
  | { kind: 'label'; header: string }
  | { kind: 'field'; field: KadField; unit: KadUnit; header: string }
  | { kind: 'dot'; dot: DotColumn; header: string }
  | { kind: 'variance'; unit: 'gbp_k'; header: string };

/** The published column order, A to K. */
export function kadPackColumns(period: string): KadPackColumn[] {
  const fy = financialYearOf(period).replace('-', '/');
  return [
    { kind: 'label', header: 'Service Type' },
    { kind: 'field', field: 'expectedPackages', unit: 'count', header: `Expected No. of Care Packages ${fy}` },
    { kind: 'field', field: 'budgetUnitCost', unit: 'gbp_week', header: 'Budgeted Average Unit Cost (per week)' },
    { kind: 'field', field: 'annualBudgetK', unit: 'gbp_k', header: 'Annual Budget' },
    { kind: 'field', field: 'currentPackages', unit: 'count', header: 'Current Care Packages' },
    { kind: 'dot', dot: 'packagesDot', header: 'DoT' },
    { kind: 'field', field: 'currentUnitCost', unit: 'gbp_week', header: 'Current Average Unit Cost (per week)' },
    { kind: 'dot', dot: 'unitCostDot', header: 'DoT' },
    { kind: 'field', field: 'totalSpendK', unit: 'gbp_k', header: 'Total spend/ income' },
    { kind: 'dot', dot: 'outturnDot', header: 'DoT' },
    { kind: 'variance', unit: 'gbp_k', header: 'Variance' },
  ];
}

/** The merged band above the headers: service name | BUDGET (B–D) | ACTUAL (month) (E–H) | Outturn (I–K). */
export function kadPackBand(serviceName: string, period: string): { text: string; from: number; to: number }[] {
  return [
    { text: serviceName, from: 0, to: 0 },
    { text: 'BUDGET', from: 1, to: 3 },
    { text: `ACTUAL (${monthLabel(period)})`, from: 4, to: 7 },
    { text: 'Outturn', from: 8, to: 10 },
  ];
}

const MONTH_YEAR = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b/g;

/**
 * "5.1 Key activity data at the end of August 2023 for Learning Disability Partnership is shown below:"
 * from the service's own caption: numbered by its place in the section, its month made the period's.
 */
export function kadPackCaption(caption: string, index: number, period: string): string {
  const body = caption.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '').replace(MONTH_YEAR, monthLabel(period)).trim();
  return `${KAD_SECTION_NUMBER}.${index + 1} ${body}`;
}

export type KadPackRowKind = 'group' | 'line' | 'subtotal' | 'total' | 'care_contributions';

export interface KadPackRow {
  key: string;
  kind: KadPackRowKind;
  /** As printed: "~Residential", "Accommodation based subtotal". */
  label: string;
  group: KadGroupId | null;
  /** False for care types the service does not use: printed greyed out, without figures. */
  inUse: boolean;
  isRespite: boolean;
  values: Record<KadField, Hundredths | null>;
  varianceK: Hundredths | null;
  dots: Record<DotColumn, Dot | null>;
  /** Figures still as a roll forward carried them, not yet updated (the print view marks them c/f). */
  carried: readonly KadField[];
}

const NO_VALUES: Record<KadField, null> = { expectedPackages: null, budgetUnitCost: null, annualBudgetK: null, currentPackages: null, currentUnitCost: null, totalSpendK: null };
const NO_DOTS: Record<DotColumn, null> = { packagesDot: null, unitCostDot: null, outturnDot: null };

/** The app's rule: arrows computed against last month when it is held, else the arrows as reported. */
export const kadPackDots = (table: KadTable) => tableDots(table);

/** Every row of one service's table, in the published order, with Outturn's own totals. */
export function kadPackRows(table: KadTable): KadPackRow[] {
  const dots = kadPackDots(table);
  const totals = computeKadTotals(table.lines, table.averagingRule);
  const totalRow = (key: string): KadPackRow => {
    const t = totals.find((x) => x.key === key)!;
    const { varianceK, ...rest } = t;
    const values = Object.fromEntries(Object.keys(NO_VALUES).map((f) => [f, rest[f as KadField]])) as Record<KadField, Hundredths | null>;
    return { key, kind: t.kind, label: t.label, group: t.group, inUse: true, isRespite: false, values, varianceK, dots: dots(key), carried: [] };
  };
  const rows: KadPackRow[] = [];
  for (const g of KAD_GROUPS) {
    rows.push({ key: `group_${g.id}`, kind: 'group', label: g.label, group: g.id, inUse: true, isRespite: false, values: { ...NO_VALUES }, varianceK: null, dots: { ...NO_DOTS }, carried: [] });
    for (const line of table.lines.filter((l) => l.kind === 'line' && l.group === g.id)) {
      const values = Object.fromEntries(Object.keys(NO_VALUES).map((f) => [f, line.inUse ? line[f as KadField] : null])) as Record<KadField, Hundredths | null>;
      rows.push({
        key: line.key,
        kind: 'line',
        label: `~${line.label}`,
        group: g.id,
        inUse: line.inUse,
        isRespite: line.isRespite,
        values,
        varianceK: line.inUse ? variance(line.totalSpendK, line.annualBudgetK) : null,
        dots: line.inUse ? dots(line.key) : { ...NO_DOTS },
        carried: line.inUse ? line.carried : [],
      });
    }
    rows.push(totalRow(`subtotal_${g.id}`));
  }
  rows.push(totalRow('total_expenditure'));
  for (const care of table.lines.filter((l) => l.kind === 'care_contributions')) {
    rows.push({
      key: care.key,
      kind: 'care_contributions',
      label: 'Care Contributions',
      group: null,
      inUse: true,
      isRespite: false,
      values: { ...NO_VALUES, annualBudgetK: care.annualBudgetK, totalSpendK: care.totalSpendK },
      varianceK: variance(care.totalSpendK, care.annualBudgetK),
      dots: dots(care.key),
      carried: care.carried,
    });
  }
  return rows;
}
