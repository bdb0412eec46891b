import type { Dimension } from '../scenario/types.js';

/** Bins of the fine histogram each dimension's forecasts are counted in (percentiles interpolate within a bin). */
export const FINE_BINS = 2000;
/** Bins of the reported histogram. */
export const REPORT_BINS = 50;

/**
 * Streaming summary of the forecasts of a block of runs: counts, sums and a fine histogram per dimension.
 * Memory is fixed whatever the number of runs; partials of consecutive blocks merge in block order, so the
 * result does not depend on how blocks were spread over workers.
 */
export interface Tally {
  count: number;
  /** Per dimension. */
  sum: number[];
  sumSq: number[];
  min: number[];
  max: number[];
  /** Per dimension, FINE_BINS counts over the scale. */
  bins: number[][];
}

/** An empty partial for `d` dimensions. */
export function emptyTally(d: number): Tally {
  return {
    count: 0,
    sum: new Array(d).fill(0),
    sumSq: new Array(d).fill(0),
    min: new Array(d).fill(Infinity),
    max: new Array(d).fill(-Infinity),
    bins: Array.from({ length: d }, () => new Array(FINE_BINS).fill(0)),
  };
}

/** Adds one forecast (one value per dimension) to a partial. */
export function addForecast(p: Tally, x: ArrayLike<number>, dims: readonly Dimension[]): void {
  p.count++;
  for (let k = 0; k < dims.length; k++) {
    const v = x[k];
    p.sum[k] += v;
    p.sumSq[k] += v * v;
    if (v < p.min[k]) p.min[k] = v;
    if (v > p.max[k]) p.max[k] = v;
    const { min, max } = dims[k].scale;
    const b = Math.min(FINE_BINS - 1, Math.max(0, Math.floor(((v - min) / (max - min)) * FINE_BINS)));
    p.bins[k][b]++;
  }
}

/** Merges `b` into `a` (call in block order for reproducible sums). */
export function mergeTally(a: Tally, b: Tally): void {
  a.count += b.count;
  for (let k = 0; k < a.sum.length; k++) {
    a.sum[k] += b.sum[k];
    a.sumSq[k] += b.sumSq[k];
    a.min[k] = Math.min(a.min[k], b.min[k]);
    a.max[k] = Math.max(a.max[k], b.max[k]);
    for (let j = 0; j < FINE_BINS; j++) a.bins[k][j] += b.bins[k][j];
  }
}

/** The q-quantile from a fine histogram, linear within the bin (resolution: range / FINE_BINS). */
function quantile(bins: number[], count: number, q: number, min: number, max: number, lo: number, hi: number): number {
  const target = q * count;
  let cum = 0;
  const w = (max - min) / FINE_BINS;
  for (let j = 0; j < bins.length; j++) {
    if (bins[j] > 0 && cum + bins[j] >= target) {
      const v = min + w * (j + (target - cum) / bins[j]);
      return Math.min(hi, Math.max(lo, v));
    }
    cum += bins[j];
  }
  return hi;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export interface DimensionSummary {
  id: string;
  title: string;
  mean: number;
  sd: number;
  min: number;
  max: number;
  percentiles: { p5: number; p25: number; p50: number; p75: number; p95: number };
  histogram: { edges: number[]; counts: number[] };
  bands: { id: string; label: string; from: number; to: number; probability: number }[];
}

/** Turns a merged partial into the reported summary per dimension (values rounded to 1e-6). */
export function summarise(p: Tally, dims: readonly Dimension[]): DimensionSummary[] {
  return dims.map((dim, k) => {
    const { min, max } = dim.scale;
    const n = p.count;
    const mean = n ? p.sum[k] / n : NaN;
    const variance = n > 1 ? Math.max(0, (p.sumSq[k] - n * mean * mean) / (n - 1)) : 0;
    const per = FINE_BINS / REPORT_BINS;
    const counts = Array.from({ length: REPORT_BINS }, (_, j) => p.bins[k].slice(j * per, (j + 1) * per).reduce((s, c) => s + c, 0));
    const edges = Array.from({ length: REPORT_BINS + 1 }, (_, j) => r6(min + ((max - min) * j) / REPORT_BINS));
    const q = (x: number) => r6(quantile(p.bins[k], n, x, min, max, p.min[k], p.max[k]));
    const bands = dim.scale.bands.map((b) => {
      let c = 0;
      for (let j = 0; j < FINE_BINS; j++) {
        const centre = min + ((j + 0.5) * (max - min)) / FINE_BINS;
        if (centre >= b.from && (centre < b.to || (b.to === max && centre <= max))) c += p.bins[k][j];
      }
      return { id: b.id, label: b.label, from: b.from, to: b.to, probability: n ? r6(c / n) : 0 };
    });
    return {
      id: dim.id,
      title: dim.title,
      mean: r6(mean),
      sd: r6(Math.sqrt(variance)),
      min: r6(p.min[k]),
      max: r6(p.max[k]),
      percentiles: { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) },
      histogram: { edges, counts },
      bands,
    };
  });
}
