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
  const { m, prob } = ws;
  // Blocks of four rows p share each streamed row q (cache reuse); pairs inside a block go one by one.
  for (let p0 = 0; p0 < m; p0 += 4) {
    const pEnd = Math.min(p0 + 4, m);
    for (let p = p0; p < pEnd; p++) {
      prob[p * m + p] = 0;
      for (let q = p + 1; q < pEnd; q++) onePair(ws, rule, denominator, p, q);
    }
    if (pEnd - p0 === 4 && rule !== 'paper') for (let q = pEnd; q < m; q++) fourRows(ws, rule, denominator, p0, q);
    else for (let p = p0; p < pEnd; p++) for (let q = pEnd; q < m; q++) onePair(ws, rule, denominator, p, q);
  }
}

/** Probabilities of positions p and q against each other (see `probabilities`). */
function onePair(ws: Workspace, rule: ProbabilityRule, denominator: number, p: number, q: number): void {
  const { n, m, w, pw, prob } = ws;
  const rowP = p * n;
  const rowQ = q * n;
  let pq = 0;
  let qp = 0;
  if (rule === 'scholz-code') {
    let pos = 0;
    let neg = 0;
    for (let k = 0; k < n; k++) {
      // Branch-free and exact: (|v| + v)/2 is v when v > 0 and 0 otherwise (doubling and halving are exact).
      const v = w[k] * (pw[rowQ + k] - pw[rowP + k]);
      const a = Math.abs(v);
      pos += (a + v) * 0.5;
      neg += (a - v) * 0.5;
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
      const a = Math.abs(v);
      pos += (a + v) * 0.5;
      neg += (a - v) * 0.5;
      abs += a;
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

/**
 * `onePair` for the pairs (p0, q), (p0+1, q), (p0+2, q), (p0+3, q) at once (scholz-code and masad rules). Each of
 * the eight sums still runs over the voters in input order, so the results are bit-identical to `onePair`; the
 * independent sums hide the latency of floating-point addition and row q is read once for four rows p.
 */
function fourRows(ws: Workspace, rule: ProbabilityRule, denominator: number, p0: number, q: number): void {
  const { n, m, w, pw, prob } = ws;
  const rowQ = q * n;
  const r0 = p0 * n;
  const r1 = r0 + n;
  const r2 = r1 + n;
  const r3 = r2 + n;
  // scholz-code: a* = supporting mass for p, b* = for q; masad: a* = net, b* = absolute mass.
  let a0 = 0, b0 = 0, a1 = 0, b1 = 0, a2 = 0, b2 = 0, a3 = 0, b3 = 0; // prettier-ignore
  if (rule === 'scholz-code') {
    for (let k = 0; k < n; k++) {
      const wk = w[k];
      const base = pw[rowQ + k];
      const v0 = wk * (base - pw[r0 + k]);
      const v1 = wk * (base - pw[r1 + k]);
      const v2 = wk * (base - pw[r2 + k]);
      const v3 = wk * (base - pw[r3 + k]);
      const x0 = Math.abs(v0);
      const x1 = Math.abs(v1);
      const x2 = Math.abs(v2);
      const x3 = Math.abs(v3);
      a0 += (x0 + v0) * 0.5;
      b0 += (x0 - v0) * 0.5;
      a1 += (x1 + v1) * 0.5;
      b1 += (x1 - v1) * 0.5;
      a2 += (x2 + v2) * 0.5;
      b2 += (x2 - v2) * 0.5;
      a3 += (x3 + v3) * 0.5;
      b3 += (x3 - v3) * 0.5;
    }
    scholzPair(prob, m, p0, q, a0, b0, denominator);
    scholzPair(prob, m, p0 + 1, q, a1, b1, denominator);
    scholzPair(prob, m, p0 + 2, q, a2, b2, denominator);
    scholzPair(prob, m, p0 + 3, q, a3, b3, denominator);
    return;
  }
  for (let k = 0; k < n; k++) {
    const wk = w[k];
    const base = pw[rowQ + k];
    const v0 = wk * (base - pw[r0 + k]);
    const v1 = wk * (base - pw[r1 + k]);
    const v2 = wk * (base - pw[r2 + k]);
    const v3 = wk * (base - pw[r3 + k]);
    a0 += v0;
    b0 += Math.abs(v0);
    a1 += v1;
    b1 += Math.abs(v1);
    a2 += v2;
    b2 += Math.abs(v2);
    a3 += v3;
    b3 += Math.abs(v3);
  }
  masadPair(prob, m, p0, q, a0, b0);
  masadPair(prob, m, p0 + 1, q, a1, b1);
  masadPair(prob, m, p0 + 2, q, a2, b2);
  masadPair(prob, m, p0 + 3, q, a3, b3);
}

/** The Scholz-code rule from a pair's supporting masses: each over the all-pairs denominator, 0 when it is 0. */
function scholzPair(prob: Float64Array, m: number, p: number, q: number, pos: number, neg: number, den: number): void {
  prob[p * m + q] = den > 0 ? pos / den : 0;
  prob[q * m + p] = den > 0 ? neg / den : 0;
}

/** Masad's rule from a pair's net and absolute vote mass: max(0, ±net)/abs, 0 when abs = 0. */
function masadPair(prob: Float64Array, m: number, p: number, q: number, net: number, abs: number): void {
  prob[p * m + q] = abs > 0 ? Math.max(0, net) / abs : 0;
  prob[q * m + p] = abs > 0 ? Math.max(0, -net) / abs : 0;
}
