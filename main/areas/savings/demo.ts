import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SAVINGS_AREA_ID } from '../../../shared/areas/savings/ids';
import { TOTAL_ROW } from '../../../shared/areas/savings/checks';
import { RagSchema } from '../../../shared/areas/savings/model';
import { toHundredths } from '../../../shared/units';
import { resourcesDir } from '../../store/resources';
import type { Workspace } from '../../store/workspace';
import { insertLine } from './repository';

/** The published Quarter 1 2023/24 trackers shipped in resources/demo, validated as they are read. */
const Row = z.object({
  rag: RagSchema,
  bp_ref: z.string(),
  title: z.string(),
  original_saving: z.number(),
  forecast_saving: z.number(),
  variance_from_plan: z.number(),
  pct_variance: z.number(),
  commentary: z.string(),
});
const Total = z.object({ original_saving: z.number(), forecast_saving: z.number(), variance_from_plan: z.number() });
export const TrackerFixture = z.object({
  table_id: z.literal('savings-tracker-q1'),
  trackers: z.array(z.object({ tracker_id: z.string(), title: z.string(), rows: z.array(Row), published_totals: z.array(Total) })),
});
export type TrackerFixture = z.infer<typeof TrackerFixture>;

export const DEMO_PERIOD = '2023-08';
export const DEMO_YEAR = '2023-24';

export function loadTrackerFixture(dir = path.join(resourcesDir(), 'demo')): TrackerFixture {
  return TrackerFixture.parse(JSON.parse(fs.readFileSync(path.join(dir, 'savings-tracker-q1.json'), 'utf8')));
}

/** Writes both published trackers as the 2023-24 register, their RAG, variances and totals as reported; inside the demo seed's write. */
export function seedSavingsDemo(ws: Workspace, fixture = loadTrackerFixture()): void {
  const report = ws.db.prepare(
    `INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, value_text, source) VALUES (?, '${SAVINGS_AREA_ID}', ?, ?, ?, ?, ?, 'published FMR August 2023')`,
  );
  for (const tracker of fixture.trackers) {
    const directorate = tracker.tracker_id;
    tracker.rows.forEach((r, i) => {
      const id = insertLine(ws, {
        id: `${DEMO_YEAR}-${directorate}-${i + 1}`,
        financialYear: DEMO_YEAR,
        directorateId: directorate,
        bpRef: r.bp_ref,
        title: r.title,
        owner: null,
        originalSaving: toHundredths(r.original_saving),
        forecastSaving: toHundredths(r.forecast_saving),
        commentary: r.commentary,
      });
      report.run(DEMO_PERIOD, directorate, id, 'rag', null, r.rag);
      report.run(DEMO_PERIOD, directorate, id, 'variance', toHundredths(r.variance_from_plan), null);
      report.run(DEMO_PERIOD, directorate, id, 'pctVariance', toHundredths(r.pct_variance), null);
    });
    for (const t of tracker.published_totals) {
      report.run(DEMO_PERIOD, directorate, TOTAL_ROW, 'originalSaving', toHundredths(t.original_saving), null);
      report.run(DEMO_PERIOD, directorate, TOTAL_ROW, 'forecastSaving', toHundredths(t.forecast_saving), null);
      report.run(DEMO_PERIOD, directorate, TOTAL_ROW, 'variance', toHundredths(t.variance_from_plan), null);
    }
  }
}
