/**
 * Risk attitudes ("big R") from the probabilities `p` that each actor's position wins (smp.md §3.3 step 3),
 * written to `out`: range 0 Min `[0,1]`, 1 Mid `[-0.5,1]`, 2 Max `[-1,1]`; the most likely position gets +1.
 * When all probabilities are equal (KTAB divides 0 by 0) everyone is risk-neutral (R = 0). Returns false then.
 */
export function riskAttitudes(range: number, p: ArrayLike<number>, n: number, out: Float64Array): boolean {
  let pMin = Infinity;
  let pMax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (p[i] < pMin) pMin = p[i];
    if (p[i] > pMax) pMax = p[i];
  }
  if (!(pMax > pMin)) {
    out.fill(0, 0, n);
    return false;
  }
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    if (range === 0) out[i] = (pi - pMin) / (pMax - pMin);
    else if (range === 1) out[i] = (3 * pi - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
    else out[i] = (2 * pi - (pMax + pMin)) / (pMax - pMin);
  }
  return true;
}

/**
 * Actor h's estimate of actor i's risk attitude from its own `rh` and i's `ri` (KTAB BigRAdjust, smp.md §3.3 step 4):
 * 0 None `R_h`, 1 OneThird `(2R_h+R_i)/3`, 2 Half, 3 TwoThirds `(R_h+2R_i)/3`, 4 Full `R_i`.
 */
export function estimatedRisk(adjust: number, rh: number, ri: number): number {
  switch (adjust) {
    case 0:
      return rh;
    case 1:
      return (2 * rh + ri) / 3;
    case 2:
      return (rh + ri) / 2;
    case 3:
      return (rh + 2 * ri) / 3;
    default:
      return ri;
  }
}
