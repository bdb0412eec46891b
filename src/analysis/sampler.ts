import type { Scenario, UncertainNumber } from '../scenario/types.js';
import { compileModel, type Model } from '../engines/model.js';
import type { Rng } from './rng.js';

/**
 * Default noise where the scenario gives no uncertainty for a number (documented in docs/analysis.md):
 * positions sd = `position` × the scale's range, saliences sd = `salience` (absolute, on 0–1),
 * capabilities sd = `capability` × the value (relative). Zero turns the default off.
 */
export interface NoiseOptions {
  /** Default 0.05 (5% of the scale). */
  position: number;
  /** Default 0.05. */
  salience: number;
  /** Default 0.1 (10% of the value). */
  capability: number;
}

export const DEFAULT_NOISE: NoiseOptions = { position: 0.05, salience: 0.05, capability: 0.1 };

const FIXED = 0;
const UNIFORM = 1;
const NORMAL = 2;

/**
 * A compiled sampling plan: for each number of the model, its kind (fixed, uniform in [a,b], normal(a, b)
 * clipped to [lo, hi]). `sample` redraws a model's arrays in place, allocating nothing.
 */
export interface Sampler {
  /** A model whose arrays `sample` overwrites (point values until the first draw). */
  model: Model;
  sample(rng: Rng): Model;
}

/** Builds the sampling plan of a scenario's uncertain inputs (uniform for low/high, clipped normal for sd, default noise otherwise). */
export function createSampler(s: Scenario, noise: NoiseOptions = DEFAULT_NOISE): Sampler {
  const model = compileModel(s);
  const { n, d } = model;
  const total = n + 2 * n * d;
  const kind = new Uint8Array(total);
  const a = new Float64Array(total);
  const b = new Float64Array(total);
  const lo = new Float64Array(total);
  const hi = new Float64Array(total);
  const target: Float64Array[] = [];
  const index = new Int32Array(total);
  let p = 0;
  const plan = (u: UncertainNumber, arr: Float64Array, at: number, min: number, max: number, defaultSd: number) => {
    target.push(arr);
    index[p] = at;
    lo[p] = min;
    hi[p] = max;
    if (u.low !== undefined || u.high !== undefined) {
      kind[p] = UNIFORM;
      a[p] = u.low ?? u.value;
      b[p] = u.high ?? u.value;
    } else if (u.sd !== undefined || defaultSd > 0) {
      kind[p] = NORMAL;
      a[p] = u.value;
      b[p] = u.sd ?? defaultSd;
    } else {
      kind[p] = FIXED;
      a[p] = u.value;
    }
    p++;
  };
  s.actors.forEach((actor, i) => {
    const c = actor.capability;
    plan(c, model.capability, i, Number.MIN_VALUE, Infinity, noise.capability * c.value);
    s.dimensions.forEach((dim, k) => {
      const range = dim.scale.max - dim.scale.min;
      plan(actor.position[dim.id], model.position, i * d + k, dim.scale.min, dim.scale.max, noise.position * range);
      plan(actor.salience[dim.id], model.salience, i * d + k, 0, 1, noise.salience);
    });
  });
  return {
    model,
    sample(rng: Rng): Model {
      for (let q = 0; q < total; q++) {
        let v: number;
        if (kind[q] === UNIFORM) v = a[q] + (b[q] - a[q]) * rng.uniform();
        else if (kind[q] === NORMAL) v = a[q] + b[q] * rng.normal();
        else v = a[q];
        if (v < lo[q]) v = lo[q];
        else if (v > hi[q]) v = hi[q];
        target[q][index[q]] = v;
      }
      return model;
    },
  };
}
