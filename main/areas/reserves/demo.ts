import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { entriesByDifference } from '../../../shared/areas/reserves/difference';
import { keyFor } from '../../../shared/keys';
import { RESERVES_AREA_ID } from '../../../shared/areas/reserves/ids';
import { toHundredths } from '../../../shared/units';
import { findMonth } from '../../import/read/names';
import { resourcesDir } from '../../store/resources';
import type { Workspace } from '../../store/workspace';
import { entryInserter } from './repository';

/** The published August 2023 Appendix 5 shipped in resources/demo, validated as it is read. */
const DEMO_PERIOD = '2023-08';
const SOURCE = 'published FMR August 2023';
const N = z.number().nullable();

const ReservesFixture = z.object({
  tables: z.array(
    z.object({
      directorate: z.string(),
      rows: z.array(z.object({ category: z.string().nullable(), budget_heading: z.string(), opening_balance: N, net_movements_to_august: N, forecast_year_end_balance: N, description: z.string().nullable() })),
      published_totals: z.array(z.object({ opening_balance: N, net_movements_to_august: N, forecast_year_end_balance: N })),
    }),
  ),
});
const GrantsFixture = z.object({
  tables: z.array(z.object({ directorate: z.string(), rows: z.array(z.object({ grant: z.string(), awarding_body: z.string().nullable(), amount: N })), published_totals: z.array(z.object({ amount: N })) })),
});
const VirementsFixture = z.object({
  tables: z.array(
    z.object({
      title: z.string(),
      opening_budget: z.object({ amount: z.number() }),
      rows: z.array(z.object({ budget_line: z.string(), period: z.string(), amount: z.number(), notes: z.string().nullable() })),
      published_totals: z.array(z.object({ amount: N })),
    }),
  ),
});

/**
 * How the demo's tables are tied to the other appendices (CHECKS.md section 10): the Public Health
 * reserves are drawn down on 1b's "Drawdown from reserves" line; the Disabled Facilities Grant funds the
 * capital scheme of that name; the Contain Outbreak Management Fund is budgeted on 1b's line of that name.
 */
const DEMO_DIRECTORATES = [
  { id: 'ahc', name: 'Adults, Health and Commissioning', drawdownLine: null },
  { id: 'ph', name: 'Public Health', drawdownLine: 'Drawdown from reserves' },
] as const;
const CAPITAL_LINKS: Record<string, string> = { 'Disabled Facilities Grant': 'Disabled Facilities Grant' };
const REVENUE_LINKS: Record<string, string> = { 'Contain Outbreak Management Fund': 'Contain Outbreak Management Fund' };

const read = <T>(schema: z.ZodType<T>, file: string): T => schema.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'demo', file), 'utf8')));
const h = (v: number | null) => (v === null ? null : toHundredths(v));

function directorateOf(name: string): string {
  const d = DEMO_DIRECTORATES.find((x) => name.includes(x.name));
  if (!d) throw new Error(`demo: unknown directorate in "${name}"`);
  return d.id;
}

/** Writes the demo's directorates and the published August 2023 Appendix 5; called inside the demo seed's write. */
export function seedReservesDemo(ws: Workspace): void {
  const db = ws.db;
  const reserves = read(ReservesFixture, 'reserves.json');
  const grants = read(GrantsFixture, 'grants.json');
  const virements = read(VirementsFixture, 'virements.json');
  const report = db.prepare(`INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, source) VALUES (?, '${RESERVES_AREA_ID}', ?, ?, ?, ?, '${SOURCE}')`);
  DEMO_DIRECTORATES.forEach((d, i) => db.prepare('INSERT INTO reserves_directorates (id, name, sort_order, revenue_drawdown_line) VALUES (?, ?, ?, ?)').run(d.id, d.name, i + 1, d.drawdownLine));

  const insertReserve = db.prepare('INSERT INTO reserves_register (id, directorate_id, category, name, description, sort_order, from_period) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertMonth = db.prepare('INSERT INTO reserves_months (period, directorate_id, no_movement_display, business_plan_budget) VALUES (?, ?, ?, ?)');
  const addEntry = entryInserter(ws);
  const taken = new Set<string>();
  let order = 0;
  for (const t of reserves.tables) {
    const dir = directorateOf(t.directorate);
    // 5.3.1 prints 0 where a reserve has not moved, 5.3.2 leaves the cell blank.
    insertMonth.run(DEMO_PERIOD, dir, t.rows.some((r) => r.net_movements_to_august === null) ? 'blank' : 'zero', null);
    for (const r of t.rows) {
      const id = keyFor(r.budget_heading, taken);
      taken.add(id);
      insertReserve.run(id, dir, r.category, r.budget_heading, r.description, ++order, DEMO_PERIOD);
      const target = { opening: h(r.opening_balance), movements: h(r.net_movements_to_august), forecast: h(r.forecast_year_end_balance) };
      for (const e of entriesByDifference([], DEMO_PERIOD, target, SOURCE).entries) addEntry({ ...e, reserveId: id, note: null, deficitReason: null });
    }
    const total = t.published_totals[0]!;
    report.run(DEMO_PERIOD, `schedule:${dir}`, 'total', 'opening', h(total.opening_balance));
    report.run(DEMO_PERIOD, `schedule:${dir}`, 'total', 'movements', h(total.net_movements_to_august));
    report.run(DEMO_PERIOD, `schedule:${dir}`, 'total', 'forecast', h(total.forecast_year_end_balance));
  }

  const insertGrant = db.prepare('INSERT INTO reserves_grants (period, directorate_id, grant_key, name, awarding_body, amount, capital_scheme, revenue_line, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const t of grants.tables) {
    const dir = directorateOf(t.directorate);
    const keys = new Set<string>();
    t.rows.forEach((r, i) => {
      const key = keyFor(r.grant, keys);
      keys.add(key);
      insertGrant.run(DEMO_PERIOD, dir, key, r.grant, r.awarding_body, h(r.amount), CAPITAL_LINKS[r.grant] ?? null, REVENUE_LINKS[r.grant] ?? null, i + 1);
    });
    report.run(DEMO_PERIOD, `grants:${dir}`, 'total', 'amount', h(t.published_totals[0]!.amount));
  }

  const insertVirement = db.prepare('INSERT INTO reserves_virements (period, directorate_id, seq, budget_line, effective_period, amount, notes) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const t of virements.tables) {
    const dir = directorateOf(t.title);
    db.prepare('UPDATE reserves_months SET business_plan_budget = ? WHERE period = ? AND directorate_id = ?').run(h(t.opening_budget.amount), DEMO_PERIOD, dir);
    t.rows.forEach((r, i) => {
      const month = findMonth(r.period, 2023)?.period;
      if (!month) throw new Error(`demo: no month in "${r.period}"`);
      insertVirement.run(DEMO_PERIOD, dir, i + 1, r.budget_line, month, h(r.amount), r.notes);
    });
    report.run(DEMO_PERIOD, `virements:${dir}`, 'budget', 'amount', h(t.published_totals[0]!.amount));
  }
}
