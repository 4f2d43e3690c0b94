import type { KadLine } from '../../shared/areas/kad/model';
import { SERVICE_TYPES } from '../../main/areas/kad/catalog';
import { writeKadTemplate, type TemplateTable } from '../../main/areas/kad/import/template-write';
import { lineKeyOf, lineValues, serviceIdOf, type PublishedTable } from './published';

/** The published tables as the workspace holds them: every service type a line, unused ones greyed and blank. */
export function kadLinesOf(t: PublishedTable): KadLine[] {
  const rows = new Map(t.rows.map((r) => [lineKeyOf(r), r]));
  const lines: KadLine[] = SERVICE_TYPES.map((type) => {
    const row = rows.get(type.id);
    const values = row ? lineValues(row) : { expectedPackages: null, budgetUnitCost: null, annualBudgetK: null, currentPackages: null, currentUnitCost: null, totalSpendK: null };
    return { key: type.id, label: type.name, kind: 'line', group: type.group, isRespite: type.isRespite, inUse: !!row, carried: [], ...values };
  });
  const care = t.published_totals.find((r) => r.kind === 'care_contributions')!;
  const cv = lineValues(care);
  lines.push({
    key: 'care_contributions', label: 'Care Contributions', kind: 'care_contributions', group: null, isRespite: false, inUse: true, carried: [],
    expectedPackages: null, budgetUnitCost: null, annualBudgetK: cv.annualBudgetK, currentPackages: null, currentUnitCost: null, totalSpendK: cv.totalSpendK,
  });
  return lines;
}

export function templateTables(tables: readonly PublishedTable[], filled: boolean, edit?: (t: PublishedTable, lines: KadLine[]) => KadLine[]): TemplateTable[] {
  return tables.map((t) => {
    const lines = kadLinesOf(t);
    return { serviceId: serviceIdOf(t), serviceName: t.title, lines: filled ? (edit ? edit(t, lines) : lines) : null };
  });
}

export async function buildTemplateWorkbook(file: string, tables: readonly PublishedTable[], opts: { filled: boolean; period?: string; edit?: (t: PublishedTable, lines: KadLine[]) => KadLine[] }): Promise<TemplateTable[]> {
  const input = templateTables(tables, opts.filled, opts.edit);
  await writeKadTemplate(file, { period: opts.period ?? '2023-08', tables: input });
  return input;
}
