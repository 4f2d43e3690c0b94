import { sumHundredths, type Hundredths } from '../../units';
import { slug, type Directorate, type Figures, type RevenueLine, type Section } from './model';
import { variancePct, type PctBase } from './percent';
import { netOf } from './totals';

/**
 * The section 1.2 summary table of a directorate, computed from its lines: one row per summary group
 * of sections ("Public Health - Children", "Public Health"), Total Expenditure, the mitigation and
 * funding rows ("Mitigations", "Drawdown from reserves"), then Total.
 */
export interface SummaryRow {
  key: string;
  label: string;
  kind: 'row' | 'expenditure_total' | 'mitigation' | 'total';
  figures: Figures;
}

export const summaryKey = {
  row: (dir: string, label: string) => `s:${dir}:${slug(label)}`,
  expenditure: (dir: string) => `s:${dir}:expenditure`,
  total: (dir: string) => `s:${dir}:total`,
};

export function sumFigures(lines: readonly RevenueLine[], base: PctBase): Figures {
  const grossBudget = sumHundredths(lines.map((l) => l.grossBudget));
  const incomeBudget = sumHundredths(lines.map((l) => l.incomeBudget));
  const netBudget = netOf(grossBudget, incomeBudget);
  const forecastVariance = sumHundredths(lines.map((l) => l.forecastVariance));
  return {
    previousVariance: sumHundredths(lines.map((l) => l.previousVariance)),
    grossBudget,
    incomeBudget,
    netBudget,
    actual: sumHundredths(lines.map((l) => l.actual)),
    forecastVariance,
    variancePct: variancePct(forecastVariance, { netBudget, grossBudget }, base),
  };
}

export function summaryRows(directorate: Directorate, sections: readonly Section[], lines: readonly RevenueLine[], base: PctBase): SummaryRow[] {
  const dir = directorate.id;
  const own = sections.filter((s) => s.directorateId === dir).sort((a, b) => a.order - b.order);
  const mine = lines.filter((l) => l.directorateId === dir);
  const groups = (mitigation: boolean) => {
    const labels: string[] = [];
    for (const s of own) if (s.isMitigation === mitigation && !labels.includes(s.summaryRow)) labels.push(s.summaryRow);
    return labels.map((label) => ({ label, lines: mine.filter((l) => own.some((s) => s.name === l.section && s.summaryRow === label && s.isMitigation === mitigation)) }));
  };
  const spend = groups(false);
  const mitigation = groups(true);
  const spendLines = spend.flatMap((g) => g.lines);
  return [
    ...spend.map((g): SummaryRow => ({ key: summaryKey.row(dir, g.label), label: g.label, kind: 'row', figures: sumFigures(g.lines, base) })),
    { key: summaryKey.expenditure(dir), label: 'Total Expenditure', kind: 'expenditure_total', figures: sumFigures(spendLines, base) },
    ...mitigation.map((g): SummaryRow => ({ key: summaryKey.row(dir, g.label), label: g.label, kind: 'mitigation', figures: sumFigures(g.lines, base) })),
    { key: summaryKey.total(dir), label: 'Total', kind: 'total', figures: sumFigures(mine, base) },
  ];
}

/** "£2.5m overspend", "£0.4m underspend", or "balanced" when it rounds to nothing, from £000 in hundredths. */
export function describeVariance(v: Hundredths | null): string {
  if (v === null) return 'not yet forecast';
  // £000 hundredths → £100k steps, rounded half away from zero: 2,517 → £2.5m.
  const tenths = Math.sign(v) * Math.floor((Math.abs(v) + 5000) / 10000);
  if (tenths === 0) return 'balanced';
  const m = Math.abs(tenths) / 10;
  return `£${m.toFixed(1)}m ${tenths > 0 ? 'overspend' : 'underspend'}`;
}

/**
 * The month's headline for a directorate, computed from its summary: "forecast £2.5m overspend before
 * mitigations, balanced after". A directorate with no mitigation or funding rows says only its forecast.
 */
export function headline(directorateName: string, rows: readonly SummaryRow[]): string {
  const before = rows.find((r) => r.kind === 'expenditure_total')?.figures.forecastVariance ?? null;
  const after = rows.find((r) => r.kind === 'total')?.figures.forecastVariance ?? null;
  const hasMitigation = rows.some((r) => r.kind === 'mitigation' && (r.figures.forecastVariance ?? 0) !== 0);
  const b = describeVariance(before);
  if (!hasMitigation) return `${directorateName}: forecast ${b === 'balanced' ? 'balanced budget' : b}.`;
  const a = describeVariance(after);
  return `${directorateName}: forecast ${b} before mitigations, ${a === 'balanced' ? 'balanced after' : `${a} after`}.`;
}
