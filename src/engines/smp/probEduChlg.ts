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
 * Estimator h's view of what actor k gains if i challenges j (KTAB `probEduChlg(h,k,i,j)`, smp.md §3.4).
 * `ut` is h's utility matrix transposed: `ut[b*n + a]` = U^h(a, b), the utility actor a gets from actor b's
 * position. `sc[a]` = S_a c_a (total salience × capability), `sTot[j]` = S_j (j's probability of resisting).
 * `vr` voting rule code, `tpc` third-party commitment (0 NoCommit, 1 SemiCommit, 2 FullCommit).
 * Writes to `out`: [P_h(i>j), dEU, EU_SQ, EU_vict, EU_cntst, EU_chlg] (utilities on KTAB's doubled scale).
 */
export function probEduChlg(ut: Float64Array, n: number, sc: ArrayLike<number>, sTot: ArrayLike<number>, vr: number, tpc: number, k: number, i: number, j: number, out: Float64Array): void {
  const ci = i * n;
  const cj = j * n;
  // Principals' own contributions, frozen for the little contests.
  const a = vote(vr, sc[i], ut[ci + i], ut[cj + i]);
  const b = vote(vr, sc[j], ut[ci + j], ut[cj + j]);
  const cij0 = MIN_CHALLENGE_COALITION + (a > 0 ? a : 0) + (b > 0 ? b : 0);
  const cji0 = MIN_CHALLENGE_COALITION + (a < 0 ? -a : 0) + (b < 0 ? -b : 0);
  let cij = cij0;
  let cji = cji0;
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const ui = ut[ci + m];
    const uj = ut[cj + m];
    const w = sc[m];
    // Little contest: m adds its own vote to the frozen principal sums.
    const v = vote(vr, w, ui, uj);
    let pin: number;
    if (v > 0) {
      const x = cij0 + v;
      pin = x / (x + cji0);
    } else {
      const y = cji0 - v;
      pin = cij0 / (cij0 + y);
    }
    let uIkJ: number, uJIk: number, uIJk: number, uJkI: number;
    if (tpc === 1) {
      const un = ut[m * n + m];
      uIkJ = 2 * ui + un;
      uJIk = 3 * uj;
      uIJk = 3 * ui;
      uJkI = 2 * uj + un;
    } else if (tpc === 2) {
      uIkJ = 3 * ui;
      uJIk = 3 * uj;
      uIJk = 3 * ui;
      uJkI = 3 * uj;
    } else {
      const un = ut[m * n + m];
      uIkJ = 2 * ui + un;
      uJIk = 2 * uj + un;
      uIJk = 2 * ui + un;
      uJkI = 2 * uj + un;
    }
    const euI = pin * uIkJ + (1 - pin) * uJIk;
    const euJ = pin * uIJk + (1 - pin) * uJkI;
    const tv = vote(vr, w, euI, euJ);
    if (tv > 0) cij += tv;
    else if (tv < 0) cji -= tv;
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
