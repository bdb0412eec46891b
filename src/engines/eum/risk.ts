import type { EumOptions } from './options.js';
import type { Workspace } from './workspace.js';
import { expectedUtility, noChallenge, utilityFailure, utilitySuccess, utilityStatusQuo } from './utilities.js';

/**
 * The risk pass (eum.md §6 steps 1–2, parity rule 4): with every r = 1 (and `ws.prob` computed with vote
 * exponent 1), the danger of each actor D_i = Σ_{j≠i} EU_j(i), the EU of j challenging i, summed in input order.
 * `mu` is the median used by the no-challenge block when Q < 1.
 */
export function dangers(ws: Workspace, o: EumOptions, mu: number): void {
  const { n, x, s, at, m, prob, delta, danger } = ws;
  const usq = utilityStatusQuo(1);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const ai = at[i];
    const si = s[i];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const xj = x[j];
      const d = Math.abs(xj - xi) / delta;
      const nc = o.Q === 1 ? usq : noChallenge(usq, Math.abs(xj - mu) / delta + d, 1, o);
      sum += expectedUtility(prob[at[j] * m + ai], si, utilitySuccess(d, 1), utilityFailure(d, 1), nc);
    }
    danger[i] = sum;
  }
}

/**
 * Risk exponents from dangers (eum.md §6 steps 3–4): R_i = (2·D_i − D_max − D_min)/(D_max − D_min) and
 * r_i = (1 − R_i/3)/(1 + R_i/3) ∈ [0.5, 2]. Guard: when D_max − D_min ≤ `guard` (0 = exact equality, as when
 * every actor sits at one position) the denominator is unusable and every actor gets R = 0, r = 1.
 */
export function riskExponents(danger: Float64Array, r: Float64Array, guard: number): void {
  let dmax = -Infinity;
  let dmin = Infinity;
  for (let i = 0; i < danger.length; i++) {
    if (danger[i] > dmax) dmax = danger[i];
    if (danger[i] < dmin) dmin = danger[i];
  }
  if (!(dmax - dmin > guard)) {
    r.fill(1);
    return;
  }
  for (let i = 0; i < danger.length; i++) {
    const R = (2 * danger[i] - dmax - dmin) / (dmax - dmin);
    r[i] = (1 - R / 3) / (1 + R / 3);
  }
}
