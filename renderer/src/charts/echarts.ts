import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Apache ECharts, tree-shaken to what the trend charts draw: bars, a line, two value axes, a title, a
 * legend and a tooltip, on the canvas renderer (fast to redraw and exportable as PNG with getDataURL).
 * ECharts styles its elements through the CSSOM, which the app's strict style-src allows; its HTML
 * tooltip would write style attributes, so the charts use the canvas-drawn ("richText") tooltip.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { init, type EChartsType };
