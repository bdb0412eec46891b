/** Convergence tolerance of the MarkovIncentive PCE (smp.md §2). */
export const MARKOV_INCENTIVE_TOL = 1e-8;
/** Convergence tolerance of the MarkovUniform PCE. */
export const MARKOV_UNIFORM_TOL = 1e-6;
/** Iteration cap of the Markov PCEs (KTAB throws beyond it; we stop there). */
export const MARKOV_MAX_ITER = 1000;
/** Added to the diagonal of the incentive matrix of the MarkovIncentive PCE. */
export const INCENTIVE_EPS = 1e-10;

/**
 * Probabilistic Condorcet election over m options (KTAB PCEModel, smp.md §3.2): from the victory-probability matrix
 * `vp` (m×m, row-major, `vp[a*m+b]` = P(a beats b), diagonal 0.5) and the coalition matrix `coal` (used by
 * MarkovIncentive), writes each option's probability to `out[0..m)`. `pcem`: 0 Conditional, 1 MarkovIncentive,
 * 2 MarkovUniform. `work` needs m*m + 2m entries. Returns the number of Markov iterations (0 for Conditional).
 */
export function condorcetPce(pcem: number, m: number, vp: Float64Array, coal: Float64Array, out: Float64Array, work: Float64Array): number {
  if (pcem === 0) {
    conditionalPce(m, vp, out);
    return 0;
  }
  const q = work;
  const p = out;
  for (let a = 0; a < m; a++) p[a] = 1 / m;
  let ch: Float64Array | undefined;
  if (pcem === 1) {
    // ch(a,b) = n(a,b) / Σ_k n(k,b), n(a,b) = C(a,b) P(a>b) (+1e-10 on the diagonal), stored at work[2m + a*m + b].
    ch = work.subarray(2 * m, 2 * m + m * m);
    for (let b = 0; b < m; b++) {
      let colSum = 0;
      for (let a = 0; a < m; a++) {
        const nab = coal[a * m + b] * vp[a * m + b] + (a === b ? INCENTIVE_EPS : 0);
        ch[a * m + b] = nab;
        colSum += nab;
      }
      for (let a = 0; a < m; a++) ch[a * m + b] /= colSum;
    }
  }
  const tol = pcem === 1 ? MARKOV_INCENTIVE_TOL : MARKOV_UNIFORM_TOL;
  let iter = 0;
  while (iter < MARKOV_MAX_ITER) {
    iter++;
    for (let a = 0; a < m; a++) {
      let s = 0;
      const pa = p[a];
      if (ch) {
        // t(a,b) = p_a ch(b,a); q_a = Σ_b P(a>b) (t(a,b) + t(b,a))
        for (let b = 0; b < m; b++) s += vp[a * m + b] * (pa * ch[b * m + a] + p[b] * ch[a * m + b]);
        q[a] = s;
      } else {
        for (let b = 0; b < m; b++) s += vp[a * m + b] * (pa + p[b]);
        q[a] = s / m;
      }
    }
    let change = 0;
    for (let a = 0; a < m; a++) {
      const np = (p[a] + q[a]) / 2;
      const dlt = Math.abs(np - p[a]);
      if (dlt > change) change = dlt;
      p[a] = np;
    }
    if (change <= tol) break;
  }
  return iter;
}

/**
 * Conditional PCE: `q_a = Π_b P(a>b)` (diagonal included), normalised (smp.md §3.2). Falls back to log space when
 * every product underflows (KTAB would divide 0 by 0 there).
 */
export function conditionalPce(m: number, vp: Float64Array, out: Float64Array): void {
  let total = 0;
  for (let a = 0; a < m; a++) {
    let q = 1;
    for (let b = 0; b < m; b++) q *= vp[a * m + b];
    out[a] = q;
    total += q;
  }
  if (total > 0 && Number.isFinite(total)) {
    for (let a = 0; a < m; a++) out[a] /= total;
    return;
  }
  let best = -Infinity;
  for (let a = 0; a < m; a++) {
    let l = 0;
    for (let b = 0; b < m; b++) l += Math.log(vp[a * m + b]);
    out[a] = l;
    if (l > best) best = l;
  }
  total = 0;
  for (let a = 0; a < m; a++) {
    out[a] = Math.exp(out[a] - best);
    total += out[a];
  }
  for (let a = 0; a < m; a++) out[a] /= total;
}
