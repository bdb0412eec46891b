/**
 * The median voter position μ: the held position that beats every other in the summed pairwise vote
 * v_k(a, b) = c_k·s_k·[d(x_k, b) − d(x_k, a)] (ρ = 1, eum.md §2). "King of the hill" over the distinct positions
 * `u[0..m)` in ascending order: a challenger replaces the incumbent only on a strictly positive summed vote
 * (voters summed in input order; parity rule 2). Equals the capability×salience-weighted median in 1-D.
 */
export function condorcetMedian(x: Float64Array, w: Float64Array, u: Float64Array, m: number, delta: number): number {
  if (m === 0) return NaN;
  let inc = u[0];
  for (let c = 1; c < m; c++) {
    const ch = u[c];
    let vote = 0;
    for (let k = 0; k < x.length; k++) vote += w[k] * (Math.abs(x[k] - inc) / delta - Math.abs(x[k] - ch) / delta);
    if (vote > 0) inc = ch;
  }
  return inc;
}
