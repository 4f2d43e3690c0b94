import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CAPITAL_AREA_ID } from '../../../shared/areas/capital/ids';
import { keyFor } from '../../../shared/keys';
import { toHundredths } from '../../../shared/units';
import { resourcesDir } from '../../store/resources';
import type { Workspace } from '../../store/workspace';

/** The published August 2023 capital programme shipped in resources/demo, validated as it is read. */
const DEMO_PERIOD = '2023-08';
const SOURCE = 'published FMR August 2023';
const N = z.number().nullable();
const Scheme = z.object({
  committee: z.string().nullable(),
  scheme: z.string(),
  original_2023_24_budget_per_bp: N,
  scheme_budget: N,
  scheme_forecast_variance: N,
  budget_2023_24: N,
  actuals_2023_24: N,
  forecast_variance_2023_24: N,
});
const Funding = z.object({ source_of_funding: z.string(), original_2023_24_funding_per_bp: N, revised_funding_2023_24: N, forecast_spend: N, variance: N });
const Fixture = z.object({
  executive_summary: z.object({ row: z.object({ scheme_budget: N, scheme_forecast_variance: N, budget_2023_24: N, actuals_2023_24: N, forecast_outturn_variance_2023_24: N }) }),
  capital_expenditure_4_1: z.object({ rows: z.array(Scheme), published_totals: z.array(Scheme) }),
  capital_funding_4_2: z.object({ rows: z.array(Funding), published_totals: z.array(Funding) }),
});

/** The demo's Capital Variation Budget line and its grant-funded source, by their published names. */
const VARIATION_LINE = 'Capital variations';
const GRANT_SOURCE = 'Grant Funding';
const h = (v: number | null) => (v === null ? null : toHundredths(v));

export function seedCapitalDemo(ws: Workspace): void {
  const fx = Fixture.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'demo', 'capital.json'), 'utf8')));
  const report = ws.db.prepare(`INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, source) VALUES (?, '${CAPITAL_AREA_ID}', ?, ?, ?, ?, '${SOURCE}')`);
  const insertScheme = ws.db.prepare(
    `INSERT INTO capital_schemes (period, scheme_key, committee, name, is_variation, original_budget, scheme_budget, scheme_forecast_variance, year_budget, year_actuals, year_forecast_variance, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keys = new Set<string>();
  fx.capital_expenditure_4_1.rows.forEach((r, i) => {
    const key = keyFor(r.scheme, keys);
    keys.add(key);
    const variation = r.scheme === VARIATION_LINE;
    // The variation line's forecast variance is the rule's; the published figure is kept as reported.
    insertScheme.run(DEMO_PERIOD, key, r.committee, r.scheme, variation ? 1 : 0, h(r.original_2023_24_budget_per_bp), h(r.scheme_budget), h(r.scheme_forecast_variance), h(r.budget_2023_24), h(r.actuals_2023_24), variation ? null : h(r.forecast_variance_2023_24), i + 1);
    if (variation) report.run(DEMO_PERIOD, '4.1', key, 'yearForecastVariance', h(r.forecast_variance_2023_24));
  });
  const total = fx.capital_expenditure_4_1.published_totals[0]!;
  const schemeColumns = { originalBudget: total.original_2023_24_budget_per_bp, schemeBudget: total.scheme_budget, schemeForecastVariance: total.scheme_forecast_variance, yearBudget: total.budget_2023_24, yearActuals: total.actuals_2023_24, yearForecastVariance: total.forecast_variance_2023_24 };
  for (const [column, value] of Object.entries(schemeColumns)) report.run(DEMO_PERIOD, '4.1', 'total', column, h(value));

  const insertFunding = ws.db.prepare('INSERT INTO capital_funding (period, source_key, name, is_grant, original_allocation, revised_funding, forecast_spend, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const sources = new Set<string>();
  fx.capital_funding_4_2.rows.forEach((r, i) => {
    const key = keyFor(r.source_of_funding, sources);
    sources.add(key);
    insertFunding.run(DEMO_PERIOD, key, r.source_of_funding, r.source_of_funding === GRANT_SOURCE ? 1 : 0, h(r.original_2023_24_funding_per_bp), h(r.revised_funding_2023_24), h(r.forecast_spend), i + 1);
    report.run(DEMO_PERIOD, '4.2', key, 'variance', h(r.variance));
  });
  const ft = fx.capital_funding_4_2.published_totals[0]!;
  for (const [column, value] of Object.entries({ originalAllocation: ft.original_2023_24_funding_per_bp, revisedFunding: ft.revised_funding_2023_24, forecastSpend: ft.forecast_spend, variance: ft.variance })) report.run(DEMO_PERIOD, '4.2', 'total', column, h(value));

  const s = fx.executive_summary.row;
  for (const [column, value] of Object.entries({ schemeBudget: s.scheme_budget, schemeForecastVariance: s.scheme_forecast_variance, yearBudget: s.budget_2023_24, yearActuals: s.actuals_2023_24, forecastOutturnVariance: s.forecast_outturn_variance_2023_24 })) {
    report.run(DEMO_PERIOD, 'summary', 'summary', column, h(value));
  }
}
