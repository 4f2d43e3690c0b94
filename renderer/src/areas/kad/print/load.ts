import type { KadTable } from '../../../../../shared/areas/kad/api';
import { kadChartStart, kadTrendAltText, kadTrendTitle } from '../../../../../shared/areas/kad/chart';
import { kadPackCaption } from '../../../../../shared/areas/kad/pack-layout';
import type { KadTrend, KadTrendGroup } from '../../../../../shared/areas/kad/trend';
import { send } from '../../../api/client';

/** A chart ready to print: the picture and the words that stand for it. */
export interface PrintChart {
  group: KadTrendGroup;
  title: string;
  alt: string;
  src: string;
}

export interface PrintService {
  table: KadTable;
  /** "5.1 Key activity data at the end of August 2023 for … is shown below:" */
  caption: string;
  /** Empty when the service holds no figures for the month (the table is then not printed either). */
  charts: PrintChart[];
}

export interface KadPrintData {
  /** Whether any service's arrows were computed against last month (else the note on reported arrows). */
  previousHeld: boolean;
  services: PrintService[];
}

/**
 * Drawn at about the printed size (half the 273 mm A4 landscape text width, at 96 px per inch) so text stays
 * legible, and low enough that a service's table and both its charts share one page.
 */
export const PRINT_CHART_SIZE = { width: 500, height: 270 } as const;
const GROUPS: readonly KadTrendGroup[] = ['accommodation', 'community'];

/**
 * Section 5's figures through the same API as the rest of the app: each service's table for the month and
 * its trend from the financial year's April, as the workbook does (main/areas/kad/pack/section.ts).
 */
export async function loadKadPrint(period: string): Promise<KadPrintData> {
  const services = await send('kad.services', {});
  const tables = await Promise.all(services.map((s) => send('kad.table', { period, serviceId: s.id })));
  const from = kadChartStart(period);
  // ECharts is only loaded when there is a chart to draw.
  const charts = tables.some((t) => t.lines.length) ? await import('./chartImage') : null;
  const printed = await Promise.all(
    tables.map(async (table, i): Promise<PrintService> => {
      const caption = kadPackCaption(table.service.caption, i, period);
      if (!table.lines.length || !charts) return { table, caption, charts: [] };
      const trend: KadTrend = await send('kad.trend', { serviceId: table.service.id, from, to: period });
      return {
        table,
        caption,
        charts: GROUPS.map((group) => ({
          group,
          title: kadTrendTitle(trend, group),
          alt: kadTrendAltText(trend, group),
          src: charts.trendChartDataUrl(trend, group, PRINT_CHART_SIZE),
        })),
      };
    }),
  );
  return { previousHeld: tables.some((t) => t.previous !== null), services: printed };
}
