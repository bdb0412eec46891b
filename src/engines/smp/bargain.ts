/** Weight added to one side of an interpolated bargain so that it is never 0/0 (KTAB `minW`, smp.md §2). */
export const MIN_BARGAIN_WEIGHT = 1e-6;

/** Rounds to 4 decimals on the [0,1] scale as KTAB does: `floor(0.5 + x·1e4)/1e4` (smp.md §3.5). */
export function round4(x: number): number {
  return Math.floor(0.5 + x * 1e4) / 1e4;
}

/**
 * The bargain point of initiator i and receiver j on every dimension (KTAB InterVecBrgn, smp.md §3.5 step 3), with
 * p = P(i>j) as the bargain's maker estimates it and q = 1 − p. Current positions `x` and saliences `sal` are
 * actor-major with `d` dimensions. Writes i's new coordinates to `outI` at `oo` and j's to `outJ` at `oo`.
 * `ivb`: 0 S1P1, 1 S2P2 (both rounded to 4 decimals), 2 S2PMax (not rounded).
 */
export function interpolateBargain(ivb: number, x: ArrayLike<number>, sal: ArrayLike<number>, d: number, i: number, j: number, p: number, outI: Float64Array, outJ: Float64Array, oo: number): void {
  const q = 1 - p;
  const io = i * d;
  const jo = j * d;
  if (ivb === 2) {
    const di = q - p > 0 ? q - p : 0;
    const dj = p - q > 0 ? p - q : 0;
    for (let k = 0; k < d; k++) {
      const ti = x[io + k];
      const tj = x[jo + k];
      const si2 = sal[io + k] * sal[io + k];
      const sj2 = sal[jo + k] * sal[jo + k];
      outI[oo + k] = ti + ((di * sj2) / (di * sj2 + MIN_BARGAIN_WEIGHT + (1 - di) * si2)) * (tj - ti);
      outJ[oo + k] = tj + ((dj * si2) / (dj * si2 + MIN_BARGAIN_WEIGHT + (1 - dj) * sj2)) * (ti - tj);
    }
    return;
  }
  const pm = ivb === 0 ? p : p * p;
  const qm = ivb === 0 ? q : q * q;
  for (let k = 0; k < d; k++) {
    const si = sal[io + k];
    const sj = sal[jo + k];
    const wi = (ivb === 0 ? si : si * si) * pm;
    const wj = (ivb === 0 ? sj : sj * sj) * qm;
    const ti = x[io + k];
    const tj = x[jo + k];
    outI[oo + k] = round4(((wi + MIN_BARGAIN_WEIGHT) * ti + wj * tj) / (wi + MIN_BARGAIN_WEIGHT + wj));
    outJ[oo + k] = round4((wi * ti + (wj + MIN_BARGAIN_WEIGHT) * tj) / (wi + MIN_BARGAIN_WEIGHT + wj));
  }
}
