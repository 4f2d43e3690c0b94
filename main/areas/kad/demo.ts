import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { toHundredths } from '../../../shared/units';
import { CARE_CONTRIBUTIONS_KEY, type KadField } from '../../../shared/areas/kad/model';
import { KAD_AREA_ID } from '../../../shared/areas/kad/ids';
import { SERVICE_TYPES, serviceTypeByName } from './catalog';
import { resourcesDir } from '../../store/resources';
import { seedExtractHistory } from './extract/demo';
import type { Workspace } from '../../store/workspace';

/** The published August 2023 KAD tables shipped in resources/demo, validated as they are read. */
const Num = z.number().nullable();
const Arrow = z.enum(['up', 'down', 'flat']).nullable();
const FixtureRow = z.object({
  label: z.string(),
  group: z.string().nullable().optional(),
  kind: z.string().optional(),
  budget: z.object({ expected_packages: Num, avg_unit_cost_per_week: Num, annual_budget_k: Num }),
  actual: z.object({ current_packages: Num, packages_dot: Arrow, avg_unit_cost_per_week: Num, unit_cost_dot: Arrow }),
  outturn: z.object({ total_spend_k: Num, dot: Arrow, variance_k: Num }),
});
export const KadFixture = z.object({
  table_id: z.string(),
  title: z.string(),
  caption: z.string(),
  rows: z.array(FixtureRow),
  published_totals: z.array(FixtureRow.extend({ kind: z.enum(['subtotal', 'total', 'care_contributions']) })),
});
export type KadFixture = z.infer<typeof KadFixture>;

export const DEMO_PERIOD = '2023-08';

/** The order of Section 5 (5.1 to 5.6). */
const DEMO_TABLES = [
  'kad-learning-disability-partnership',
  'kad-older-people-physical-disability-over-65',
  'kad-physical-disabilities-under-65',
  'kad-older-people-mental-health',
  'kad-adult-mental-health',
  'kad-autism',
];

export function loadDemoFixtures(dir = path.join(resourcesDir(), 'demo')): KadFixture[] {
  return DEMO_TABLES.map((id) => KadFixture.parse(JSON.parse(fs.readFileSync(path.join(dir, `${id}.json`), 'utf8'))));
}

export function serviceIdOf(tableId: string): string {
  return tableId.replace(/^kad-/, '');
}

type Row = z.infer<typeof FixtureRow>;
const h = (v: number | null) => (v === null ? null : toHundredths(v));

function lineValues(r: Row): Record<KadField, number | null> {
  return {
    expectedPackages: h(r.budget.expected_packages),
    budgetUnitCost: h(r.budget.avg_unit_cost_per_week),
    annualBudgetK: h(r.budget.annual_budget_k),
    currentPackages: h(r.actual.current_packages),
    currentUnitCost: h(r.actual.avg_unit_cost_per_week),
    totalSpendK: h(r.outturn.total_spend_k),
  };
}

function totalRowKey(r: Row & { kind: string }): string {
  if (r.kind === 'care_contributions') return CARE_CONTRIBUTIONS_KEY;
  if (r.kind === 'total') return 'total_expenditure';
  return r.group?.toLowerCase().startsWith('accommodation') ? 'subtotal_accommodation' : 'subtotal_community';
}

/** Writes the demo's six services and their published August 2023 tables; called inside the demo seed's write. */
export function seedKadDemo(ws: Workspace, fixtures = loadDemoFixtures()): void {
  {
    const db = ws.db;
    const insertType = db.prepare('INSERT OR IGNORE INTO kad_service_types (id, name, grp, sort_order, is_respite) VALUES (?, ?, ?, ?, ?)');
    SERVICE_TYPES.forEach((t, i) => insertType.run(t.id, t.name, t.group, i + 1, t.isRespite ? 1 : 0));
    const insertService = db.prepare('INSERT INTO kad_services (id, name, caption, sort_order) VALUES (?, ?, ?, ?)');
    const insertLine = db.prepare(
      `INSERT INTO kad_lines (period, service_id, line_key, in_use, expected_packages, budget_unit_cost, annual_budget_k, current_packages, current_unit_cost, total_spend_k)
       VALUES (@period, @service, @key, @inUse, @expectedPackages, @budgetUnitCost, @annualBudgetK, @currentPackages, @currentUnitCost, @totalSpendK)`,
    );
    const insertReported = db.prepare(
      `INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, value_text, source) VALUES (?, '${KAD_AREA_ID}', ?, ?, ?, ?, ?, 'published FMR August 2023')`,
    );
    const report = (service: string, rowKey: string, column: string, num: number | null, text: string | null) => {
      if (num !== null || text !== null) insertReported.run(DEMO_PERIOD, service, rowKey, column, num, text);
    };
    fixtures.forEach((fx, index) => {
      const service = serviceIdOf(fx.table_id);
      insertService.run(service, fx.title, fx.caption, index + 1);
      const listed = new Map<string, Row>();
      for (const row of fx.rows) {
        const type = serviceTypeByName(row.label);
        if (!type) throw new Error(`${fx.table_id}: unknown service type ${row.label}`);
        listed.set(type.id, row);
      }
      const empty: Record<KadField, null> = { expectedPackages: null, budgetUnitCost: null, annualBudgetK: null, currentPackages: null, currentUnitCost: null, totalSpendK: null };
      for (const type of SERVICE_TYPES) {
        const row = listed.get(type.id);
        insertLine.run({ period: DEMO_PERIOD, service, key: type.id, inUse: row ? 1 : 0, ...(row ? lineValues(row) : empty) });
        if (row) {
          report(service, type.id, 'packagesDot', null, row.actual.packages_dot);
          report(service, type.id, 'unitCostDot', null, row.actual.unit_cost_dot);
          report(service, type.id, 'outturnDot', null, row.outturn.dot);
          report(service, type.id, 'varianceK', h(row.outturn.variance_k), null);
        }
      }
      for (const total of fx.published_totals) {
        const key = totalRowKey(total);
        const values = lineValues(total);
        if (total.kind === 'care_contributions') {
          insertLine.run({ period: DEMO_PERIOD, service, key, inUse: 1, ...empty, annualBudgetK: values.annualBudgetK, totalSpendK: values.totalSpendK });
        } else {
          for (const [column, value] of Object.entries(values)) report(service, key, column, value, null);
        }
        report(service, key, 'varianceK', h(total.outturn.variance_k), null);
        report(service, key, 'outturnDot', null, total.outturn.dot);
      }
    });
  }
  // History behind the charts, from the synthetic care-package extract shipped with the demo.
  seedExtractHistory(ws);
}
