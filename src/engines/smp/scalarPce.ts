import { vote } from './vote.js';
import { victoryProbability } from './victoryProbability.js';
import { condorcetPce } from './pce.js';

/** Strength every coalition starts with in the election model (KTAB `minC`, smp.md §2). */
export const MIN_COALITION = 1e-8;

/** Preallocated scratch arrays for `scalarPce` over at most `maxOptions` options. */
export class PceWorkspace {
  readonly coal: Float64Array;
  readonly vp: Float64Array;
  readonly work: Float64Array;
  constructor(readonly maxOptions: number) {
    const m = maxOptions;
    this.coal = new Float64Array(m * m);
    this.vp = new Float64Array(m * m);
    this.work = new Float64Array(m * m + 2 * m);
  }
}

/**
 * KTAB's `scalarPCE` (smp.md §3.2): `n` voters with weights `w` judge `m` options by the utilities
 * `util[k*m + a]` (voter k, option a). Votes (rule `vr`) build the coalitions `C(a,b) = 1e-8 + Σ_k max(0, v_k(a,b))`
 * (computed for a > b, voters ascending), then victory probabilities (`vpm`) and the Condorcet election (`pcem`)
 * give each option's probability in `out[0..m)`. Uses only the workspace; allocates nothing.
 */
export function scalarPce(ws: PceWorkspace, n: number, m: number, w: ArrayLike<number>, util: ArrayLike<number>, vr: number, vpm: number, pcem: number, out: Float64Array): void {
  const { coal, vp, work } = ws;
  const mm = m * m;
  for (let x = 0; x < mm; x++) coal[x] = MIN_COALITION;
  for (let k = 0; k < n; k++) {
    const wk = w[k];
    const row = k * m;
    if (vr === 2) {
      // Prop (KTAB's default) inlined: vote = w (ua − ub).
      for (let a = 1; a < m; a++) {
        const ua = util[row + a];
        const ca = a * m;
        for (let b = 0; b < a; b++) {
          const v = wk * (ua - util[row + b]);
          if (v > 0) coal[ca + b] += v;
          else if (v < 0) coal[b * m + a] -= v;
        }
      }
      continue;
    }
    for (let a = 1; a < m; a++) {
      const ua = util[row + a];
      for (let b = 0; b < a; b++) {
        const v = vote(vr, wk, ua, util[row + b]);
        if (v > 0) coal[a * m + b] += v;
        else if (v < 0) coal[b * m + a] -= v;
      }
    }
  }
  coalitionPce(m, coal, vp, work, vpm, pcem, out);
}

/** Victory probabilities from the coalition matrix, then the Condorcet election (the second half of `scalarPce`). */
export function coalitionPce(m: number, coal: Float64Array, vp: Float64Array, work: Float64Array, vpm: number, pcem: number, out: Float64Array): void {
  for (let a = 0; a < m; a++) {
    vp[a * m + a] = 0.5;
    for (let b = 0; b < a; b++) {
      const cab = coal[a * m + b];
      const cba = coal[b * m + a];
      vp[a * m + b] = victoryProbability(vpm, cab, cba);
      vp[b * m + a] = victoryProbability(vpm, cba, cab);
    }
  }
  condorcetPce(pcem, m, vp, coal, out, work);
}
