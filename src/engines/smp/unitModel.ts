import type { Model } from '../model.js';

/** A model mapped to the SMP's internal conventions: positions on [0,1], saliences summing to at most 1 per actor. */
export interface UnitModel {
  x0: Float64Array;
  sal: Float64Array;
  /** Row-major N×N ideal adjustment, or undefined for the identity. */
  accommodation?: Float64Array;
  warnings: string[];
}

/**
 * Maps a model to [0,1] per dimension by `(x − min)/(max − min)` (KTAB files: 0–100, i.e. x/100 as KTAB reads them)
 * and scales down the saliences of any actor whose saliences sum above 1, with a warning naming those actors
 * (DESIGN.md: the SMP reads an actor's total salience as its probability of resisting a challenge).
 */
export function unitModel(m: Model): UnitModel {
  const { n, d } = m;
  const warnings: string[] = [];
  const x0 = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) x0[i * d + k] = (m.position[i * d + k] - m.min[k]) / (m.max[k] - m.min[k]);
  }
  const sal = Float64Array.from(m.salience);
  const scaled: string[] = [];
  const zero: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += sal[i * d + k];
    if (s > 1 + 1e-12) {
      for (let k = 0; k < d; k++) sal[i * d + k] /= s;
      scaled.push(`${m.actors[i]} (${round(s)})`);
    } else if (s === 0) zero.push(m.actors[i]);
  }
  if (scaled.length)
    warnings.push(
      `saliences summing above 1 were scaled down to sum to 1 (the SMP reads the total as the probability of resisting a challenge): ${scaled.join(', ')}`,
    );
  if (zero.length) warnings.push(`actors with zero salience on every dimension are indifferent to every position: ${zero.join(', ')}`);
  const out: UnitModel = { x0, sal, warnings };
  const A = m.accommodation;
  if (A && A.length === n * n) {
    let identity = true;
    for (let i = 0; i < n && identity; i++) for (let j = 0; j < n; j++) if (A[i * n + j] !== (i === j ? 1 : 0)) identity = false;
    if (!identity) out.accommodation = Float64Array.from(A);
  } else if (A) warnings.push(`accommodation matrix ignored (expected ${n}×${n} entries, got ${A.length})`);
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
