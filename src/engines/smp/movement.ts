/** KTAB's stopping constants (smp.md §2, §3.6): at least 2 turns; stop when a turn moves < 2% of the first. */
export const MIN_ITER = 2;
export const MIN_DELTA_RATIO = { ratio: 0.02, sigDelta: 1e-4 } as const;

/**
 * Total movement between two states, `Σ_i ||x_i(a) − x_i(b)||₂` (unweighted, [0,1] scale; smp.md §3.6).
 * A turn's stop ratio is its movement divided by (the first turn's movement + 1e-4).
 */
export function movement(a: Float64Array, b: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) {
      const dx = a[i * d + k] - b[i * d + k];
      s += dx * dx;
    }
    total += Math.sqrt(s);
  }
  return total;
}
