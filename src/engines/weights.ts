import type { Model } from './model.js';

/** Weighted mean of `x` with weights `w` (Achen's compromise model, Thomson et al. 2006). */
export function weightedMean(x: ArrayLike<number>, w: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    num += w[i] * x[i];
    den += w[i];
  }
  return den > 0 ? num / den : NaN;
}

/**
 * Weighted median: sort ascending (stable) and take the first position at which cumulative weight reaches
 * half the total (minus 1e-12), as in eum.md §9 and its parity rule 8.
 */
export function weightedMedian(x: ArrayLike<number>, w: ArrayLike<number>): number {
  const idx = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  let total = 0;
  for (let i = 0; i < x.length; i++) total += w[i];
  if (!(total > 0)) return NaN;
  let cum = 0;
  for (const i of idx) {
    cum += w[i];
    if (cum >= total / 2 - 1e-12) return x[i];
  }
  return x[idx[idx.length - 1]];
}

/** Column k of an actor-major array (`position` or `salience`) of a model. */
export function column(m: Model, arr: Float64Array, k: number): Float64Array {
  const out = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) out[i] = arr[i * m.d + k];
  return out;
}

/** Capability × salience weights of every actor on dimension k. */
export function powerWeights(m: Model, k: number): Float64Array {
  const out = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) out[i] = m.capability[i] * m.salience[i * m.d + k];
  return out;
}

/** The model's positions as nested arrays `[actor][dimension]`. */
export function positionsOf(m: Model, pos: Float64Array = m.position): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.n; i++) out.push(Array.from(pos.subarray(i * m.d, (i + 1) * m.d)));
  return out;
}
