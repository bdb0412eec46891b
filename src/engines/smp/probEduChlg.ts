import { vote } from './vote.js';

/** Strength every coalition starts with in the challenge model (KTAB `minCltn`, smp.md §2). */
export const MIN_CHALLENGE_COALITION = 1e-10;

/** Slots of the `out` array of `probEduChlg`. */
export const CHLG_PROB = 0;
export const CHLG_GAIN = 1;
export const CHLG_SQ = 2;
export const CHLG_VICT = 3;
export const CHLG_CNTST = 4;
export const CHLG_CHLG = 5;

/**
 * Third-party utilities by commitment rule (smp.md §3.4), as coefficients of (U(n,i) or U(n,j), U(n,n)):
 * rows u(ik>j), u(j>ik), u(i>jk), u(jk>i); columns NoCommit, SemiCommit, FullCommit.
 * E.g. SemiCommit u(ik>j) = 2·U(n,i) + 1·U(n,n). (`2x + 1y` and `3x + 0y` are exactly KTAB's sums in floating point.)
 */
const TP_COEF = [
  // [a_ikj, b_ikj, a_jik, b_jik, a_ijk, b_ijk, a_jki, b_jki]
  [2, 1, 2, 1, 2, 1, 2, 1], // NoCommit
  [2, 1, 3, 0, 3, 0, 2, 1], // SemiCommit
  [3, 0, 3, 0, 3, 0, 3, 0], // FullCommit
] as const;

/**
 * Estimator h's view of what actor k gains if i challenges j (KTAB `probEduChlg(h,k,i,j)`, smp.md §3.4).
 * `ut` is h's utility matrix transposed: `ut[b*n + a]` = U^h(a, b), the utility actor a gets from actor b's
 * position; `diag[a]` = U^h(a, a). `sc[a]` = S_a c_a (total salience × capability), `sTot[j]` = S_j (j's
 * probability of resisting). `vr` voting rule code, `tpc` third-party commitment (0 NoCommit, 1 SemiCommit,
 * 2 FullCommit). Writes to `out`: [P_h(i>j), dEU, EU_SQ, EU_vict, EU_cntst, EU_chlg] (KTAB's doubled scale).
 * O(N): every third party's little contest and vote. Allocates nothing.
 */
export function probEduChlg(ut: Float64Array, diag: Float64Array, n: number, sc: Float64Array, sTot: ArrayLike<number>, vr: number, tpc: number, k: number, i: number, j: number, out: Float64Array): void {
  const ci = i * n;
  const cj = j * n;
  // Principals' own contributions, frozen for the little contests.
  const a = vote(vr, sc[i], ut[ci + i], ut[cj + i]);
  const b = vote(vr, sc[j], ut[ci + j], ut[cj + j]);
  const cij0 = MIN_CHALLENGE_COALITION + (a > 0 ? a : 0) + (b > 0 ? b : 0);
  const cji0 = MIN_CHALLENGE_COALITION + (a < 0 ? -a : 0) + (b < 0 ? -b : 0);
  const c = TP_COEF[tpc];
  const a1 = c[0], b1 = c[1], a2 = c[2], b2 = c[3], a3 = c[4], b3 = c[5], a4 = c[6], b4 = c[7];
  let cij = cij0;
  let cji = cji0;
  {
    // Reference form of the third-party loop; the engine's hot path is `challengeGains` (same arithmetic).
    for (let m = 0; m < n; m++) {
      if (m === i || m === j) continue;
      const ui = ut[ci + m];
      const uj = ut[cj + m];
      const w = sc[m];
      // Little contest: m adds its own vote to the frozen principal sums.
      const v = vote(vr, w, ui, uj);
      const xij = cij0 + Math.max(v, 0);
      const xji = cji0 + Math.max(-v, 0);
      const pin = xij / (xij + xji);
      const un = diag[m];
      const euI = pin * (a1 * ui + b1 * un) + (1 - pin) * (a2 * uj + b2 * un);
      const euJ = pin * (a3 * ui + b3 * un) + (1 - pin) * (a4 * uj + b4 * un);
      const tv = vote(vr, w, euI, euJ);
      cij += Math.max(tv, 0);
      cji += Math.max(-tv, 0);
    }
  }
  const pij = cij / (cij + cji);
  const pji = cji / (cij + cji);
  const uki = ut[ci + k];
  const ukj = ut[cj + k];
  const sq = uki + ukj;
  const vict = 2 * uki;
  const cntst = pij * (2 * uki) + pji * (2 * ukj);
  const sj = sTot[j];
  const chlg = (1 - sj) * vict + sj * cntst;
  out[CHLG_PROB] = pij;
  out[CHLG_GAIN] = chlg - sq;
  out[CHLG_SQ] = sq;
  out[CHLG_VICT] = vict;
  out[CHLG_CNTST] = cntst;
  out[CHLG_CHLG] = chlg;
}

/**
 * The engine's hot path of smp.md §3.5 step 2: estimator i's `probEduChlg(i,i,i,j)` for every target j, writing
 * P_i(i>j) to `prob[j]` and the expected gain to `gain[j]` (`gain[i]` = -Infinity). Same arithmetic, in the same order,
 * as `probEduChlg` (bit-identical results), but with the third parties' commitment utilities precomputed per column:
 * `t2[b*n+a]` = 2U(a,b) + U(a,a) and `t3[b*n+a]` = 3U(a,b). O(N²) per initiator.
 */
export function challengeGains(ut: Float64Array, t2: Float64Array, t3: Float64Array, n: number, sc: Float64Array, sTot: ArrayLike<number>, vr: number, tpc: number, i: number, prob: Float64Array, gain: Float64Array): void {
  const ci = i * n;
  // (X_i, Y_j, Z_i, W_j): EU(join i) = p X + (1-p) Y, EU(join j) = p Z + (1-p) W.
  const X = tpc === 2 ? t3 : t2;
  const Y = tpc === 0 ? t2 : t3;
  const Z = tpc === 0 ? t2 : t3;
  const W = tpc === 2 ? t3 : t2;
  for (let j = 0; j < n; j++) {
    if (j === i) {
      prob[j] = 0;
      gain[j] = -Infinity;
      continue;
    }
    const cj = j * n;
    const a = vote(vr, sc[i], ut[ci + i], ut[cj + i]);
    const b = vote(vr, sc[j], ut[ci + j], ut[cj + j]);
    const cij0 = MIN_CHALLENGE_COALITION + (a > 0 ? a : 0) + (b > 0 ? b : 0);
    const cji0 = MIN_CHALLENGE_COALITION + (a < 0 ? -a : 0) + (b < 0 ? -b : 0);
    let cij = cij0;
    let cji = cji0;
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    if (vr === 2) {
      for (let r = 0; r < 3; r++) {
        const m0 = r === 0 ? 0 : r === 1 ? lo + 1 : hi + 1;
        const m1 = r === 0 ? lo : r === 1 ? hi : n;
        for (let m = m0; m < m1; m++) {
          const ui = ut[ci + m];
          const w = sc[m];
          const v = w * (ui - ut[cj + m]);
          const xij = cij0 + Math.max(v, 0);
          const xji = cji0 + Math.max(-v, 0);
          const pin = xij / (xij + xji);
          const qin = 1 - pin;
          const tv = w * (pin * X[ci + m] + qin * Y[cj + m] - (pin * Z[ci + m] + qin * W[cj + m]));
          cij += Math.max(tv, 0);
          cji += Math.max(-tv, 0);
        }
      }
    } else {
      for (let m = 0; m < n; m++) {
        if (m === i || m === j) continue;
        const w = sc[m];
        const v = vote(vr, w, ut[ci + m], ut[cj + m]);
        const xij = cij0 + Math.max(v, 0);
        const xji = cji0 + Math.max(-v, 0);
        const pin = xij / (xij + xji);
        const tv = vote(vr, w, pin * X[ci + m] + (1 - pin) * Y[cj + m], pin * Z[ci + m] + (1 - pin) * W[cj + m]);
        cij += Math.max(tv, 0);
        cji += Math.max(-tv, 0);
      }
    }
    const pij = cij / (cij + cji);
    const pji = cji / (cij + cji);
    const uki = ut[ci + i];
    const ukj = ut[cj + i];
    const sq = uki + ukj;
    const vict = 2 * uki;
    const cntst = pij * (2 * uki) + pji * (2 * ukj);
    const sj = sTot[j];
    prob[j] = pij;
    gain[j] = (1 - sj) * vict + sj * cntst - sq;
  }
}
