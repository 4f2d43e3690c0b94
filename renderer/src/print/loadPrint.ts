import type { KadTable } from '../../../shared/areas/kad/api';
import { kadTrendAltText, kadTrendTitle } from '../../../shared/areas/kad/chart';
import type { KadTrend, KadTrendGroup } from '../../../shared/areas/kad/trend';
import { kadPackCaption } from '../../../shared/areas/kad/pack-layout';
import { reportTitleFor, type PackSettings } from '../../../shared/pack/settings';
import { financialYearOf, monthLabel, monthsOfFinancialYear } from '../../../shared/periods';
import { ApiError, send } from '../api/client';
import type { PrintRequest } from './printHash';

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

export interface PrintData {
  settings: PackSettings;
  reportTitle: string;
  periodLabel: string;
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
 * Everything the print view shows, fetched through the same API as the rest of the app: the pack
 * settings, each service's table for the month and its trend from the financial year's April, as the
 * workbook does (main/pack/sections/kad.ts).
 */
export async function loadPrintData(req: PrintRequest): Promise<PrintData> {
  const [{ settings }, periods, services] = await Promise.all([send('pack.settings', { period: req.period }), send('periods.list', {}), send('kad.services', {})]);
  if (!periods.months.some((m) => m.id === req.period)) {
    throw new ApiError('not_found', `${monthLabel(req.period)} is not a period of this workspace. Choose a month that exists and open the print view again.`);
  }
  const kad = req.sections.includes('kad');
  const tables = kad ? await Promise.all(services.map((s) => send('kad.table', { period: req.period, serviceId: s.id }))) : [];
  const from = monthsOfFinancialYear(financialYearOf(req.period))[0]!;
  // ECharts is only loaded when there is a chart to draw.
  const charts = tables.some((t) => t.lines.length) ? await import('./chartImage') : null;
  const printed = await Promise.all(
    tables.map(async (table, i): Promise<PrintService> => {
      const caption = kadPackCaption(table.service.caption, i, req.period);
      if (!table.lines.length || !charts) return { table, caption, charts: [] };
      const trend: KadTrend = await send('kad.trend', { serviceId: table.service.id, from, to: req.period });
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
  return {
    settings,
    reportTitle: reportTitleFor(settings, req.period),
    periodLabel: monthLabel(req.period),
    previousHeld: tables.some((t) => t.previous !== null),
    services: printed,
  };
}
