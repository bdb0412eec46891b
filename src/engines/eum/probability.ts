import type { ProbabilityRule } from './options.js';
import type { Workspace } from './workspace.js';

/**
 * Fills `ws.pw[p * n + k] = d(x_k, u_p)^ρ_k` for every distinct position p and voter k, with d = |a − b| / Δ
 * (eum.md §1–2): the distances raised to each voter's exponent, computed once per pass.
 */
export function powerDistances(ws: Workspace, rho: Float64Array): void {
  const { n, m, u, x, pw, delta } = ws;
  for (let p = 0; p < m; p++) {
    const up = u[p];
    const row = p * n;
    for (let k = 0; k < n; k++) {
      const dk = Math.abs(x[k] - up) / delta;
      const e = rho[k];
      pw[row + k] = e === 1 ? dk : Math.pow(dk, e);
    }
  }
}

/**
 * The Scholz-code probability denominator (eum.md §3): Σ_k Σ_a Σ_b |v_k(x_a, x_b)| over every voter k and every
 * ordered pair of actors (a, b), with v_k(a, b) = c_k·s_k·[d(x_k, b)^ρ_k − d(x_k, a)^ρ_k]. For each voter the
 * positions are visited in order of distance (two pointers out from the voter's own position), so the sum of
 * absolute differences over all pairs is a weighted running sum: O(n·m) instead of O(n·m²).
 */
export function allPairsVoteMass(ws: Workspace): number {
  const { n, m, at, pw, count, byDistance: ord } = ws;
  let total = 0;
  for (let k = 0; k < n; k++) {
    // Merge the positions left and right of x_k by powered distance (non-decreasing).
    let lo = at[k] - 1;
    let hi = at[k] + 1;
    let t = 0;
    ord[t++] = at[k];
    while (lo >= 0 || hi < m) {
      if (hi >= m || (lo >= 0 && pw[lo * n + k] <= pw[hi * n + k])) ord[t++] = lo--;
      else ord[t++] = hi++;
    }
    // Σ_a Σ_b |y_a − y_b| = 2 Σ_t c_t·y_t·(#before − #after) over the sorted groups.
    let before = 0;
    let sum = 0;
    for (let q = 0; q < m; q++) {
      const p = ord[q];
      const c = count[p];
      const after = n - before - c;
      sum += c * pw[p * n + k] * (before - after);
      before += c;
    }
    total += ws.w[k] * (2 * sum);
  }
  return total;
}

/**
 * Fills `ws.prob[p * m + q]` = P(an actor at u_p prevails over one at u_q) for every pair of distinct positions,
 * from the powered distances in `ws.pw` (eum.md §3, parity rule 3). Voters are summed in input order.
 * - `scholz-code`: Σ_{k: v_k > 0} v_k / `denominator` (the all-pairs vote mass);
 * - `paper`: Σ_{k: v_k > 0} v_k / Σ_k |v_k|, so P_i(j) + P_j(i) = 1;
 * - `masad`: max(0, Σ_k v_k) / Σ_k |v_k|.
 * P = 0 on the diagonal and wherever the denominator is 0 (guard, parity rule 9).
 */
export function probabilities(ws: Workspace, rule: ProbabilityRule, denominator: number): void {
  const { n, m, w, pw, prob } = ws;
  for (let p = 0; p < m; p++) {
    prob[p * m + p] = 0;
    const rowP = p * n;
    for (let q = p + 1; q < m; q++) {
      const rowQ = q * n;
      let pq = 0;
      let qp = 0;
      if (rule === 'scholz-code') {
        let pos = 0;
        let neg = 0;
        for (let k = 0; k < n; k++) {
          const v = w[k] * (pw[rowQ + k] - pw[rowP + k]);
          if (v > 0) pos += v;
          else neg -= v;
        }
        if (denominator > 0) {
          pq = pos / denominator;
          qp = neg / denominator;
        }
      } else if (rule === 'paper') {
        let pos = 0;
        let neg = 0;
        let abs = 0;
        for (let k = 0; k < n; k++) {
          const v = w[k] * (pw[rowQ + k] - pw[rowP + k]);
          if (v > 0) pos += v;
          else neg -= v;
          abs += Math.abs(v);
        }
        if (abs > 0) {
          pq = pos / abs;
          qp = neg / abs;
        }
      } else {
        let net = 0;
        let abs = 0;
        for (let k = 0; k < n; k++) {
          const v = w[k] * (pw[rowQ + k] - pw[rowP + k]);
          net += v;
          abs += Math.abs(v);
        }
        if (abs > 0) {
          pq = Math.max(0, net) / abs;
          qp = Math.max(0, -net) / abs;
        }
      }
      prob[p * m + q] = pq;
      prob[q * m + p] = qp;
    }
  }
}
