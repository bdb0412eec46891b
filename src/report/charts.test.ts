import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { effectivePowerChart, forecastsChart, replayChart, scaleAxis, scaleTicks, signed, tornadoChart, trajectoryChart, wrap } from './charts.js';
import { renderSvg } from './svg.js';

const load = (): Scenario => {
  const r = loadScenario(fileURLToPath(new URL('./__golden__/contest.yaml', import.meta.url)));
  if (!r.ok) throw new Error('fixture does not load');
  return r.value;
};
type Series = { name: string; data: [number, number][] };

describe('chart builders', () => {
  test('wrap breaks at word boundaries', () => {
    expect(wrap('organized, phased exit on a negotiated timetable', 18)).toBe('organized, phased\nexit on a\nnegotiated\ntimetable');
    expect(wrap('short')).toBe('short');
  });

  test('the scale axis is labelled in the scale’s words at its points', () => {
    const s = load();
    expect(scaleTicks(s.dimensions[0]).map((t) => t.value)).toEqual([0, 50, 100]);
    const axis = scaleAxis(s.dimensions[0]) as { axisLabel: { customValues: number[]; formatter: (v: number) => string } };
    expect(axis.axisLabel.customValues).toEqual([0, 50, 100]);
    expect(axis.axisLabel.formatter(0)).toBe('0\nno tax');
    expect(axis.axisLabel.formatter(50)).toBe('50\nmoderate tax');
    const zoomed = scaleAxis(s.dimensions[0], { range: [30, 60] }) as { axisLabel: { customValues: number[]; formatter: (v: number) => string } };
    expect(zoomed.axisLabel.customValues).toEqual([30, 50, 60]);
    expect(zoomed.axisLabel.formatter(30)).toBe('30');
  });

  test('effective power bins capability × salience along the scale', () => {
    const s = load();
    const c = effectivePowerChart(s, 0, { bins: 10 });
    const series = c.option.series as Series[];
    const total = series.reduce((t, x) => t + x.data.reduce((u, d) => u + d[1], 0), 0);
    expect(total).toBeCloseTo(50 * 0.8 + 30 * 0.6 + 25 * 0.9 + 20 * 0.5, 6);
    const gov = series.find((x) => x.name === 'Government')!;
    expect(gov.data.find((d) => d[1] > 0)![0]).toBe(45); // position 40 falls in the bin 40–50
  });

  test('every chart has a title, a legend and renders to SVG on the server', () => {
    const s = load();
    const run = { engine: 'x', rounds: [{ positions: [[40], [70], [10], [80]] }, { positions: [[45], [60], [20], [70]] }], forecast: { position: [48] } };
    const charts = [
      trajectoryChart(s, run, 0),
      forecastsChart(s, [run], 0),
      effectivePowerChart(s, 0),
      tornadoChart(s, 0, { title: 't', base: 48, rows: [{ label: 'a', low: 40, high: 52, extra: 47 }], lowName: 'low', highName: 'high', extraName: 'without' }),
      replayChart(s, [{ label: 'base case', forecasts: [{ engine: 'x', position: [48] }] }, { label: '2024-03 A general strike', forecasts: [{ engine: 'x', position: [55] }] }], 0),
    ];
    for (const c of charts) {
      expect((c.option.title as { text: string }).text).toBe(c.title);
      expect(c.option.legend).toBeDefined();
      const svg = renderSvg(c);
      expect(svg).toMatch(/^<svg/);
      expect(svg).toContain(c.title.replace(/&/g, '&amp;'));
    }
    expect(renderSvg(forecastsChart(s, [run], 0))).toContain('moderate tax');
  });

  test('the replay chart draws one line per engine across the states, in order', () => {
    const s = load();
    const states = [
      { label: 'base case', forecasts: [{ engine: 'a', position: [40] }, { engine: 'b', position: [50] }] },
      { label: '2024-03 A general strike', forecasts: [{ engine: 'a', position: [45] }, { engine: 'b', position: [52.123] }] },
      { label: '2024-06 A recession', forecasts: [{ engine: 'a', position: [47] }, { engine: 'b', position: [60] }] },
    ];
    const c = replayChart(s, states, 0);
    const series = c.option.series as { name: string; data: number[] }[];
    expect(series.map((x) => x.name)).toEqual(['a', 'b']);
    expect(series[1].data).toEqual([50, 52.12, 60]);
    expect((c.option.xAxis as { data: string[] }).data).toEqual(['base case', '2024-03 A general\nstrike', '2024-06 A\nrecession']);
  });

  test('signed differences', () => {
    expect(signed(1.234)).toBe('+1.23');
    expect(signed(-0.5)).toBe('−0.5');
    expect(signed(0)).toBe('±0');
    expect(signed(1e-9)).toBe('±0'); // float noise that rounds to zero is no change
    expect(signed(-0.004)).toBe('±0');
  });
});
