/**
 * Chart option builders: pure functions from scenario data and results to ECharts option objects, shared by
 * the browser workbench (web/) and the server-side SVG of the brief (html.ts). Every chart has a title, a
 * legend, and value axes labelled in the scale's own words (the labelled points of the dimension's scale).
 */
import type { DimensionSummary } from '../analysis/aggregate.js';
import type { Dimension, Scenario } from '../scenario/types.js';
import { fmt } from '../scenario/describeValue.js';

/** An ECharts option object (kept loose so this module needs no ECharts types). */
export type ChartOption = Record<string, unknown>;

/** A chart: its ECharts option and the height (px) it needs at about 720 px wide. */
export interface Chart {
  title: string;
  option: ChartOption;
  height: number;
}

/** One engine's run, as the run contract gives it: `rounds[r].positions[actor][dimension]`. */
export interface RunLike {
  engine: string;
  rounds: { positions: number[][] }[];
  forecast: { position: number[] };
}

/** One dimension of a Monte Carlo summary (src/analysis/aggregate.ts). */
export type McDimensionLike = Pick<DimensionSummary, 'id' | 'mean' | 'sd' | 'percentiles' | 'histogram' | 'bands'>;

/** One row of a tornado chart: a label and the forecasts at the two ends (and optionally a third marker). */
export interface TornadoRow {
  label: string;
  low: number;
  high: number;
  extra?: number;
}

/** Colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"), then Tableau 10 for more actors. */
export const PALETTE = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000',
  '#4E79A7', '#F28E2B', '#59A14F', '#B07AA1', '#76B7B2', '#EDC948', '#FF9DA7', '#9C755F',
];

const FONT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
const TITLE = (text: string, subtext?: string) => ({ text, subtext, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 600 }, subtextStyle: { fontSize: 11, color: '#555' } });

/** Wraps words into lines of at most `width` characters (long words stay whole). */
export function wrap(text: string, width = 18): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The scale's labelled values (ends included), ascending, with their words. */
export function scaleTicks(dim: Dimension): { value: number; label: string }[] {
  const out = new Map<number, string>();
  out.set(dim.scale.min, dim.scale.minLabel);
  for (const p of dim.scale.points) out.set(p.value, p.label);
  out.set(dim.scale.max, dim.scale.maxLabel);
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([value, label]) => ({ value, label }));
}

/**
 * A value axis for a dimension's scale, labelled at the scale's points with its words ("50 organized, phased
 * exit"). With `range`, the axis is zoomed to it: points inside keep their words, the ends show numbers.
 */
export function scaleAxis(dim: Dimension, o: { range?: [number, number]; wrapWidth?: number; name?: string } = {}): ChartOption {
  const [lo, hi] = o.range ?? [dim.scale.min, dim.scale.max];
  const ticks = scaleTicks(dim).filter((t) => t.value >= lo && t.value <= hi);
  const words = new Map(ticks.map((t) => [t.value, t.label]));
  const values = [...new Set([lo, ...ticks.map((t) => t.value), hi])].sort((a, b) => a - b);
  const width = o.wrapWidth ?? 18;
  return {
    type: 'value',
    min: lo,
    max: hi,
    name: o.name ?? dim.title,
    nameLocation: 'middle',
    nameTextStyle: { fontWeight: 600, color: '#333' },
    axisLabel: {
      customValues: values,
      formatter: (v: number) => (words.has(v) ? `${fmt(v)}\n${wrap(words.get(v)!, width)}` : fmt(v)),
      fontSize: 10,
      color: '#333',
      lineHeight: 12,
    },
    axisTick: { customValues: values },
    splitLine: { show: true, lineStyle: { color: '#e5e5e5' } },
  };
}

/** How many text lines the longest wrapped scale label takes (to size the axis area). */
function labelLines(dim: Dimension, width: number): number {
  return Math.max(1, ...scaleTicks(dim).map((t) => wrap(t.label, width).split('\n').length)) + 1;
}

const colorOf = (i: number) => PALETTE[i % PALETTE.length];

/**
 * KTAB-style trajectory chart: every actor's position on one dimension, round by round, as one engine moves
 * them (rounds[0] is the input), with the engine's forecast as a dashed line.
 */
export function trajectoryChart(s: Scenario, run: RunLike, k: number): Chart {
  const dim = s.dimensions[k];
  const rounds = run.rounds.map((_, r) => String(r));
  const series: ChartOption[] = s.actors.map((a, i) => ({
    name: a.name,
    type: 'line',
    data: run.rounds.map((r) => round2(r.positions[i]?.[k])),
    showSymbol: run.rounds.length <= 30,
    symbolSize: 4,
    lineStyle: { width: 1.6 },
    itemStyle: { color: colorOf(i) },
  }));
  series.push({
    name: 'forecast',
    type: 'line',
    data: run.rounds.map(() => round2(run.forecast.position[k])),
    showSymbol: false,
    lineStyle: { type: 'dashed', width: 2, color: '#222' },
    itemStyle: { color: '#222' },
  });
  const title = `${dim.title}: positions by round (${run.engine})`;
  return {
    title,
    height: 380,
    option: {
      textStyle: FONT,
      animation: false,
      title: TITLE(title, `forecast ${fmt(run.forecast.position[k])} after ${run.rounds.length - 1} round(s)`),
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0, left: 8, right: 8, textStyle: { fontSize: 10 } },
      grid: { left: 190, right: 24, top: 56, bottom: 64 },
      xAxis: { type: 'category', data: rounds, name: 'round', nameLocation: 'middle', nameGap: 24, boundaryGap: false },
      yAxis: { ...scaleAxis(dim, { wrapWidth: 28 }), name: '' },
      series,
    },
  };
}

/**
 * Every engine's forecast on one dimension side by side on the scale, above the actors' input positions
 * (symbol area proportional to capability × salience).
 */
export function forecastsChart(s: Scenario, runs: RunLike[], k: number): Chart {
  const dim = s.dimensions[k];
  const rows = ['actors (input)', ...runs.map((r) => r.engine)];
  const weights = s.actors.map((a) => a.capability.value * a.salience[dim.id].value);
  const wmax = Math.max(...weights, 1e-9);
  const lines = labelLines(dim, 18);
  const title = `${dim.title}: forecasts by engine`;
  return {
    title,
    height: 120 + rows.length * 34 + lines * 12,
    option: {
      textStyle: FONT,
      animation: false,
      title: TITLE(title),
      tooltip: { trigger: 'item' },
      legend: { top: 30, left: 8, data: ['forecast', 'actor position (size = capability × salience)'] },
      grid: { left: 110, right: 40, top: 64, bottom: 30 + lines * 12 },
      yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { fontSize: 11 } },
      xAxis: { ...scaleAxis(dim), nameGap: 18 + lines * 12 },
      series: [
        {
          name: 'actor position (size = capability × salience)',
          type: 'scatter',
          data: s.actors.map((a, i) => ({ name: a.name, value: [round2(a.position[dim.id].value), rows[0]], symbolSize: 6 + 22 * Math.sqrt(weights[i] / wmax) })),
          itemStyle: { color: '#999', opacity: 0.55 },
        },
        {
          name: 'forecast',
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 16,
          data: runs.map((r) => ({ name: r.engine, value: [round2(r.forecast.position[k]), r.engine] })),
          itemStyle: { color: '#D55E00' },
          label: { show: true, position: 'top', formatter: (p: { value: [number, string] }) => fmt(p.value[0], 1), fontSize: 11 },
        },
      ],
    },
  };
}

/** Monte Carlo distribution of one dimension's forecast: histogram, 90% band (p5–p95) and median. */
export function monteCarloChart(s: Scenario, mc: McDimensionLike, k: number, o: { engine: string; runs: number }): Chart {
  const dim = s.dimensions[k];
  const { edges, counts } = mc.histogram;
  const data = counts.map((c, i) => [round2((edges[i] + edges[i + 1]) / 2), c]);
  const p = mc.percentiles;
  const lines = labelLines(dim, 16);
  const title = `${dim.title}: Monte Carlo distribution (${o.engine})`;
  return {
    title,
    height: 300 + lines * 12,
    option: {
      textStyle: FONT,
      animation: false,
      title: TITLE(title, `${o.runs} runs; median ${fmt(p.p50, 1)}, 90% of runs in ${fmt(p.p5, 1)}–${fmt(p.p95, 1)}, mean ${fmt(mc.mean, 1)} ± ${fmt(mc.sd, 1)}`),
      tooltip: { trigger: 'axis' },
      legend: { top: 48, right: 16, data: ['runs per bin', '90% band (p5–p95)', 'median'] },
      grid: { left: 60, right: 30, top: 84, bottom: 30 + lines * 12 },
      xAxis: { ...scaleAxis(dim, { wrapWidth: 16 }), nameGap: 18 + lines * 12 },
      yAxis: { type: 'value', name: 'runs', nameLocation: 'middle', nameGap: 40 },
      series: [
        { name: 'runs per bin', type: 'bar', data, barCategoryGap: '8%', itemStyle: { color: '#0072B2' } },
        {
          name: '90% band (p5–p95)',
          type: 'line',
          data: [],
          itemStyle: { color: 'rgba(230,159,0,0.35)' },
          markArea: { silent: true, itemStyle: { color: 'rgba(230,159,0,0.18)' }, data: [[{ xAxis: round2(p.p5) }, { xAxis: round2(p.p95) }]] },
        },
        {
          name: 'median',
          type: 'line',
          data: [],
          itemStyle: { color: '#D55E00' },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#D55E00', width: 2 }, label: { formatter: `median ${fmt(p.p50, 1)}` }, data: [{ xAxis: round2(p.p50) }] },
        },
      ],
    },
  };
}

/**
 * Tornado chart: one bar pair per row from the base forecast to the forecast at each end, ranked as given
 * (largest effect on top); `extra` (e.g. "without this actor") is drawn as a marker.
 */
export function tornadoChart(
  s: Scenario,
  k: number,
  o: { title: string; subtitle?: string; base: number; rows: TornadoRow[]; lowName: string; highName: string; extraName?: string },
): Chart {
  const dim = s.dimensions[k];
  const all = [o.base, ...o.rows.flatMap((r) => [r.low, r.high, ...(r.extra !== undefined ? [r.extra] : [])])].filter(Number.isFinite);
  const span = Math.max(...all) - Math.min(...all);
  const pad = Math.max(span * 0.1, (dim.scale.max - dim.scale.min) * 0.02);
  const range: [number, number] = [
    Math.max(dim.scale.min, Math.floor(Math.min(...all) - pad)),
    Math.min(dim.scale.max, Math.ceil(Math.max(...all) + pad)),
  ];
  const labels = o.rows.map((r) => r.label);
  const bar = (name: string, color: string, pick: (r: TornadoRow) => number, offset: number) => ({
    name,
    type: 'custom',
    itemStyle: { color },
    encode: { x: [1, 2], y: 0 },
    data: o.rows.map((r, i) => [i, round2(o.base), round2(pick(r))]),
    renderItem: (_: unknown, api: { value(i: number): number; coord(p: number[]): number[]; size(p: number[]): number[] }) => {
      const a = api.coord([api.value(1), api.value(0)]);
      const b = api.coord([api.value(2), api.value(0)]);
      const h = api.size([0, 1])[1] * 0.36;
      return { type: 'rect', shape: { x: Math.min(a[0], b[0]), y: a[1] - h + offset * h, width: Math.max(1, Math.abs(b[0] - a[0])), height: h }, style: { fill: color } };
    },
  });
  const series: ChartOption[] = [
    { ...bar(o.lowName, '#0072B2', (r) => r.low, 0), markLine: { silent: true, symbol: 'none', lineStyle: { color: '#222', type: 'dashed' }, label: { formatter: `base ${fmt(o.base, 1)}`, position: 'insideEndTop', fontSize: 10 }, data: [{ xAxis: round2(o.base) }] } },
    bar(o.highName, '#E69F00', (r) => r.high, 1),
  ];
  if (o.extraName)
    series.push({ name: o.extraName, type: 'scatter', symbol: 'triangle', symbolSize: 10, itemStyle: { color: '#CC79A7' }, data: o.rows.map((r, i) => [round2(r.extra ?? NaN), i]) });
  const lines = labelLines(dim, 16);
  return {
    title: o.title,
    height: 130 + o.rows.length * 30 + lines * 12,
    option: {
      textStyle: FONT,
      animation: false,
      title: TITLE(o.title, o.subtitle),
      tooltip: { trigger: 'item' },
      legend: { top: o.subtitle ? 48 : 32, left: 8, data: [o.lowName, o.highName, ...(o.extraName ? [o.extraName] : [])] },
      grid: { left: 210, right: 30, top: o.subtitle ? 84 : 68, bottom: 30 + lines * 12 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: 11, width: 196, overflow: 'truncate' } },
      xAxis: { ...scaleAxis(dim, { range, wrapWidth: 16, name: `forecast: ${dim.title}` }), nameGap: 18 + lines * 12 },
      series,
    },
  };
}

/**
 * Effective power along a dimension: each actor's capability × salience, binned by its position along the
 * scale and stacked by actor — where the weight of the contest lies.
 */
export function effectivePowerChart(s: Scenario, k: number, o: { bins?: number; positions?: number[] } = {}): Chart {
  const dim = s.dimensions[k];
  const bins = o.bins ?? 10;
  const { min, max } = dim.scale;
  const w = (max - min) / bins;
  const centre = (b: number) => round2(min + (b + 0.5) * w);
  const series: ChartOption[] = s.actors.map((a, i) => {
    const x = o.positions?.[i] ?? a.position[dim.id].value;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((x - min) / w)));
    const power = a.capability.value * a.salience[dim.id].value;
    return {
      name: a.name,
      type: 'bar',
      stack: 'power',
      barWidth: '90%',
      itemStyle: { color: colorOf(i) },
      data: Array.from({ length: bins }, (_, j) => [centre(j), j === b ? round2(power) : 0]),
    };
  });
  const lines = labelLines(dim, 16);
  const title = `${dim.title}: effective power along the scale`;
  return {
    title,
    height: 330 + lines * 12,
    option: {
      textStyle: FONT,
      animation: false,
      title: TITLE(title, `capability × salience of the actors, in ${bins} bins of the scale`),
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0, left: 8, right: 8, textStyle: { fontSize: 10 } },
      grid: { left: 60, right: 30, top: 60, bottom: 58 + lines * 12 },
      xAxis: { ...scaleAxis(dim, { wrapWidth: 16 }), nameGap: 18 + lines * 12 },
      yAxis: { type: 'value', name: 'capability × salience', nameLocation: 'middle', nameGap: 40 },
      series,
    },
  };
}

/** What-if: each engine's base and shocked forecast on one dimension, on the scale. */
export function whatIfChart(s: Scenario, rows: { engine: string; base: number[]; shocked: number[] }[], k: number, o: { label: string }): Chart {
  const dim = s.dimensions[k];
  const lines = labelLines(dim, 18);
  const title = `${dim.title}: what if ${o.label}`;
  return {
    title,
    height: 130 + rows.length * 36 + lines * 12,
    option: {
      textStyle: FONT,
      animation: false,
      title: TITLE(title),
      tooltip: { trigger: 'item' },
      legend: { top: 30, left: 8, data: ['base case', 'shocked'] },
      grid: { left: 110, right: 40, top: 64, bottom: 30 + lines * 12 },
      yAxis: { type: 'category', data: rows.map((r) => r.engine), inverse: true },
      xAxis: { ...scaleAxis(dim), nameGap: 18 + lines * 12 },
      series: [
        { name: 'base case', type: 'scatter', symbol: 'circle', symbolSize: 12, itemStyle: { color: '#0072B2' }, data: rows.map((r) => [round2(r.base[k]), r.engine]) },
        {
          name: 'shocked',
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 15,
          itemStyle: { color: '#D55E00' },
          data: rows.map((r) => [round2(r.shocked[k]), r.engine]),
          label: { show: true, position: 'right', fontSize: 10, formatter: (p: { dataIndex: number }) => signed(rows[p.dataIndex].shocked[k] - rows[p.dataIndex].base[k]) },
        },
      ],
    },
  };
}

/** One state of a replayed shock sequence: its label (date and title) and each engine's forecast. */
export interface ReplayStateLike {
  label: string;
  forecasts: { engine: string; position: number[] }[];
}

/**
 * The shocks replayed in date order: each engine's forecast on one dimension at the base case and after each
 * shock (cumulatively), as one line per engine across the sequence.
 */
export function replayChart(s: Scenario, states: ReplayStateLike[], k: number): Chart {
  const dim = s.dimensions[k];
  const engines = states[0]?.forecasts.map((f) => f.engine) ?? [];
  const title = `${dim.title}: the shocks replayed in date order`;
  const series: ChartOption[] = engines.map((e, j) => ({
    name: e,
    type: 'line',
    data: states.map((st) => round2(st.forecasts.find((f) => f.engine === e)?.position[k])),
    symbolSize: 7,
    lineStyle: { width: 2 },
    itemStyle: { color: colorOf(j) },
    label: { show: j === 0 || engines.length <= 2, position: 'top', fontSize: 10, formatter: (p: { value: number }) => fmt(p.value, 1) },
  }));
  return {
    title,
    height: 400,
    option: {
      textStyle: FONT,
      animation: false,
      title: TITLE(title, 'each engine\'s forecast at the base case and after each shock, applied one after another'),
      tooltip: { trigger: 'axis' },
      legend: { top: 48, right: 16, data: engines },
      grid: { left: 190, right: 40, top: 84, bottom: 70 },
      xAxis: { type: 'category', data: states.map((st) => wrap(st.label, 18)), boundaryGap: true, axisLabel: { fontSize: 10, interval: 0, lineHeight: 12 } },
      yAxis: { ...scaleAxis(dim, { wrapWidth: 28 }), name: '' },
      series,
    },
  };
}

/** `+1.5` / `−0.3` style difference. */
export function signed(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const m = fmt(Math.abs(x), 2);
  return m === '0' ? '±0' : (x > 0 ? '+' : '−') + m;
}

function round2(x: number | undefined): number {
  return x === undefined || !Number.isFinite(x) ? NaN : Math.round(x * 100) / 100;
}
