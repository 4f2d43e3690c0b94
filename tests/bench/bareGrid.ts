import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { GRID_THEME_PARAMS } from '../../renderer/src/grid/themeParams';

/**
 * AG Grid Community on its own, the revenue bench's same-run baseline: the same budget lines in the same
 * nine columns, theme and grid size as Outturn's grid, with the options AG Grid itself offers set as
 * Outturn sets them (no row animation, no hover restyling, no rows drawn beyond the view), and none of
 * Outturn's own work: AG Grid's own cells, no selection, no React page, no save. A committed figure
 * recomputes the total with a plain loop over every line and hands it to the pinned row at once, inside
 * the keystroke. What Outturn costs beyond AG Grid is the difference between the two (README, Benchmarks).
 */
export interface BareLine {
  key: string;
  label: string;
  committee: string | null;
  grossBudget: number | null;
  incomeBudget: number | null;
  actual: number | null;
  forecastVariance: number | null;
}

export const BARE_ROOT = '#bare-grid';
export const bareCell = (key: string, colId: string) => `${BARE_ROOT} [role="row"][row-id="${key}"] [col-id="${colId}"]`;
export const BARE_TOTAL = `${BARE_ROOT} [role="row"][row-id="overall"] [col-id="forecastVariance"]`;

function page(lines: readonly BareLine[], width: number, height: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AG Grid on its own</title>
<script src="/ag-grid-community.min.js"></script><style>body { margin: 0; padding: 16px; }</style></head><body>
<div id="bare-grid" style="width: ${width}px; height: ${height}px"></div>
<script>
const lines = ${JSON.stringify(lines)};
const rows = lines.map((l) => ({ ...l, previousVariance: null, netBudget: (l.grossBudget ?? 0) + (l.incomeBudget ?? 0) }));
const money = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const thousands = (p) => (p.value == null ? '' : money.format(p.value / 1000));
const percent = (p) => (!p.data || !p.data.netBudget ? '' : Math.round((100 * p.data.forecastVariance) / Math.abs(p.data.netBudget)) + '%');
const figure = (field, extra) => ({ field, colId: field, minWidth: 100, flex: 1, type: 'rightAligned', valueFormatter: thousands, ...extra });
const FIELDS = ['previousVariance', 'grossBudget', 'incomeBudget', 'netBudget', 'actual', 'forecastVariance'];
const total = () => {
  const t = { key: 'overall', label: 'Overall Total', committee: '' };
  for (const f of FIELDS) { let s = 0; for (const r of rows) s += r[f] ?? 0; t[f] = s; }
  return t;
};
const columnDefs = [
  { field: 'label', colId: 'label', minWidth: 260 },
  { field: 'committee', colId: 'committee', width: 110 },
  figure('previousVariance'), figure('grossBudget'), figure('incomeBudget'), figure('netBudget'), figure('actual'),
  figure('forecastVariance', {
    editable: (p) => !p.node.rowPinned,
    valueSetter: (p) => {
      p.data.forecastVariance = Number(p.newValue) * 1000;
      p.api.getPinnedBottomRow(0).updateData(total());
      return true;
    },
  }),
  { colId: 'variancePct', headerName: 'Forecast Outturn Variance %', minWidth: 100, flex: 1, type: 'rightAligned', valueGetter: (p) => p.data, valueFormatter: percent },
];
agGrid.createGrid(document.getElementById('bare-grid'), {
  theme: agGrid.themeQuartz.withParams(${JSON.stringify(GRID_THEME_PARAMS)}),
  columnDefs,
  defaultColDef: { cellDataType: false, sortable: false, resizable: false, suppressMovable: true },
  rowData: rows,
  pinnedBottomRowData: [total()],
  getRowId: (p) => p.data.key,
  suppressColumnVirtualisation: true,
  animateRows: false,
  suppressRowHoverHighlight: true,
  rowBuffer: 0,
  enterNavigatesVerticallyAfterEdit: true,
  stopEditingWhenCellsLoseFocus: true,
});
</script></body></html>`;
}

/** Serves the page on the loopback, sized as given (Outturn's grid, measured in the same run). */
export async function serveBareGrid(lines: readonly BareLine[]): Promise<{ url: (width: number, height: number) => string; close: () => Promise<void> }> {
  const script = fs.readFileSync(path.resolve(__dirname, '../../node_modules/ag-grid-community/dist/ag-grid-community.min.js'));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/ag-grid-community.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    if (url.pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    const size = (name: string) => Math.max(200, Math.round(Number(url.searchParams.get(name)) || 0));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(lines, size('width'), size('height')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (width, height) => `http://127.0.0.1:${port}/?width=${width}&height=${height}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
