/**
 * The smallest period p (1 ≤ p ≤ t, p ≤ maxPeriod) such that the state after round t equals the state after
 * round t − p, every actor within `tol` (absolute, on the scale); 0 when none. p = 1 means no actor moved.
 * `history[t]` is the state after round t (history[0] = input).
 */
export function repeatPeriod(history: readonly Float64Array[], t: number, tol: number, maxPeriod = t): number {
  const now = history[t];
  for (let p = 1; p <= Math.min(t, maxPeriod); p++) {
    const then = history[t - p];
    let same = true;
    for (let i = 0; i < now.length; i++) {
      if (!(Math.abs(now[i] - then[i]) <= tol)) {
        same = false;
        break;
      }
    }
    if (same) return p;
  }
  return 0;
}
