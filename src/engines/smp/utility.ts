/**
 * Risk-aware utility of a normalised distance `d` for risk attitude `r` in [-1, 1]
 * (KTAB's quadratic family, smp.md §3.1): `(1-d)(1+dR)` for d <= 1, else `(1-d)(1+R)`.
 */
export function riskUtility(d: number, r: number): number {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

/**
 * Salience-weighted normalised distance from ideal `idl` (actor i, saliences `sal`, both at offset `io`)
 * to position `x` at offset `xo`, over `d` dimensions (smp.md §3.1):
 * `sqrt( Σ_k (s_k (idl_k − x_k))² / Σ_k s_k² )`. An actor with no salience anywhere is at distance 0 from everything.
 */
export function salienceDistance(idl: ArrayLike<number>, sal: ArrayLike<number>, io: number, x: ArrayLike<number>, xo: number, d: number): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < d; k++) {
    const s = sal[io + k];
    const dx = s * (idl[io + k] - x[xo + k]);
    num += dx * dx;
    den += s * s;
  }
  return den > 0 ? Math.sqrt(num / den) : 0;
}
