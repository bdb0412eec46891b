/** Server-side rendering of chart options to SVG with ECharts' SSR renderer (no DOM, no browser). */
import * as echarts from 'echarts';
import type { Chart } from './charts.js';

/** Renders a chart to a standalone SVG string, `width` px wide (its own height), without animation. */
export function renderSvg(chart: Chart, width = 900): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: chart.height });
  try {
    c.setOption({ ...chart.option, animation: false } as echarts.EChartsOption);
    return c.renderToSVGString();
  } finally {
    c.dispose();
  }
}
